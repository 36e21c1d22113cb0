// An index as new as the archive it was built from is searched; one older than it (a day added
// since, a day file changed), or that does not say, is refused in one line saying how to rebuild;
// a site built from another folder is searched as it is, unless --content names the archive it
// must be as new as; a content folder that is not there matters only when it was asked for.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { archiveDigest, archiveFolderKey, SEARCH_BUILT_FROM_FILE } from '../../../../../scraper/archive/index.ts';
import { checkIndexAge, rebuildCommand } from '../../../../../scraper/offline/search/index-age.ts';
import { REPO_ROOT } from '../../../../../scraper/repo.ts';
import { SITE_FIXTURE } from '../../../../e2e/site/fixture.ts';
import { tempDir } from '../../../../helpers/temp.ts';

async function builtFrom(content: string, withFolder = true): Promise<{ root: string; base: string }> {
  const root = tempDir('site-');
  mkdirSync(path.join(root, 'search'));
  const folder = withFolder ? { folder: await archiveFolderKey(content) } : {};
  writeFileSync(
    path.join(root, SEARCH_BUILT_FROM_FILE),
    JSON.stringify({ ...(await archiveDigest(content)), ...folder }),
  );
  return { root, base: '/' };
}

function copyOfFixture(): string {
  const content = path.join(tempDir('archive-'), 'archive');
  cpSync(SITE_FIXTURE, content, { recursive: true });
  return content;
}

const given = (dir: string) => ({ dir, named: true, held: true });
const implicit = (dir: string) => ({ dir, named: false, held: true });

test('the archive it was built from passes; a day changed or added since does not', async () => {
  const content = copyOfFixture();
  const site = await builtFrom(content);
  await expect(checkIndexAge(site, given(content))).resolves.toBeUndefined();
  writeFileSync(path.join(content, 'days', '2026', '2026-08-05.md'), '\n', { flag: 'a' });
  for (const archive of [given(content), implicit(content)]) {
    await expect(checkIndexAge(site, archive)).rejects.toThrow(
      `${site.root}: the search index is older than the archive in ${content} (built from 7 days, the newest ` +
        `2026-08-05; it holds 7 days, the newest 2026-08-05): rebuild it with \`PAPERS_CONTENT=${content} npm run build -- --outDir ${site.root}\``,
    );
  }
});

test('a site built from another folder is searched as it is; with --content naming one, it is told so', async () => {
  const other = copyOfFixture();
  const site = await builtFrom(other);
  const here = copyOfFixture();
  writeFileSync(path.join(here, 'days', '2026', '2026-08-05.md'), '\n', { flag: 'a' });
  await expect(checkIndexAge(site, implicit(here))).resolves.toBeUndefined();
  await expect(checkIndexAge(site, given(here))).rejects.toThrow(
    `${site.root}: the search index was built from another archive folder than ${here} (7 days, the newest ` +
      `2026-08-05; ${here} holds 7 days, the newest 2026-08-05): search it without --content, or rebuild it`,
  );
  // The same days in another folder are as good as its own.
  await expect(checkIndexAge(site, given(copyOfFixture()))).resolves.toBeUndefined();
});

test('a site built before the folder was recorded is compared with the archive at hand', async () => {
  const content = copyOfFixture();
  const site = await builtFrom(content, false);
  writeFileSync(path.join(content, 'days', '2026', '2026-08-05.md'), '\n', { flag: 'a' });
  await expect(checkIndexAge(site, implicit(content))).rejects.toThrow('the search index is older than the archive');
});

test('an index that does not say what it was built from is refused', async () => {
  const site = { root: tempDir('site-'), base: '/' };
  await expect(checkIndexAge(site, given(SITE_FIXTURE))).rejects.toThrow(
    'does not say which archive its search index was built from',
  );
});

test('a content folder that is not there: an error only when asked for', async () => {
  const site = await builtFrom(SITE_FIXTURE);
  const missing = path.join(tempDir('x-'), 'content');
  await expect(checkIndexAge(site, { dir: missing, named: false, held: false })).resolves.toBeUndefined();
  await expect(checkIndexAge(site, { dir: missing, named: true, held: false })).rejects.toThrow(
    `${missing}: no such archive folder`,
  );
});

test('the command that rebuilds a site says what differs from the plain `npm run build`', () => {
  expect(rebuildCommand(path.join(REPO_ROOT, 'dist'), path.join(REPO_ROOT, 'content'))).toBe('npm run build');
  expect(rebuildCommand('/tmp/site', path.join(REPO_ROOT, 'content'))).toBe('npm run build -- --outDir /tmp/site');
  expect(rebuildCommand(path.join(REPO_ROOT, 'dist'), '/data/a')).toBe('PAPERS_CONTENT=/data/a npm run build');
});
