// Is the built site's search index as new as the archive it was built from? The build records
// that archive (site/integrations/search-built-from.ts writes search/archive.json: its digest,
// scraper/archive/fingerprint.ts, and which folder it was); `papers search` compares it with
// that archive before answering, so that nobody reads results from an index days behind it
// without being told how to bring it up to date. Only with that archive: a site built from
// another folder, or a copy made on another machine, is searched as it is, unless --content
// names the archive it must be as new as.
import path from 'node:path';
import { type ArchiveDigest, archiveDigest, archiveFolderKey, SEARCH_BUILT_FROM_FILE } from '../../archive/index.ts';
import { InputError } from '../../errors.ts';
import { REPO_ROOT } from '../../repo.ts';
import type { BuiltSite } from '../built-site.ts';
import { readSiteFile } from './site-data.ts';

function describe(d: ArchiveDigest): string {
  return `${d.days} day${d.days === 1 ? '' : 's'}${d.newest ? `, the newest ${d.newest}` : ''}`;
}

/** The command that builds `site` again from `contentDir`, as typed in the repository. */
export function rebuildCommand(site: string, contentDir: string): string {
  const env = path.resolve(contentDir) === path.join(REPO_ROOT, 'content') ? '' : `PAPERS_CONTENT=${contentDir} `;
  const out = path.resolve(site) === path.join(REPO_ROOT, 'dist') ? '' : ` -- --outDir ${site}`;
  return `${env}npm run build${out}`;
}

async function builtFrom(site: BuiltSite): Promise<ArchiveDigest> {
  const bytes = await readSiteFile(site, SEARCH_BUILT_FROM_FILE);
  const found = bytes && (JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown);
  const ok =
    typeof found === 'object' &&
    found !== null &&
    typeof (found as ArchiveDigest).digest === 'string' &&
    typeof (found as ArchiveDigest).days === 'number';
  if (!ok) {
    throw new InputError(
      `${site.root} does not say which archive its search index was built from: ${rebuildCommand(site.root, 'content')}`,
    );
  }
  return found as ArchiveDigest;
}

export type ArchiveToCompare = {
  /** The archive folder: --content (or $PAPERS_CONTENT), else ./content. */
  dir: string;
  /** Named by the user: compared whatever the site was built from, and an error when missing. */
  named: boolean;
  /** Whether the folder is there. */
  held: boolean;
};

/**
 * Throws when the index is older than the archive it must be as new as: the one named, else
 * ./content when the site was built from it. A site built elsewhere is searched as it is.
 */
export async function checkIndexAge(site: BuiltSite, archive: ArchiveToCompare): Promise<void> {
  const { dir, named, held } = archive;
  if (!held) {
    if (named) throw new InputError(`${dir}: no such archive folder`);
    return;
  }
  let built: ArchiveDigest;
  try {
    built = await builtFrom(site);
  } catch (e) {
    if (!named && e instanceof SyntaxError) return;
    throw e;
  }
  const sameFolder = built.folder === undefined || built.folder === (await archiveFolderKey(dir));
  if (!named && !sameFolder) return;
  const now = await archiveDigest(dir);
  if (now.digest === built.digest) return;
  const rebuild = rebuildCommand(site.root, dir);
  throw new InputError(
    sameFolder
      ? `${site.root}: the search index is older than the archive in ${dir} (built from ${describe(built)}; ` +
          `it holds ${describe(now)}): rebuild it with \`${rebuild}\``
      : `${site.root}: the search index was built from another archive folder than ${dir} (${describe(built)}; ` +
          `${dir} holds ${describe(now)}): search it without --content, or rebuild it from that folder with \`${rebuild}\``,
  );
}
