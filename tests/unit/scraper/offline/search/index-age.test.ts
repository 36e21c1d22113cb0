// An index as new as the archive is searched; one built from another state of the archive (a
// day added since, a day file changed), or that does not say, is refused in one line saying how
// to rebuild; a content folder that is not there matters only when it was asked for.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { archiveDigest, SEARCH_BUILT_FROM_FILE } from '../../../../../scraper/archive/index.ts';
import { checkIndexAge } from '../../../../../scraper/offline/search/index-age.ts';
import { SITE_FIXTURE } from '../../../../e2e/site/fixture.ts';
import { tempDir } from '../../../../helpers/temp.ts';

async function builtFrom(content: string): Promise<{ root: string; base: string }> {
  const root = tempDir('site-');
  mkdirSync(path.join(root, 'search'));
  writeFileSync(path.join(root, SEARCH_BUILT_FROM_FILE), JSON.stringify(await archiveDigest(content)));
  return { root, base: '/' };
}

test('the archive it was built from passes; a day changed or added since does not', async () => {
  const content = path.join(tempDir('archive-'), 'archive');
  cpSync(SITE_FIXTURE, content, { recursive: true });
  const site = await builtFrom(content);
  await expect(checkIndexAge(site, content, true)).resolves.toBeUndefined();

  writeFileSync(path.join(content, 'days', '2026', '2026-08-05.md'), '\n', { flag: 'a' });
  await expect(checkIndexAge(site, content, true)).rejects.toThrow(
    /the search index is older than the archive \(built from 7 days, the newest 2026-08-05; .* holds 7 days, the newest 2026-08-05\): rebuild it with `npm run build`/,
  );
});

test('an index that does not say what it was built from is refused', async () => {
  const site = { root: tempDir('site-'), base: '/' };
  await expect(checkIndexAge(site, SITE_FIXTURE, true)).rejects.toThrow(
    'does not say which archive its search index was built from: rebuild it with `npm run build`',
  );
});

test('a content folder that is not there: an error only when asked for', async () => {
  const site = await builtFrom(SITE_FIXTURE);
  const missing = path.join(tempDir('x-'), 'content');
  await expect(checkIndexAge(site, missing, false)).resolves.toBeUndefined();
  await expect(checkIndexAge(site, missing, true)).rejects.toThrow(`${missing}: no such archive folder`);
});
