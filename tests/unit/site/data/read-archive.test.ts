// How the site's build reads the archive (site/data/read-archive.ts): every day and the ledger,
// and any file that fails the schema fails the build naming the file (from the working folder,
// as `npm run build` names `content/days/…`) and the field, in the words `papers status` uses,
// all of them at once. One real broken build is tests/e2e/site/bad-content.test.ts.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../../../scraper/repo.ts';
import { archiveFingerprint, readSiteArchive } from '../../../../site/data/read-archive.ts';
import { SITE_FIXTURE as FIXTURE, FIXTURE_DATES } from '../../../e2e/site/fixture.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the fixture archive inside the repository, so that its files are named from it. */
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
const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(file, change(readFileSync(file, 'utf8')));

test('reads every day, oldest first, and the ledger', async () => {
  const { days, ledger } = await readSiteArchive(FIXTURE);
  expect(days.map((d) => d.date)).toEqual(FIXTURE_DATES);
  expect(ledger.days['2026-07-28']).toMatchObject({ status: 'failed', reason: 'HTTP 503 from huggingface.co' });
});

describe('an archive the build refuses', () => {
  test('every bad day file, each by its path and field', async () => {
    const content = archiveCopy();
    const one = dayFile(content, '2026-07-29');
    const two = dayFile(content, '2026-07-31');
    edit(one, (t) => t.replace(/id: '\d{4}\.\d{4,5}'/, "id: '../../x'"));
    edit(two, (t) => t.replace(/upvotes: \d+/, "upvotes: 'many'"));
    const error = await readSiteArchive(content).catch((e: Error) => e);
    expect((error as Error).message.split('\n')).toEqual([
      `${shown(one)}: papers[0].id: must be an arXiv id such as "2503.02130"`,
      expect.stringMatching(new RegExp(`^${shown(two).replaceAll('.', '\\.')}: papers\\[0\\]\\.upvotes: `)),
    ]);
  });

  test('a content folder that does not exist, or holds no day, names the folder', async () => {
    const missing = path.join(archiveCopy(), 'typo');
    await expect(readSiteArchive(missing)).rejects.toThrow(`${missing}: no such archive folder`);
    const empty = archiveCopy();
    rmSync(path.join(empty, 'days'), { recursive: true });
    await expect(readSiteArchive(empty)).rejects.toThrow(`${empty}: holds no day files (days/YYYY/YYYY-MM-DD.md)`);
  });

  test('a second copy of a day in another year’s folder', async () => {
    const content = archiveCopy();
    mkdirSync(path.join(content, 'days/2025'));
    cpSync(dayFile(content, '2026-07-29'), path.join(content, 'days/2025/2026-07-29.md'));
    await expect(readSiteArchive(content)).rejects.toThrow(
      /days\/2025\/2026-07-29\.md: is in the folder of 2025, not of 2026: a second copy of/,
    );
  });

  test('YAML aliases, by path', async () => {
    const content = archiveCopy();
    const file = dayFile(content, '2026-07-29');
    edit(file, (t) =>
      t
        .replace(/\n {4}authors:\n((?: {6}- .*\n)+)/, '\n    authors: &a\n$1')
        .replace(/(\n {4}authors:)\n(?: {6}- .*\n)+/, '$1 *a\n'),
    );
    await expect(readSiteArchive(content)).rejects.toThrow(
      `${shown(file)}: papers[1].authors: uses a YAML alias, which day files never hold`,
    );
  });

  test('a ledger entry with an unknown status', async () => {
    const content = archiveCopy();
    const file = path.join(content, 'ledger.json');
    edit(file, (text) => text.replace('"status":"failed"', '"status":"lost"'));
    await expect(readSiteArchive(content)).rejects.toMatchObject({
      name: 'LedgerError',
      message: `${file}: days.2026-07-28.status: Invalid option: expected one of "ok"|"no-listing"|"partial"|"failed"`,
    });
  });
});

test('no ledger is an empty one', async () => {
  const content = archiveCopy();
  rmSync(path.join(content, 'ledger.json'));
  expect((await readSiteArchive(content)).ledger.days).toEqual({});
});

test('the fingerprint the dev server checks moves when a day file or the ledger changes', async () => {
  const content = archiveCopy();
  const before = await archiveFingerprint(content);
  expect(await archiveFingerprint(content)).toBe(before);
  utimesSync(dayFile(content, '2026-07-29'), new Date(), new Date(Date.now() + 5000));
  const touched = await archiveFingerprint(content);
  expect(touched).not.toBe(before);
  rmSync(path.join(content, 'ledger.json'));
  expect(await archiveFingerprint(content)).not.toBe(touched);
});
