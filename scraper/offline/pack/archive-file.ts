// One file holding a folder's worth of files, in the two forms people can open anywhere with
// what their system has: .tar.gz (ustar, gzip) and .zip (deflate). Written here in a few dozen
// lines each rather than with a dependency: the formats are small and fixed, and the files come
// one at a time from the disk copy (disk-copy.ts), so memory stays one file's worth. The archive
// is written to a temporary name beside the target and renamed into place once complete: a
// failed or interrupted pack leaves no half-written file under the name asked for.
import { once } from 'node:events';
import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export type ArchiveEntry = { path: string; data: Uint8Array };
export type ArchiveFormat = 'tar.gz' | 'zip';

/** The endings a pack's file name may have, and the format each asks for. */
export const ARCHIVE_ENDING = /\.(tar\.gz|tgz|zip)$/i;

/** The format a file name asks for, or null. */
export function formatOf(file: string): ArchiveFormat | null {
  const ending = ARCHIVE_ENDING.exec(file)?.[1]?.toLowerCase();
  return ending === undefined ? null : ending === 'zip' ? 'zip' : 'tar.gz';
}

/** Zip without its 64-bit extension holds at most this many entries. */
export const ZIP_MAX_ENTRIES = 0xffff;

/** Writes a chunk, waiting for the stream to drain when it asks to (an error rejects). */
async function write(stream: NodeJS.WritableStream, chunk: Uint8Array): Promise<void> {
  if (!stream.write(chunk)) await once(stream as NodeJS.EventEmitter, 'drain');
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

/** A ustar header; a path over 100 bytes is split into prefix and name at a slash. */
export function tarHeader(name: string, size: number, mtime: number): Buffer {
  const header = Buffer.alloc(512);
  let prefix = '';
  let rest = name;
  if (Buffer.byteLength(rest) > 100) {
    const cut = name.lastIndexOf('/', name.length - 1);
    prefix = name.slice(0, cut);
    rest = name.slice(cut + 1);
    if (cut <= 0 || Buffer.byteLength(prefix) > 155 || Buffer.byteLength(rest) > 100) {
      throw new Error(`${name}: a path too long for a tar file`);
    }
  }
  header.write(rest, 0, 100, 'utf8');
  header.write(octal(0o644, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  header.write(octal(size, 12), 124, 'ascii');
  header.write(octal(Math.floor(mtime / 1000), 12), 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write('0', 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  header.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}

async function writeTarGz(entries: AsyncIterable<ArchiveEntry>, out: WriteStream, mtime: number): Promise<number> {
  const gzip = zlib.createGzip({ level: 9 });
  gzip.pipe(out);
  let count = 0;
  for await (const entry of entries) {
    await write(gzip, tarHeader(entry.path, entry.data.length, mtime));
    await write(gzip, entry.data);
    const pad = (512 - (entry.data.length % 512)) % 512;
    if (pad > 0) await write(gzip, Buffer.alloc(pad));
    count++;
  }
  await write(gzip, Buffer.alloc(1024));
  await new Promise<void>((resolve, reject) => {
    out.once('close', resolve);
    out.once('error', reject);
    gzip.end();
  });
  return count;
}

/** MS-DOS date and time, as zip keeps them. */
function dosTime(mtime: number): { date: number; time: number } {
  const d = new Date(mtime);
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

async function writeZip(entries: AsyncIterable<ArchiveEntry>, out: WriteStream, mtime: number): Promise<number> {
  const { date, time } = dosTime(mtime);
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for await (const entry of entries) {
    if (++count > ZIP_MAX_ENTRIES) throw new Error(`more than ${ZIP_MAX_ENTRIES} files: pack a .tar.gz instead`);
    const name = Buffer.from(entry.path, 'utf8');
    const deflated = zlib.deflateRawSync(entry.data, { level: 9 });
    // Stored when deflate does not help (images, the search index's compressed files).
    const stored = deflated.length >= entry.data.length;
    const body = stored ? entry.data : deflated;
    const crc = zlib.crc32(entry.data);
    if (offset + body.length > 0xffffffff) throw new Error('over 4 GB: pack a .tar.gz instead');
    const fields = (h: Buffer, at: number) => {
      h.writeUInt16LE(0x0800, at); // names are UTF-8
      h.writeUInt16LE(stored ? 0 : 8, at + 2);
      h.writeUInt16LE(time, at + 4);
      h.writeUInt16LE(date, at + 6);
      h.writeUInt32LE(crc, at + 8);
      h.writeUInt32LE(body.length, at + 12);
      h.writeUInt32LE(entry.data.length, at + 16);
      h.writeUInt16LE(name.length, at + 20);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    fields(local, 6);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    record.writeUInt16LE(20, 6);
    fields(record, 8);
    record.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    await write(out, local);
    await write(out, name);
    await write(out, body);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  await write(out, directory);
  await write(out, end);
  await new Promise<void>((resolve, reject) => {
    out.once('close', resolve);
    out.once('error', reject);
    out.end();
  });
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
    const files = await (format === 'zip' ? writeZip(entries, out, mtime) : writeTarGz(entries, out, mtime));
    await fs.rename(temporary, file);
    return { files, bytes: (await fs.stat(file)).size };
  } catch (error) {
    out.destroy();
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
