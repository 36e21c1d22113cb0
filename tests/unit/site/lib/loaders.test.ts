// The site's content loaders (site/lib/loaders.ts) in process: a copy of the fixture archive
// loaded through them into a mocked Astro context (loader-context.ts says what is mocked and
// why). A day file or ledger that fails the schema must fail the build naming the file and the
// field, in the words `papers status` uses; these are those messages, checked without a build.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DaySchema, LedgerEntrySchema, parseDayFile } from '../../../../scraper/archive/index.ts';
import { REPO_ROOT } from '../../../../scraper/repo.ts';
import { dayFilesLoader, ledgerLoader } from '../../../../site/lib/loaders.ts';
import { loaderContext } from './loader-context.ts';

const FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/site/archive');
const FIXTURE_DATES = [
  '2026-06-30',
  '2026-07-01',
  '2026-07-27',
  '2026-07-29',
  '2026-07-30',
  '2026-07-31',
  '2026-08-05',
];

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A copy of the fixture archive inside the repository, so that a day file is named by its path
 * from the working folder, as `npm run build` names `content/days/…`.
 */
function archiveCopy(): string {
  const parent = path.join(REPO_ROOT, '.cache', 'unit-tests');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent, 'archive-'));
  made.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

const dayFile = (content: string, date: string) => path.join(content, 'days', date.slice(0, 4), `${date}.md`);
const shown = (file: string) => path.relative(process.cwd(), file);

function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

const loadDays = (content: string, ctx = loaderContext('days', DaySchema)) => dayFilesLoader(content).load(ctx);
const loadLedger = (content: string, ctx = loaderContext('ledger', LedgerEntrySchema)) =>
  ledgerLoader(content).load(ctx);

describe('dayFilesLoader', () => {
  test('loads every day file under its date, from the front matter alone, rendering nothing', async () => {
    const content = archiveCopy();
    const ctx = loaderContext('days', DaySchema);
    await loadDays(content, ctx);
    expect(ctx.store.keys().sort()).toEqual(FIXTURE_DATES);
    const file = dayFile(content, '2026-07-29');
    const entry = ctx.store.get('2026-07-29')!;
    expect(entry.data).toEqual(parseDayFile(readFileSync(file, 'utf8'), file));
    expect(entry.filePath).toBe(path.relative(REPO_ROOT, file));
    expect([entry.body, entry.rendered]).toEqual([undefined, undefined]);
    expect(ctx.entryTypes.get('.md')!.getRenderFunction).not.toHaveBeenCalled();
    expect(ctx.logger.warn).not.toHaveBeenCalled();
  });

  test('days kept from an earlier build are reused, unless they came from another folder', async () => {
    const ctx = loaderContext('days', DaySchema);
    const parse = vi.spyOn(ctx, 'parseData');
    const first = archiveCopy();
    await loadDays(first, ctx);
    expect(parse).toHaveBeenCalledTimes(FIXTURE_DATES.length);

    parse.mockClear();
    await loadDays(first, ctx);
    expect(parse).not.toHaveBeenCalled();

    // The same files in another folder: every day is checked again, and comes from there.
    const second = archiveCopy();
    await loadDays(second, ctx);
    expect(parse).toHaveBeenCalledTimes(FIXTURE_DATES.length);
    expect(ctx.store.get('2026-07-29')!.filePath).toBe(path.relative(REPO_ROOT, dayFile(second, '2026-07-29')));
  });

  test('an id that is not an arXiv id', async () => {
    const content = archiveCopy();
    const file = dayFile(content, '2026-07-29');
    edit(file, (text) => {
      const id = /id: '(\d{4}\.\d{4,5})'/.exec(text)![1]!;
      return text.replace(`id: '${id}'`, "id: '../../x'");
    });
    await expect(loadDays(content)).rejects.toMatchObject({
      name: 'DayFileError',
      message: `${shown(file)}: papers[0].id: must be an arXiv id such as "2503.02130"`,
    });
  });

  test('a missing field and a wrong type, all named at once', async () => {
    const content = archiveCopy();
    const file = dayFile(content, '2026-07-27');
    edit(file, (text) => text.replace(/^ {4}upvotes: \d+$/m, '    upvotes: many').replace(/^fetchedAt: .*\n/m, ''));
    await expect(loadDays(content)).rejects.toMatchObject({
      name: 'DayFileError',
      message:
        `${shown(file)}: fetchedAt: Invalid input: expected string, received undefined; ` +
        'papers[0].upvotes: Invalid input: expected number, received string',
    });
  });

  test('a day file under another date’s name', async () => {
    const content = archiveCopy();
    renameSync(dayFile(content, '2026-07-29'), dayFile(content, '2026-07-28'));
    await expect(loadDays(content)).rejects.toMatchObject({
      name: 'DayFileError',
      message: `${shown(dayFile(content, '2026-07-28'))}: date: 2026-07-29 does not match the file name`,
    });
  });

  test('front matter that is not YAML: Astro’s own error, naming the file, goes through unchanged', async () => {
    const content = archiveCopy();
    const file = dayFile(content, '2026-07-29');
    edit(file, (text) => text.replace(/^papers:$/m, 'papers: [oops'));
    await expect(loadDays(content)).rejects.toMatchObject({
      name: 'MarkdownError',
      message: 'missed comma between flow collection entries',
      location: { file },
    });
  });

  test('a failure that is not the schema’s is not dressed up as a bad day file', async () => {
    const ctx = loaderContext('days', DaySchema);
    ctx.parseData = () => Promise.reject(new Error('the data store is full'));
    await expect(loadDays(archiveCopy(), ctx)).rejects.toMatchObject({
      name: 'Error',
      message: 'the data store is full',
    });
  });
});

