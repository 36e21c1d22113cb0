// What the archive refuses so that nothing good is replaced by worse and nothing planted is
// trusted: records of the wrong type, re-fetches that lost fields, files out of place, YAML
// aliases, oversized files, dates before Daily Papers, credentials in a source URL.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  aliasPath,
  DayFileError,
  dayFilePath,
  MAX_DAY_FILE_BYTES,
  parseDayFile,
  renderDayFile,
} from '../../../../scraper/archive/day-file.ts';
import { readArchive, readDay } from '../../../../scraper/archive/day-files.ts';
import { paperFromItem, papersFromItems } from '../../../../scraper/archive/from-api.ts';
import {
  emptyLedger,
  mergeIntoLedger,
  readLedger,
  recordAttempt,
  renderLedger,
  writeLedger,
} from '../../../../scraper/archive/ledger.ts';
import { lostFields } from '../../../../scraper/archive/regression.ts';
import { type Day, DaySchema, describeIssues } from '../../../../scraper/archive/schema.ts';
import { planWrite, writeDay } from '../../../../scraper/archive/store.ts';
import { ERA_DAYS, fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';
import { tempDir } from '../../../helpers/temp.ts';

const DATE = ERA_DAYS.late2026;
const held = (): Day => dayRecord(DATE, papersFromItems(fixtureItems(DATE)).papers);

describe('a record with a field of the wrong type is rejected, naming the field', () => {
  const cases: [string, (item: Record<string, any>) => void, RegExp][] = [
    ['votes as a string', (i) => (i.paper.upvotes = '0'), /paper\.upvotes is the string "0", not a whole number/],
    ['negative votes', (i) => (i.paper.upvotes = -3), /paper\.upvotes is the number -3/],
    ['an author list that is null', (i) => (i.paper.authors = null), /paper\.authors is null, not a list/],
    [
      'an author name that is a number',
      (i) => (i.paper.authors[0].name = 7),
      /paper\.authors\[0\]\.name is the number 7/,
    ],
    ['comments as text', (i) => (i.numComments = 'many'), /numComments is the string "many"/],
    [
      'keywords as one string',
      (i) => (i.paper.ai_keywords = 'a, b'),
      /paper\.ai_keywords is the string "a, b", not a list/,
    ],
    ['a title that is an object', (i) => (i.paper.title = { en: 'x' }), /paper\.title is a object, not text/],
    [
      'a time that is no time',
      (i) => (i.paper.publishedAt = 'yesterday'),
      /paper\.publishedAt is the string "yesterday", not a time/,
    ],
  ];
  for (const [name, spoil, reason] of cases) {
    it(name, () => {
      const item = fixtureItems(DATE)[0]!;
      spoil(item);
      const result = paperFromItem(item, 1);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.rejection.reason).toMatch(reason);
    });
  }

  it('takes absent and null optional fields as absent', () => {
    const item = fixtureItems(DATE)[0]!;
    item.paper.githubRepo = null;
    item.paper.ai_summary = null;
    delete item.paper.ai_keywords;
    item.organization = null;
    const result = paperFromItem(item, 1);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.paper).toMatchObject({ githubRepo: null, aiSummary: null, aiKeywords: [] });
  });
});

describe('a re-fetch that lost what the archive holds is refused like a shrink', () => {
  const refetch = (spoil: (p: Day['papers'][number]) => void): Day => {
    const next = held();
    for (const p of next.papers) spoil(p);
    return next;
  };

  it('names the day and each field lost, with counts and ids', () => {
    const next = refetch((p) => {
      p.authors = [];
      p.upvotes = 0;
    });
    const lost = lostFields(held(), next);
    expect(lost).toHaveLength(2);
    expect(lost[0]).toMatch(/^authors gone for 20 of 20 papers \(\d{4}\.\d+, \d{4}\.\d+, \d{4}\.\d+, …\)$/);
    expect(lost[1]).toMatch(/^votes fell to 0 for 20 of 20 papers/);
    const plan = planWrite(next, { day: held() });
    expect(plan).toMatchObject({ action: 'refused' });
    if (plan.action === 'refused') {
      expect(plan.reason).toMatch(
        new RegExp(`^${DATE}: the new listing lost what the archive holds: authors gone for 20 of 20`),
      );
      expect(plan.reason).toMatch(/kept the archived day \(--force replaces it\)$/);
    }
    expect(planWrite(next, { day: held() }, { force: true }).action).toBe('write');
  });

  it('refuses abstracts gone even for one paper, votes only when most fall to zero', () => {
    const one = held();
    one.papers[3]!.abstract = '';
    expect(lostFields(held(), one)).toEqual([expect.stringMatching(/^abstract gone for 1 of 20 papers/)]);
    const fewVotes = held();
    fewVotes.papers[0]!.upvotes = 0;
    fewVotes.papers[1]!.upvotes = 0;
    expect(lostFields(held(), fewVotes)).toEqual([]);
    const grown = held();
    grown.papers[0]!.upvotes += 5;
    expect(lostFields(held(), grown)).toEqual([]);
  });

  it('through the writer: an all-null-authors API answer keeps the file', async () => {
    const dir = tempDir();
    await writeDay(dir, held());
    const items = fixtureItems(DATE).map((i) => ({ ...i, paper: { ...i.paper, authors: [] } }));
    const result = await writeDay(dir, dayRecord(DATE, papersFromItems(items).papers));
    expect(result.action).toBe('refused');
    expect((await readDay(dir, DATE))?.papers[0]?.authors.length).toBeGreaterThan(0);
  });
});

