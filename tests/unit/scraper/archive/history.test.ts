// The history of a paper's numbers (scraper/archive/history.ts): one form whatever the order of
// the observations (an import of older dumps after newer ones, a merge), an entry only when a
// number changed, a file untouched when nothing did, and every write of a day adding to it.
import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { papersFromItems } from '../../../../scraper/archive/from-api.ts';
import {
  historyFilePath,
  mergeHistories,
  normalizeHistory,
  observationsOf,
  observe,
  parseHistory,
  readHistory,
  recordHistory,
  renderHistory,
} from '../../../../scraper/archive/history.ts';
import { type Day, FORMAT_VERSION, type HistoryEntry } from '../../../../scraper/archive/schema.ts';
import { writeDay } from '../../../../scraper/archive/store.ts';
import { ERA_DAYS, fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { tempDir } from '../../../helpers/temp.ts';

const DATE = ERA_DAYS.late2026;

function day(fetchedAt: string, votes: (i: number) => number = () => 0): Day {
  const { papers } = papersFromItems(fixtureItems(DATE).slice(0, 3));
  return {
    format: FORMAT_VERSION,
    date: DATE,
    status: 'ok',
    source: `https://huggingface.co/papers/date/${DATE}`,
    via: 'api',
    fetchedAt,
    problems: [],
    papers: papers.map((p, i) => ({ ...p, upvotes: votes(i) })),
  };
}

const entry = (id: string, at: string, upvotes: number, comments = 0, githubStars: number | null = null) => ({
  id,
  at: `2026-08-${at}T01:00:00.000Z`,
  upvotes,
  comments,
  githubStars,
});

describe('the one form of a history', () => {
  it('keeps, of each paper, the entries that changed a number, in time order', () => {
    const entries = [
      entry('2608.00002', '09', 5),
      entry('2608.00001', '08', 1),
      entry('2608.00001', '09', 1), // the same numbers a day later: nothing moved
      entry('2608.00001', '10', 4),
      entry('2608.00001', '11', 4, 2), // a comment
      entry('2608.00001', '12', 4, 2, 10), // stars found
    ];
    expect(normalizeHistory(entries).map((e) => `${e.id} ${e.at.slice(8, 10)}`)).toEqual([
      '2608.00001 08',
      '2608.00002 09',
      '2608.00001 10',
      '2608.00001 11',
      '2608.00001 12',
    ]);
  });

  it('is the same for the same observations in any order, and merging is that form of both', () => {
    const observation = fc.record({
      id: fc.constantFrom('2608.00001', '2608.00002', '2608.00003'),
      at: fc.integer({ min: 1, max: 28 }).map((d) => `2026-08-${String(d).padStart(2, '0')}T01:00:00.000Z`),
      upvotes: fc.integer({ min: 0, max: 4 }),
      comments: fc.integer({ min: 0, max: 1 }),
      githubStars: fc.option(fc.integer({ min: 0, max: 1 })),
    });
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 30 }), fc.array(observation, { maxLength: 30 }), (a, b) => {
        const once = normalizeHistory([...a, ...b]);
        expect(normalizeHistory([...b, ...a])).toEqual(once);
        expect(normalizeHistory(once)).toEqual(once);
        expect(mergeHistories(a, b)).toEqual(mergeHistories(b, a));
        expect(parseHistory(renderHistory(once), 'h.jsonl')).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });

  it('observes a day: its papers at its fetch time; the same day again adds nothing', () => {
    const first = observe(
      [],
      day('2026-08-08T01:00:00.000Z', (i) => i),
    );
    // In arXiv id order within one fetch, not the listing's.
    expect(first.map((e) => e.id)).toEqual(first.map((e) => e.id).sort());
    expect(first.map((e) => e.at)).toEqual(Array(3).fill('2026-08-08T01:00:00.000Z'));
    expect(first.map((e) => e.upvotes).sort()).toEqual([0, 1, 2]);
    expect(
      observe(
        first,
        day('2026-08-09T01:00:00.000Z', (i) => i),
      ),
    ).toEqual(first);
    const moved = observe(
      first,
      day('2026-08-09T01:00:00.000Z', (i) => (i === 1 ? 9 : i)),
    );
    const second = first.find((e) => e.upvotes === 1)!;
    expect(moved.slice(3)).toEqual([{ ...second, at: '2026-08-09T01:00:00.000Z', upvotes: 9 }]);
  });
});

