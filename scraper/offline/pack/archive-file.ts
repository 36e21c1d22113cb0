// One file holding a folder's worth of files, in the two forms people can open anywhere with
// what their system has: .tar.gz and .zip. The files come one at a time from the disk copy
// (disk-copy.ts), and the next is asked for only once the archive has taken the last (the zip
// deflates one while the next is made), so memory stays a few files' worth whatever the size of
// the site. The archive is written to a temporary name beside the target and renamed into place
// once complete: a failed or interrupted pack leaves no half-written file under the name asked
// for. Every entry's path is checked here, as whoever unpacks the file trusts each one to stay
// inside the folder it is unpacked in.
//
// The tar is tar-stream's (ustar, and a PAX header for a path too long for ustar), gzipped by
// node's zlib: entries go in one at a time and an entry's callback comes once the pack stream
// has taken its bytes, which waits on gzip and the file. Weighed against node-tar 8 (isaacs; no
// dependencies; entries from an async iterable), whose entries from memory came with a rewrite
// released days before, and archiver (51 packages, a wrapper around tar-stream). tar-stream
// 3.2+ lists bare-fs, the file system of the Bare runtime, which Node never loads (six small
// packages, no install script): kept at the current version rather than pinned behind it.
// The zip is written by hand (zip-file.ts), which says why.
import { once } from 'node:events';
import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { pack as tarPack } from 'tar-stream';
import { writeZip } from './zip-file.ts';

export type ArchiveEntry = { path: string; data: Uint8Array };
export type ArchiveFormat = 'tar.gz' | 'zip';

/** The endings a pack's file name may have, and the format each asks for. */
export const ARCHIVE_ENDING = /\.(tar\.gz|tgz|zip)$/i;

/** The format a file name asks for, or null. */
export function formatOf(file: string): ArchiveFormat | null {
  const ending = ARCHIVE_ENDING.exec(file)?.[1]?.toLowerCase();
  return ending === undefined ? null : ending === 'zip' ? 'zip' : 'tar.gz';
}

/**
 * Why `name` may not be an entry's path, or null. Whoever unpacks the file trusts each path to
 * stay inside the folder it is unpacked in; the top folder's name comes from a file name a user
 * typed (pack.ts), so the writer checks every path again rather than trust its caller.
 */
export function entryPathProblem(name: string): string | null {
  if (name === '') return 'it is empty';
  if (name.includes('\\')) return 'it has a backslash';
  if (name.includes('\0')) return 'it has a NUL character';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'it is absolute';
  const segments = name.split('/');
  if (segments.some((s) => s === '.' || s === '..')) return 'it has a "." or ".." segment';
  if (segments.includes('')) return 'it has an empty segment';
  return null;
}

function checkEntryPath(name: string): string {
  const problem = entryPathProblem(name);
  if (problem) throw new Error(`${JSON.stringify(name)} cannot be a path in an archive: ${problem}`);
  return name;
}

/**
 * Chunks gathered into pieces of at least `size` bytes. tar-stream gives a header, a file and its
 * padding as three chunks, and gzip takes each chunk it is given to zlib's thread pool and back
 * alone: 70,000 small files took 25 s that way, 2.6 s gathered.
 */
async function* gathered(chunks: AsyncIterable<Uint8Array>, size = 1 << 16): AsyncGenerator<Buffer> {
  let held: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of chunks) {
    held.push(chunk);
    bytes += chunk.length;
    if (bytes >= size) {
      yield Buffer.concat(held);
      held = [];
      bytes = 0;
    }
  }
  if (bytes > 0) yield Buffer.concat(held);
}

async function writeTarGz(entries: AsyncIterable<ArchiveEntry>, out: WriteStream, mtime: number): Promise<number> {
  const tar = tarPack();
  // tar-stream's types leave its chunks unknown; a pack stream reads as bytes.
  const written = pipeline(gathered(tar as AsyncIterable<Uint8Array>), zlib.createGzip({ level: 9 }), out);
  // A failure further on ends the entry being taken, and so the loop below.
  written.catch((error: Error) => tar.destroy(error));
  const date = new Date(mtime);
  let count = 0;
  try {
    for await (const entry of entries) {
      const header = { name: checkEntryPath(entry.path), size: entry.data.length, mtime: date, mode: 0o644 };
      await new Promise<void>((resolve, reject) => {
        tar.entry(header, entry.data, (error) => (error ? reject(error) : resolve()));
      });
      count++;
    }
    tar.finalize();
  } catch (error) {
    tar.destroy(error as Error);
    await written.catch(() => {});
    throw error;
  }
  await written;
  return count;
}

/** Writes a chunk, waiting for the file to drain when it asks to (an error rejects). */
async function writeTo(out: WriteStream, chunk: Uint8Array): Promise<void> {
  if (out.errored) throw out.errored;
  if (!out.write(chunk)) await once(out, 'drain');
}

async function writeZipFile(entries: AsyncIterable<ArchiveEntry>, out: WriteStream, mtime: number): Promise<number> {
  const checked = async function* () {
    for await (const entry of entries) yield { path: checkEntryPath(entry.path), data: entry.data };
  };
  // The file's errors are read from `out.errored` and by the waits on it; an error with no
  // listener (the file cannot be opened, while a file is being deflated) would end the process.
  out.on('error', () => {});
  const count = await writeZip(checked(), (chunk) => writeTo(out, chunk), mtime);
  await new Promise<void>((resolve, reject) => {
    out.once('close', resolve);
    out.once('error', reject);
    out.end();
  });
  if (out.errored) throw out.errored;
  return count;
}

/** Writes the entries to `file` in `format`; returns how many files it holds and its size. */
export async function writeArchiveFile(
  file: string,
  format: ArchiveFormat,
  entries: AsyncIterable<ArchiveEntry>,
  mtime = Date.now(),
): Promise<{ files: number; bytes: number }> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
  const out = createWriteStream(temporary);
  try {
    const files = await (format === 'zip' ? writeZipFile(entries, out, mtime) : writeTarGz(entries, out, mtime));
    await fs.rename(temporary, file);
    return { files, bytes: (await fs.stat(file)).size };
  } catch (error) {
    // Closed before removed: a stream still opening would otherwise make the file again.
    if (!out.closed) {
      const closed = once(out, 'close').catch(() => {});
      out.destroy();
      await closed;
    }
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
