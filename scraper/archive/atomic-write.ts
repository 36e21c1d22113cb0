// Every archive file is written whole or not at all: to a temporary name beside it, flushed,
// then renamed over the old one (rename is atomic within a directory on POSIX). A run killed
// midway leaves the old file, or the new one, never half of either; at worst a stray
// ".*.tmp-*" file, which readers ignore and the next write in that folder removes.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

const TMP_MARK = '.tmp-';

export function isTempFile(name: string): boolean {
  return name.startsWith('.') && name.includes(TMP_MARK);
}

export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}${TMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } catch (e) {
    await handle.close();
    await fs.rm(tmp, { force: true });
    throw withPath(e, file);
  }
  await handle.close();
  try {
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/**
 * A write through a file handle fails (no space, a quota) without naming the file; the error is
 * given the file it was for, so that it can be reported in one line naming it.
 */
function withPath(e: unknown, file: string): unknown {
  const err = e as NodeJS.ErrnoException;
  if (typeof err === 'object' && err !== null && typeof err.code === 'string' && err.path === undefined) {
    err.path = file;
  }
  return e;
}

/** Removes temporary files that a killed run left in `dir` (not those of live processes). */
export async function removeStaleTempFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!isTempFile(name)) continue;
    const pid = Number(/\.tmp-(\d+)-/.exec(name)?.[1]);
    if (pid && pid !== process.pid && isAlive(pid)) continue;
    if (pid === process.pid) continue;
    await fs.rm(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/** Whether process `pid` runs on this machine (signal 0 checks without signalling). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes what killed runs left in the content folder, its days/ and every year folder. */
export async function removeStaleTempFilesUnder(contentDir: string): Promise<string[]> {
  const daysDir = path.join(contentDir, 'days');
  const years = await fs.readdir(daysDir).catch(() => [] as string[]);
  const dirs = [contentDir, daysDir, ...years.filter((y) => /^\d{4}$/.test(y)).map((y) => path.join(daysDir, y))];
  return (await Promise.all(dirs.map(removeStaleTempFiles))).flat();
}
