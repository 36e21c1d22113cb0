// Folders the build benchmarks are done with, moved out of the way instead of deleted, and
// deleted together once every timing is taken. This machine's disk is ext4 without a journal, and
// there ext4 will not reuse an inode freed in the last 60 s (360 s while the block of the inode
// table holding it is unwritten): each file created scans past every such inode of its group
// (fs/ext4/ialloc.c, recently_deleted). Deleting the last run's 37,000 files just before a build
// made the build's own file creation cost up to 30 s more of kernel time (perf: 30% of the build's
// CPU samples in that scan), which a build on a fresh clone or a CI runner never pays. A rename
// frees no inode.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';

const TRASH = '.trash';
let moved = 0;

/** Moves `dir`, when it exists, into the trash folder beside it (made on first use). */
export async function setAside(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  const trash = path.join(path.dirname(dir), TRASH);
  await fs.mkdir(trash, { recursive: true });
  moved += 1;
  await fs.rename(dir, path.join(trash, `${process.pid}-${moved}-${path.basename(dir)}`));
}

/** Deletes the trash folder in `work`: what this run set aside, and what an interrupted run left. */
export async function emptyTrash(work: string): Promise<void> {
  await fs.rm(path.join(work, TRASH), { recursive: true, force: true });
}
