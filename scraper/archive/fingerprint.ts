// A short digest of which days an archive holds and how big each day file is: what the site's
// build records beside its search index, so that `papers search` can tell an index built from
// another state of the archive (days added since, days changed) without reading every file.
// Names and sizes, not contents nor times: times differ in every clone, and reading 50 MB of
// day files would cost more than the search it guards. A change that keeps a file's size (one
// vote more on a day, 12 to 13) goes unseen; the next build catches up with it.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { listDayFiles } from './store.ts';

export type ArchiveDigest = {
  days: number;
  newest: string | null;
  digest: string;
  /**
   * Which folder on which machine it was (archiveFolderKey): a built site records it, so that
   * `papers search` compares an index with the archive it was built from, not any archive at
   * hand. Absent in builds made before it was recorded.
   */
  folder?: string;
};

/**
 * A folder's identity, as a digest of its real path: equal for the same folder however it is
 * named, and no path of the builder's machine in a site that is shared.
 */
export async function archiveFolderKey(contentDir: string): Promise<string> {
  const real = await fs.realpath(contentDir).catch(() => path.resolve(contentDir));
  return createHash('sha256').update(real).digest('hex').slice(0, 16);
}

export async function archiveDigest(contentDir: string): Promise<ArchiveDigest> {
  const refs = await listDayFiles(contentDir);
  const sizes = await Promise.all(refs.map((r) => fs.stat(r.file).then((s) => s.size)));
  const hash = createHash('sha256');
  for (const [i, ref] of refs.entries()) hash.update(`${ref.date} ${sizes[i]}\n`);
  return { days: refs.length, newest: refs.at(-1)?.date ?? null, digest: hash.digest('hex').slice(0, 16) };
}
