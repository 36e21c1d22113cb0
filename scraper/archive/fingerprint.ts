// A short digest of which days an archive holds and how big each day file is: what the site's
// build records beside its search index, so that `papers search` can tell an index built from
// another state of the archive (days added since, days changed) without reading every file.
// Names and sizes, not contents nor times: times differ in every clone, and reading 50 MB of
// day files would cost more than the search it guards. A change that keeps a file's size (one
// vote more on a day, 12 to 13) goes unseen; the next build catches up with it.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { listDayFiles } from './store.ts';

export type ArchiveDigest = { days: number; newest: string | null; digest: string };

export async function archiveDigest(contentDir: string): Promise<ArchiveDigest> {
  const refs = await listDayFiles(contentDir);
  const sizes = await Promise.all(refs.map((r) => fs.stat(r.file).then((s) => s.size)));
  const hash = createHash('sha256');
  for (const [i, ref] of refs.entries()) hash.update(`${ref.date} ${sizes[i]}\n`);
  return { days: refs.length, newest: refs.at(-1)?.date ?? null, digest: hash.digest('hex').slice(0, 16) };
}