describe('the ledger says only what is so', () => {
  it('a listing not held is failed, never ok with 0 papers', () => {
    const ledger = recordAttempt(
      emptyLedger(),
      { date: DATE, status: 'ok', via: 'page', reason: null },
      null,
      '2026-08-08T00:00:00.000Z',
    );
    expect(ledger.days[DATE]).toMatchObject({ status: 'failed', papers: 0, reason: 'the day file was not written' });
  });

  it('its writer refuses a date Daily Papers never had', () => {
    const bad = {
      format: 1 as const,
      days: {
        '-000711-01': {
          status: 'failed' as const,
          papers: 0,
          at: '2026-08-08T00:00:00.000Z',
          via: 'page' as const,
          reason: null,
        },
      },
    };
    expect(() => renderLedger(bad)).toThrow(/ledger\.json: not written: days\.-000711-01: must be a calendar date/);
    const early = { ...bad, days: { '2021-01-04': bad.days['-000711-01'] } };
    expect(() => renderLedger(early)).toThrow(/is before Daily Papers began \(2023-05-01\)/);
  });

  it('merges into the file on disk, keeping entries another writer put there', async () => {
    const dir = tempDir();
    const entry = {
      status: 'no-listing' as const,
      papers: 0,
      at: '2026-08-08T00:00:00.000Z',
      via: 'page' as const,
      reason: 'none',
    };
    await writeLedger(dir, { format: 1, days: { '2026-08-01': entry } });
    await mergeIntoLedger(dir, { '2026-08-02': entry });
    expect(Object.keys((await readLedger(dir)).days)).toEqual(['2026-08-01', '2026-08-02']);
  });
});

describe('day files that are not trusted', () => {
  it('a YAML alias is refused by path, before anything walks it', () => {
    const text = renderDayFile(held())
      .replace('authors:\n', 'authors: &a\n')
      .replace(/(\n {4}authors:)\n(?: {6}- .*\n)+/, '$1 *a\n');
    expect(() => parseDayFile(text, 'x.md')).toThrow(/x\.md: papers\[1\]\.authors: uses a YAML alias/);
    const laughs: Record<string, unknown> = { a: ['lol', 'lol'] };
    laughs['b'] = [laughs['a'], laughs['a']];
    expect(aliasPath(laughs)).toBe('b[0]');
    expect(aliasPath({ a: [1, 2], b: { c: 'x' } })).toBeNull();
  });

  it('a file over the size bound is refused by name without being parsed', async () => {
    const dir = tempDir();
    const file = dayFilePath(dir, DATE);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, Buffer.alloc(MAX_DAY_FILE_BYTES + 1, 'a'));
    await expect(readDay(dir, DATE)).rejects.toThrow(
      new DayFileError(file, 'is 16.0 MB, more than a day file may be (16.0 MB)'),
    );
    expect((await writeDay(dir, held())).action).toBe('refused');
  });

  it('a folder where a day file should be is named as such', async () => {
    const dir = tempDir();
    mkdirSync(dayFilePath(dir, DATE), { recursive: true });
    await expect(readDay(dir, DATE)).rejects.toThrow(/2026-08-07\.md: is a folder, not a day file/);
    expect((await readArchive(dir)).errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/is a folder, not a day file/),
    ]);
  });

  it("a day in another year's folder, or a second copy of a day, is an error", async () => {
    const dir = tempDir();
    await writeDay(dir, held());
    const text = renderDayFile(held());
    mkdirSync(path.join(dir, 'days/2025'), { recursive: true });
    writeFileSync(path.join(dir, 'days/2025', `${DATE}.md`), text);
    const second = dayRecord('2026-08-06', held().papers);
    writeFileSync(path.join(dir, 'days/2025', '2026-08-06.md'), renderDayFile(second));
    const { days, errors } = await readArchive(dir);
    expect(days.map((d) => d.date)).toEqual([DATE]);
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /days\/2025\/2026-08-06\.md: is in the folder of 2025, not of 2026: move it to .*days\/2026\//,
      ),
      expect.stringMatching(
        /days\/2025\/2026-08-07\.md: is in the folder of 2025, not of 2026: a second copy of .*days\/2026\/2026-08-07\.md/,
      ),
    ]);
  });
});

describe('the schema states its bounds', () => {
  const check = (day: Day) => {
    const r = DaySchema.safeParse(day);
    return r.success ? 'ok' : describeIssues(r.error);
  };

  it('keeps a 100 KB abstract, refuses a 1 MB title, 501 papers, a source with a password', () => {
    expect(check(dayRecord(DATE, [paperRecord('2608.00001', { abstract: 'word '.repeat(20_000).trim() })]))).toBe('ok');
    expect(check(dayRecord(DATE, [paperRecord('2608.00001', { title: 'x'.repeat(1_000_001) })]))).toBe(
      'papers[0].title: is longer than 1,000 characters',
    );
    const many = Array.from({ length: 501 }, (_, i) => paperRecord(`2608.${String(i).padStart(5, '0')}`));
    expect(check(dayRecord(DATE, many))).toBe('papers: more than 500 papers is not a real day');
    expect(
      check(dayRecord(DATE, [paperRecord('2608.00001')], { source: 'https://me:secret@huggingface.co/papers' })),
    ).toBe('source: holds a user name or password');
    expect(check(dayRecord('2023-04-28', [paperRecord('2608.00001')]))).toBe(
      'date: is before Daily Papers began (2023-05-01)',
    );
  });
});