describe('ledgerLoader', () => {
  test('loads every date of the ledger', async () => {
    const content = archiveCopy();
    const ctx = loaderContext('ledger', LedgerEntrySchema);
    await loadLedger(content, ctx);
    const ledger = JSON.parse(readFileSync(path.join(content, 'ledger.json'), 'utf8'));
    expect(Object.fromEntries(ctx.store.entries().map(([id, e]) => [id, e.data]))).toEqual(ledger.days);
    expect(ctx.store.get('2026-07-28')!.digest).toEqual(expect.any(String));
  });

  test('no ledger is an empty one', async () => {
    const content = archiveCopy();
    const ctx = loaderContext('ledger', LedgerEntrySchema);
    await loadLedger(content, ctx);
    rmSync(path.join(content, 'ledger.json'));
    await loadLedger(content, ctx);
    expect(ctx.store.keys()).toEqual([]);
  });

  test('a ledger entry with an unknown status', async () => {
    const content = archiveCopy();
    const file = path.join(content, 'ledger.json');
    edit(file, (text) => text.replace('"status":"failed"', '"status":"lost"'));
    await expect(loadLedger(content)).rejects.toMatchObject({
      name: 'LedgerError',
      message: `${file}: days.2026-07-28.status: Invalid option: expected one of "ok"|"no-listing"|"partial"|"failed"`,
    });
  });
});

describe('archives the build refuses before reading a day', () => {
  test('a content folder that does not exist, or holds no day, names the folder', async () => {
    const missing = path.join(archiveCopy(), 'typo');
    await expect(loadDays(missing)).rejects.toThrow(`${missing}: no such archive folder`);
    const empty = archiveCopy();
    rmSync(path.join(empty, 'days'), { recursive: true });
    await expect(loadDays(empty)).rejects.toThrow(`${empty}: holds no day files (days/YYYY/YYYY-MM-DD.md)`);
  });

  test('a second copy of a day in another year’s folder fails the build instead of being published', async () => {
    const content = archiveCopy();
    mkdirSync(path.join(content, 'days/2025'));
    cpSync(dayFile(content, '2026-07-29'), path.join(content, 'days/2025/2026-07-29.md'));
    await expect(loadDays(content)).rejects.toThrow(
      /days\/2025\/2026-07-29\.md: is in the folder of 2025, not of 2026: a second copy of/,
    );
  });

  test('YAML aliases are refused by path', async () => {
    const content = archiveCopy();
    const file = dayFile(content, '2026-07-29');
    edit(file, (t) =>
      t
        .replace(/\n {4}authors:\n((?: {6}- .*\n)+)/, '\n    authors: &a\n$1')
        .replace(/(\n {4}authors:)\n(?: {6}- .*\n)+/, '$1 *a\n'),
    );
    await expect(loadDays(content)).rejects.toThrow(
      `${shown(file)}: papers[1].authors: uses a YAML alias, which day files never hold`,
    );
  });
});
