// Files of a folder that came from elsewhere (an archive folder, a backfill's shard, a built or
// packed site someone else made): read as data, and only when they are what they claim to be.
// A path is followed through its links and must still lie inside the folder (a link to
// /etc/passwd is not the archive's file); it must be a regular file (a FIFO would block the
// reader for ever, /dev/zero would never end), checked before it is opened; it is opened so that
// neither can block it even if swapped in after the check, checked again once open, and read
// no further than its bound. Every reader of such a folder (the day files, the ledger, the
// offline commands' site files, the servers) goes through here.
import { constants, promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.ts';

/** What a checked path is not, said as the end of "<file> …". */
function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'is a folder, not a file';
  if (stat.isFIFO()) return 'is a named pipe (FIFO), not a file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'is a device, not a file';
  if (stat.isSocket()) return 'is a socket, not a file';
  return 'is not a regular file';
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A file of the folder that failed a check: named, with what is wrong, as one line. */
export class InsideFileError extends InputError {
  readonly file: string;
  readonly problem: string;
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'InsideFileError';
    this.file = file;
    this.problem = problem;
  }
}

export type InsideFile = {
  /** The path after links, inside the folder. */
  real: string;
  stat: Stats;
};

/** Whether `real` is `root` or lies under it (both already resolved through links). */
function within(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`);
}

/**
 * `file` (a path under `root`) checked without opening it: null when there is nothing there;
 * an InsideFileError when it leads out of the folder, is not a regular file, or holds more than
 * `maxBytes`.
 */
export async function checkInside(root: string, file: string, maxBytes = Infinity): Promise<InsideFile | null> {
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    if (code === 'ELOOP') throw new InsideFileError(file, 'is a loop of links');
    throw e;
  }
  if (!within(await fs.realpath(root), real)) {
    throw new InsideFileError(file, `leads out of ${root} (to ${real}), and only files inside it are read`);
  }
  const stat = await fs.stat(real);
  if (!stat.isFile()) throw new InsideFileError(file, kindOf(stat));
  if (stat.size > maxBytes) {
    throw new InsideFileError(
      file,
      `is ${megabytes(stat.size)}, more than such a file may be (${megabytes(maxBytes)})`,
    );
  }
  return { real, stat };
}

/**
 * Opens a checked file for reading: never blocks on what was swapped in after the check (a
 * FIFO), and fails when the file opened is not the one checked. The caller closes the handle.
 */
export async function openInside(
  root: string,
  file: string,
  maxBytes = Infinity,
): Promise<{ handle: fs.FileHandle; stat: Stats } | null> {
  const checked = await checkInside(root, file, maxBytes);
  if (!checked) return null;
  const handle = await fs.open(checked.real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new InsideFileError(file, kindOf(stat));
    if (stat.ino !== checked.stat.ino || stat.dev !== checked.stat.dev) {
      throw new InsideFileError(file, 'changed while it was being opened');
    }
    return { handle, stat };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/**
 * The bytes of `file`, a regular file inside `root` of at most `maxBytes` (read no further than
 * that, whatever its size said), or null when there is none.
 */
export async function readInside(root: string, file: string, maxBytes: number): Promise<Buffer | null> {
  const opened = await openInside(root, file, maxBytes);
  if (!opened) return null;
  const { handle } = opened;
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(
        Math.min(Math.max(opened.stat.size - total + 1, 1 << 16), 1 << 20, maxBytes + 1),
      );
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) {
        throw new InsideFileError(
          file,
          `grew past ${megabytes(maxBytes)} while it was read, more than such a file may be`,
        );
      }
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}
