// The build's memo of parsed day files (site/data/day-memo.ts): a read through it gives what the
// plain read gives, whether its entries were made now or by an earlier build; an edited file is
// parsed again, a file that fails is never kept, a damaged entry is parsed again, and what a
// build did not read is removed. The build itself (every page, byte for byte, with and without
// the memo) is tests/e2e/site/incremental.test.ts.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDayFile, readArchive } from '../../../../scraper/archive/index.ts';
import { dayMemo } from '../../../../site/data/day-memo.ts';
import { SITE_FIXTURE as FIXTURE } from '../../../e2e/site/fixture.ts';
import { tempDir } from '../../../helpers/temp.ts';

const jsonShaped = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('dayMemo', () => {
  test('reads what the plain read reads, made now or by an earlier build', async () => {
    const plain = await readArchive(FIXTURE);
    const dir = tempDir('memo-');
    const first = await readArchive(FIXTURE, { parse: dayMemo(dir).parse });
    expect(first).toEqual(jsonShaped(plain));
    expect(readdirSync(dir)).toHaveLength(plain.days.length);
    // A later build takes every day from the memo, not from the file: an entry marked here shows.
    for (const name of readdirSync(dir)) {
      const entry = path.join(dir, name);
      const day = JSON.parse(readFileSync(entry, 'utf8'));
      day.papers[0].title = `kept: ${day.papers[0].title}`;
      writeFileSync(entry, JSON.stringify(day));
    }
    const again = await readArchive(FIXTURE, { parse: dayMemo(dir).parse });
    expect(again.days.map((d) => d.papers[0]!.title)).toEqual(plain.days.map((d) => `kept: ${d.papers[0]!.title}`));
    expect(readdirSync(dir)).toHaveLength(plain.days.length);
  });

  test('an edited file is a new entry; the old one goes when pruned', async () => {
    const dir = tempDir('memo-');
    const text = readFileSync(
      path.join(FIXTURE, 'days', '2026', `${(await readArchive(FIXTURE)).days[0]!.date}.md`),
      'utf8',
    );
    const memo = dayMemo(dir);
    const day = await memo.parse(text, 'a.md');
    const edited = text.replace(/upvotes: (\d+)/, (_, n) => `upvotes: ${Number(n) + 1}`);
    expect(edited).not.toBe(text);
    const next = dayMemo(dir);
    const changed = await next.parse(edited, 'a.md');
    expect(changed).toEqual(jsonShaped(parseDayFile(edited, 'a.md')));
    expect(changed).not.toEqual(day);
    expect(readdirSync(dir)).toHaveLength(2);
    await next.prune();
    expect(readdirSync(dir)).toHaveLength(1);
  });

  test('a damaged entry is parsed again; a file that fails is never kept', async () => {
    const dir = tempDir('memo-');
    const { days } = await readArchive(FIXTURE);
    const file = path.join(FIXTURE, 'days', '2026', `${days[0]!.date}.md`);
    const text = readFileSync(file, 'utf8');
    await dayMemo(dir).parse(text, file);
    const [entry] = readdirSync(dir);
    writeFileSync(path.join(dir, entry!), '{"date": 1');
    expect(await dayMemo(dir).parse(text, file)).toEqual(jsonShaped(parseDayFile(text, file)));
    const bad = text.replace(/^date: .*$/m, 'date: not-a-date');
    await expect(dayMemo(dir).parse(bad, file)).rejects.toThrow(/date/);
    expect(readdirSync(dir)).toEqual([entry]);
  });

  test('a memo that cannot be written (a file where its folder should be) reads as the plain read', async () => {
    const where = path.join(tempDir('memo-'), 'not-a-folder');
    writeFileSync(where, 'taken');
    const plain = await readArchive(FIXTURE);
    expect(await readArchive(FIXTURE, { parse: dayMemo(where).parse })).toEqual(jsonShaped(plain));
    expect(readFileSync(where, 'utf8')).toBe('taken');
  });
});
