// The guards that keep the archive from losing what it holds, through real files.
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayFilePath } from '../../../../scraper/archive/day-file.ts';
import { papersFromItems } from '../../../../scraper/archive/from-api.ts';
import { type Day, FORMAT_VERSION } from '../../../../scraper/archive/schema.ts';
import { listDayFiles, readArchive, readDay, writeDay } from '../../../../scraper/archive/store.ts';
import { ERA_DAYS, fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { tempDir } from '../../../helpers/temp.ts';

const DATE = ERA_DAYS.late2026;

function day(count: number, overrides: Partial<Day> = {}): Day {
  const { papers } = papersFromItems(fixtureItems(DATE).slice(0, count));
  return {
    format: FORMAT_VERSION,
    date: DATE,
    status: 'ok',
    source: `https://huggingface.co/papers/date/${DATE}`,
    via: 'page',
    fetchedAt: '2026-08-08T00:00:00.000Z',
    problems: [],
    papers,
    ...overrides,
  };
}

/** Back-dates the file so a rewrite would show in its mtime. */
function ageFile(file: string): number {
  const old = new Date('2020-01-01T00:00:00Z');
  utimesSync(file, old, old);
  return statSync(file).mtimeMs;
}

describe('writing a day', () => {
  it('creates the file under days/YYYY/ and reads it back', async () => {
    const dir = tempDir();
    const result = await writeDay(dir, day(20));
    expect(result).toMatchObject({ action: 'created', before: 0, after: 20 });
    expect(result.file).toBe(path.join(dir, 'days/2026/2026-08-07.md'));
    expect(await readDay(dir, DATE)).toEqual(day(20));
  });

  it('leaves an unchanged day untouched, fetch time and source included', async () => {
    const dir = tempDir();
    await writeDay(dir, day(20));
    const file = dayFilePath(dir, DATE);
    const bytes = readFileSync(file, 'utf8');
    const mtime = ageFile(file);
    const again = await writeDay(
      dir,
      day(20, {
        fetchedAt: '2026-09-01T00:00:00.000Z',
        via: 'api',
        source: 'https://huggingface.co/api/daily_papers?date=2026-08-07',
      }),
    );
    expect(again.action).toBe('unchanged');
    expect(readFileSync(file, 'utf8')).toBe(bytes);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it('updates upvotes and late additions, with the new fetch time', async () => {
    const dir = tempDir();
    await writeDay(dir, day(18));
    const more = day(20, { fetchedAt: '2026-08-09T00:00:00.000Z' });
    more.papers[0]!.upvotes += 7;
    const result = await writeDay(dir, more);
    expect(result).toMatchObject({ action: 'updated', before: 18, after: 20 });
    expect(await readDay(dir, DATE)).toEqual(more);
  });

  it('refuses a version with fewer papers, saying which day and how many before and after', async () => {
    const dir = tempDir();
    await writeDay(dir, day(20));
    const file = dayFilePath(dir, DATE);
    const bytes = readFileSync(file, 'utf8');
    const result = await writeDay(dir, day(12));
    expect(result.action).toBe('refused');
    if (result.action !== 'refused') return;
    expect(result.reason).toBe(
      '2026-08-07: the new listing has 12 papers where the archive holds 20; kept the archived day (--force replaces it)',
    );
    expect(readFileSync(file, 'utf8')).toBe(bytes);
    expect(await writeDay(dir, day(12), { force: true })).toMatchObject({ action: 'updated', before: 20, after: 12 });
  });

  it('refuses an empty version; --force removes the day', async () => {
    const dir = tempDir();
    await writeDay(dir, day(3));
    const result = await writeDay(dir, { date: DATE, papers: [] });
    expect(result).toMatchObject({ action: 'refused', before: 3, after: 0 });
    if (result.action === 'refused')
      expect(result.reason).toMatch(/^2026-08-07: an empty listing would replace 3 papers/);
    expect(await readDay(dir, DATE)).not.toBeNull();
    expect(await writeDay(dir, { date: DATE, papers: [] }, { force: true })).toMatchObject({ action: 'removed' });
    expect(await readDay(dir, DATE)).toBeNull();
  });

  it('never writes an empty day where there was none', async () => {
    const dir = tempDir();
    expect((await writeDay(dir, { date: DATE, papers: [] })).action).toBe('unchanged');
    expect(await listDayFiles(dir)).toEqual([]);
  });

  it('refuses a partial listing over a complete one, even with as many papers', async () => {
    const dir = tempDir();
    await writeDay(dir, day(20));
    const partial = day(20, { status: 'partial', problems: ['3 papers lack an abstract'] });
    partial.papers[0]!.upvotes += 1;
    const result = await writeDay(dir, partial);
    expect(result.action).toBe('refused');
    if (result.action === 'refused')
      expect(result.reason).toMatch(/a partial listing \(3 papers lack an abstract\) would replace a complete one/);
    // …but a complete listing replaces a partial one.
    const dir2 = tempDir();
    await writeDay(dir2, partial);
    expect((await writeDay(dir2, day(20))).action).toBe('updated');
  });

  it('keeps a file it cannot read rather than writing over it', async () => {
    const dir = tempDir();
    const file = dayFilePath(dir, DATE);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '---\nformat: 1\ndate: [broken\n---\n');
    const result = await writeDay(dir, day(2));
    expect(result.action).toBe('refused');
    if (result.action === 'refused') expect(result.reason).toMatch(/cannot be read, so it was kept/);
    expect(readFileSync(file, 'utf8')).toContain('[broken');
  });

  it('leaves no temporary file behind, and ignores and cleans up stray ones', async () => {
    const dir = tempDir();
    await writeDay(dir, day(2));
    const yearDir = path.join(dir, 'days/2026');
    writeFileSync(path.join(yearDir, '.2026-08-07.md.tmp-999999999-abcd'), 'half a fi');
    expect((await listDayFiles(dir)).map((r) => r.date)).toEqual([DATE]);
    expect((await readArchive(dir)).errors).toEqual([]);
    await writeDay(dir, day(3));
    expect(readdirSync(yearDir)).toEqual(['2026-08-07.md']);
  });
});
