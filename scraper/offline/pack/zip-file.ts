// The pack's .zip, written here rather than by a library: the two weighed were measured and
// neither keeps time and memory bounded as the archive grows (2026-12, 2 cores):
//   - yazl 3.3.1 (one dependency, ZIP64 by itself, `addReadStreamLazy` for backpressure) scans
//     its list of entries from the first one each time it moves on, so time grows with the
//     square of the count: 20,000 small files took 9 s, 60% of it in that scan, and 70,000
//     took 81 s and 1.85 GB.
//   - zip-stream 7.0.5 (archiver's; 16 packages with readable-stream's polyfills) writes its
//     central directory in one synchronous burst of small writes, buffered whole: 30,000 small
//     files peaked at 506 MB, 140,000 at 1.63 GB.
// Zip is small and fixed, and this writer does what the pack needs:
//   - each file deflated whole and stored instead when deflate does not help;
//   - the central directory kept as compact blocks, about 110 bytes a file, copied out of the
//     buffers they came from (the writer this replaced kept each name as it came: its zip of the
//     full corpus held 882 MB of buffers at its peak, 1.19 GB in all);
//   - ZIP64 records only when the archive needs them (65,535 files or more, or past 4 GB), so
//     smaller zips stay in the format every tool reads;
//   - UTF-8 names, times in UTC, the same bytes for the same files and time;
//   - each file deflated in zlib's thread pool while the disk copy makes the next one: the full
//     corpus packs in the time it did with deflate on the main thread (28 s), though a file's
//     trip to the pool and back costs about 0.2 ms, which shows with tens of thousands of tiny
//     files (70,000 of them: 15 s against 4 s).
import zlib from 'node:zlib';
import type { ArchiveEntry } from './archive-file.ts';

/** Past these, a field of the classic format says "see the ZIP64 record". */
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;
/** Records of the central directory gathered into one buffer, rather than one each. */
const RECORDS_PER_BLOCK = 1024;

/** MS-DOS date and time, as zip keeps them: from 1980 (an earlier time is 1980's first second) to 2107. */
export function dosTime(mtime: number): { date: number; time: number } {
  const d = new Date(Math.min(Math.max(mtime, Date.UTC(1980, 0, 1)), Date.UTC(2107, 11, 31, 23, 59, 58)));
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

/** What the local header and the central record of one file share. */
export type ZipFileInfo = {
  name: Buffer;
  stored: boolean;
  crc: number;
  size: number;
  compressedSize: number;
  date: number;
  time: number;
};

function writeShared(h: Buffer, at: number, f: ZipFileInfo): void {
  h.writeUInt16LE(0x0800, at); // names are UTF-8
  h.writeUInt16LE(f.stored ? 0 : 8, at + 2);
  h.writeUInt16LE(f.time, at + 4);
  h.writeUInt16LE(f.date, at + 6);
  h.writeUInt32LE(f.crc, at + 8);
  h.writeUInt32LE(f.compressedSize, at + 12);
  h.writeUInt32LE(f.size, at + 16);
  h.writeUInt16LE(f.name.length, at + 20);
}

/** The local header, name included. */
export function localHeader(f: ZipFileInfo): Buffer {
  const h = Buffer.alloc(30 + f.name.length);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  writeShared(h, 6, f);
  f.name.copy(h, 30);
  return h;
}

/** The central directory's record; one at or past 4 GB gets its offset in a ZIP64 field. */
export function centralRecord(f: ZipFileInfo, offset: number): Buffer {
  const zip64 = offset >= MAX_32;
  const extra = zip64 ? 12 : 0;
  const r = Buffer.alloc(46 + f.name.length + extra);
  r.writeUInt32LE(0x02014b50, 0);
  r.writeUInt16LE(zip64 ? 0x032d : 0x0314, 4); // made by: Unix, spec 4.5 or 2.0
  r.writeUInt16LE(zip64 ? 45 : 20, 6);
  writeShared(r, 8, f);
  r.writeUInt16LE(extra, 30);
  r.writeUInt32LE((0o100644 << 16) >>> 0, 38);
  r.writeUInt32LE(zip64 ? MAX_32 : offset, 42);
  f.name.copy(r, 46);
  if (zip64) {
    const at = 46 + f.name.length;
    r.writeUInt16LE(0x0001, at);
    r.writeUInt16LE(8, at + 2);
    r.writeBigUInt64LE(BigInt(offset), at + 4);
  }
  return r;
}

/** The end of the archive: the classic record, after the ZIP64 record and locator if needed. */
export function endRecords(count: number, directoryOffset: number, directorySize: number): Buffer {
  const zip64 = count >= MAX_16 || directoryOffset >= MAX_32 || directorySize >= MAX_32;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, MAX_16), 8);
  end.writeUInt16LE(Math.min(count, MAX_16), 10);
  end.writeUInt32LE(Math.min(directorySize, MAX_32), 12);
  end.writeUInt32LE(Math.min(directoryOffset, MAX_32), 16);
  if (!zip64) return end;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4); // the size of what follows this field
  record.writeUInt16LE(0x032d, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(directorySize), 40);
  record.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([record, locator, end]);
}