describe('a history file', () => {
  it('names the file and the line of an entry that is not one', () => {
    const good = renderHistory([entry('2608.00001', '08', 1)]);
    expect(() => parseHistory(`${good}{not json\n`, 'h.jsonl')).toThrow('h.jsonl: line 2 is not JSON');
    expect(() => parseHistory(`${good}{"id":"../x","at":"2026","upvotes":-1}\n`, 'h.jsonl')).toThrow(
      /h\.jsonl: line 2: id: must be an arXiv id.*upvotes/,
    );
    expect(() => parseHistory(good.replace('"upvotes":1', '"upvotes":1,"extra":1'), 'h.jsonl')).toThrow(/line 1/);
  });

  it('is written only when a number changed, and then only added to', async () => {
    const content = tempDir('history-');
    expect(await recordHistory(content, DATE, observationsOf(day('2026-08-08T01:00:00.000Z')))).toBe(3);
    const file = historyFilePath(content, DATE);
    expect(file).toBe(path.join(content, 'history', DATE.slice(0, 4), `${DATE}.jsonl`));
    const text = readFileSync(file, 'utf8');
    utimesSync(file, new Date(2000, 0, 1), new Date(2000, 0, 1));
    const aged = statSync(file).mtimeMs;
    expect(await recordHistory(content, DATE, observationsOf(day('2026-08-09T01:00:00.000Z')))).toBe(0);
    expect(statSync(file).mtimeMs).toBe(aged);
    expect(await recordHistory(content, DATE, observationsOf(day('2026-08-10T01:00:00.000Z', () => 7)))).toBe(3);
    const grown = readFileSync(file, 'utf8');
    expect(grown.startsWith(text)).toBe(true);
    expect(grown.split('\n').length).toBe(text.split('\n').length + 3);
    expect(await readHistory(content, DATE)).toHaveLength(6);
  });

  it('is read as every archive file is: a folder or a link out of the archive is named', async () => {
    const content = tempDir('history-');
    const file = historyFilePath(content, DATE);
    mkdirSync(file, { recursive: true });
    await expect(readHistory(content, DATE)).rejects.toThrow(file);
    const outside = path.join(tempDir('elsewhere-'), 'h.jsonl');
    writeFileSync(outside, renderHistory([entry('2608.00001', '08', 1)]));
    const other = tempDir('history-');
    mkdirSync(path.dirname(historyFilePath(other, DATE)), { recursive: true });
    (await import('node:fs')).symlinkSync(outside, historyFilePath(other, DATE));
    await expect(readHistory(other, DATE)).rejects.toThrow(historyFilePath(other, DATE));
  });
});

describe('writing a day', () => {
  it('records its numbers: the first write, then each change, with the held day first', async () => {
    const content = tempDir('history-');
    await writeDay(
      content,
      day('2026-08-08T01:00:00.000Z', () => 1),
    );
    await writeDay(
      content,
      day('2026-08-09T01:00:00.000Z', () => 1),
    ); // unchanged: not written
    await writeDay(
      content,
      day('2026-08-10T01:00:00.000Z', (i) => (i === 0 ? 5 : 1)),
    );
    const held = await readHistory(content, DATE);
    expect(held.map((e: HistoryEntry) => [e.at.slice(8, 10), e.upvotes])).toEqual([
      ['08', 1],
      ['08', 1],
      ['08', 1],
      ['10', 5],
    ]);
  });

  it('starts the history of a day held before there were histories with the held numbers', async () => {
    const content = tempDir('history-');
    await writeDay(
      content,
      day('2026-08-08T01:00:00.000Z', () => 1),
    );
    const { rmSync } = await import('node:fs');
    rmSync(path.join(content, 'history'), { recursive: true });
    await writeDay(
      content,
      day('2026-08-12T01:00:00.000Z', () => 3),
    );
    expect((await readHistory(content, DATE)).map((e) => [e.at.slice(8, 10), e.upvotes])).toEqual([
      ['08', 1],
      ['08', 1],
      ['08', 1],
      ['12', 3],
      ['12', 3],
      ['12', 3],
    ]);
  });

  it('a history that cannot be read stops the write with nothing changed', async () => {
    const content = tempDir('history-');
    await writeDay(
      content,
      day('2026-08-08T01:00:00.000Z', () => 1),
    );
    writeFileSync(historyFilePath(content, DATE), '{broken\n');
    const dayFile = (await import('../../../../scraper/archive/day-file.ts')).dayFilePath(content, DATE);
    const before = readFileSync(dayFile, 'utf8');
    await expect(
      writeDay(
        content,
        day('2026-08-09T01:00:00.000Z', () => 2),
      ),
    ).rejects.toThrow('line 1 is not JSON');
    expect(readFileSync(dayFile, 'utf8')).toBe(before);
  });
});