/**
 * Deflates one file after another through one zlib stream, each write finished as a whole
 * deflate stream and the stream reset after it: the same bytes as `deflateRawSync`, without a
 * zlib of its own (a few hundred KB) made and dropped for every file. With one each, the full
 * corpus's zip peaked anywhere from 223 MB to 327 MB (7 runs); with this one, 217 MB to 252 MB
 * (5 runs).
 */
function deflater(): { deflate: (data: Uint8Array) => Promise<Buffer>; close: () => void } {
  const stream = zlib.createDeflateRaw({ level: 9, flush: zlib.constants.Z_FINISH });
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return {
    async deflate(data) {
      await new Promise<void>((resolve, reject) => stream.write(data, (error) => (error ? reject(error) : resolve())));
      const out = Buffer.concat(chunks);
      chunks.length = 0;
      stream.reset();
      return out;
    },
    close: () => stream.close(),
  };
}

/**
 * Writes the entries as a zip through `write` (which waits while the file is busy); returns how
 * many files it holds.
 */
export async function writeZip(
  entries: AsyncIterable<ArchiveEntry>,
  write: (chunk: Uint8Array) => Promise<void>,
  mtime: number,
): Promise<number> {
  const { date, time } = dosTime(mtime);
  const blocks: Buffer[] = [];
  let records: Buffer[] = [];
  let offset = 0;
  let count = 0;
  const zlibStream = deflater();

  async function add(entry: ArchiveEntry): Promise<void> {
    const { data } = entry;
    if (data.length >= MAX_32) throw new Error(`${entry.path}: a file of 4 GB or more cannot be zipped here`);
    const deflated = await zlibStream.deflate(data);
    // Stored when deflate does not help (images, anything already compressed).
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const name = Buffer.from(entry.path, 'utf8');
    const info = { name, stored, crc: zlib.crc32(data), size: data.length, compressedSize: body.length, date, time };
    const header = localHeader(info);
    records.push(centralRecord(info, offset));
    if (records.length === RECORDS_PER_BLOCK) {
      blocks.push(Buffer.concat(records));
      records = [];
    }
    offset += header.length + body.length;
    await write(header);
    await write(body);
  }

  // A file is deflated (in zlib's thread pool) and written while the next one is being made.
  let adding: Promise<void> = Promise.resolve();
  try {
    for await (const entry of entries) {
      await adding;
      adding = add(entry);
      adding.catch(() => {}); // awaited before the next file, or below
      count++;
    }
    await adding;
  } finally {
    await adding.catch(() => {});
    zlibStream.close();
  }
  blocks.push(Buffer.concat(records));
  let size = 0;
  for (const block of blocks) {
    await write(block);
    size += block.length;
  }
  await write(endRecords(count, offset, size));
  return count;
}
