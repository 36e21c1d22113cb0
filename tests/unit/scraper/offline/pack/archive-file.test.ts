// The pack's archive writing, in process: what tar-stream writes read back with tar-stream's own
// reader (the system's tar and unzip, and Python's zipfile, read whole archives in
// tests/integration/scraper/offline/pack/ and tests/e2e/scraper/offline/pack.test.ts), every
// entry's path checked by the writer itself, the same bytes for the same files and time, and no
// file left under the name asked for, or beside it, when writing fails.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { extract } from 'tar-stream';
import { describe, expect, test } from 'vitest';
import {
  type ArchiveEntry,
  type ArchiveFormat,
  entryPathProblem,
  formatOf,
  writeArchiveFile,
} from '../../../../../scraper/offline/pack/archive-file.ts';
import { tempDir } from '../../../../helpers/temp.ts';

async function* listed(entries: ArchiveEntry[]): AsyncGenerator<ArchiveEntry> {
  yield* entries;
}

/** Each entry of a .tar.gz file as tar-stream reads it: name, bytes and time. */
async function readTarGz(file: string): Promise<{ name: string; text: string; mtime: number }[]> {
  const read: { name: string; text: string; mtime: number }[] = [];
  const reader = extract();
  Readable.from([zlib.gunzipSync(readFileSync(file))]).pipe(reader);
  for await (const entry of reader) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    read.push({ name: entry.header.name, text: Buffer.concat(chunks).toString(), mtime: entry.header.mtime.getTime() });
  }
  return read;
}

test('the format comes from the file name', () => {
  expect(formatOf('a.tar.gz')).toBe('tar.gz');
  expect(formatOf('a.TGZ')).toBe('tar.gz');
  expect(formatOf('a.zip')).toBe('zip');
  expect(formatOf('a.rar')).toBeNull();
});

test('a path that could leave the folder it is unpacked in is named for what is wrong with it', () => {
  expect(entryPathProblem('top/index.html')).toBeNull();
  expect(entryPathProblem('top/.well-known/a b é.txt')).toBeNull();
  expect(entryPathProblem('')).toBe('it is empty');
  expect(entryPathProblem('/etc/passwd')).toBe('it is absolute');
  expect(entryPathProblem('C:/x')).toBe('it is absolute');
  expect(entryPathProblem('c:x')).toBe('it is absolute');
  for (const name of ['../x', 'top/../../x', './x', 'top/./x', 'top/..', '.', '..']) {
    expect(entryPathProblem(name), name).toBe('it has a "." or ".." segment');
  }
  expect(entryPathProblem('top\\..\\x')).toBe('it has a backslash');
  expect(entryPathProblem('top/a\0b')).toBe('it has a NUL character');
  expect(entryPathProblem('top//x')).toBe('it has an empty segment');
  expect(entryPathProblem('top/')).toBe('it has an empty segment');
});

describe.each<ArchiveFormat>(['tar.gz', 'zip'])('%s', (format) => {
  test.each([
    ['../escaped.txt', 'it has a "." or ".." segment'],
    ['top/../../escaped.txt', 'it has a "." or ".." segment'],
    ['./a.txt', 'it has a "." or ".." segment'],
    ['/abs.txt', 'it is absolute'],
    ['top\\a.txt', 'it has a backslash'],
    ['', 'it is empty'],
  ])('the writer refuses the entry path %j (%s) and leaves nothing behind', async (bad, problem) => {
    const dir = tempDir('archive-');
    const file = path.join(dir, `a.${format}`);
    const entries = [
      { path: 'top/a.txt', data: Buffer.from('a') },
      { path: bad, data: Buffer.from('b') },
    ];
    await expect(writeArchiveFile(file, format, listed(entries), 0)).rejects.toThrow(
      `${JSON.stringify(bad)} cannot be a path in an archive: ${problem}`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  test('the same files and time make the same bytes', async () => {
    const dir = tempDir('archive-');
    const entries = [
      { path: 'top/index.html', data: Buffer.from('<p>hello</p>'.repeat(200)) },
      { path: 'top/b.bin', data: zlib.gzipSync(Buffer.from('x'.repeat(10_000))) },
    ];
    const mtime = Date.UTC(2026, 7, 7, 12, 30);
    await writeArchiveFile(path.join(dir, `a.${format}`), format, listed(entries), mtime);
    await writeArchiveFile(path.join(dir, `b.${format}`), format, listed(entries), mtime);
    expect(readFileSync(path.join(dir, `a.${format}`))).toEqual(readFileSync(path.join(dir, `b.${format}`)));
  });

  test('a failed write leaves no file under the name asked for, nor a partial one beside it', async () => {
    const dir = tempDir('archive-');
    const file = path.join(dir, `a.${format}`);
    async function* entries() {
      yield { path: 'top/a.txt', data: Buffer.from('x') };
      throw new Error('disk full');
    }
    await expect(writeArchiveFile(file, format, entries())).rejects.toThrow('disk full');
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a file that cannot be written is an error, not a crash', async () => {
    const file = path.join(tempDir('archive-'), 'gone', `a.${format}`);
    const entries = [{ path: 'top/a.txt', data: Buffer.from('x'.repeat(100_000)) }];
    await expect(writeArchiveFile(file, format, listed(entries))).rejects.toThrow('ENOENT');
  });
});

test('a tar.gz holds each file after its header, padded to 512 bytes', async () => {
  const dir = tempDir('archive-');
  const file = path.join(dir, 'a.tar.gz');
  expect(
    await writeArchiveFile(file, 'tar.gz', listed([{ path: 'top/a.txt', data: Buffer.from('hello') }]), 0),
  ).toEqual({ files: 1, bytes: readFileSync(file).length });
  const tar = zlib.gunzipSync(readFileSync(file));
  expect(tar.length).toBe(512 + 512 + 1024);
  expect(tar.subarray(512, 517).toString()).toBe('hello');
});

test('a tar.gz keeps names of any length and in any script, and the time given', async () => {
  const dir = tempDir('archive-');
  const file = path.join(dir, 'a.tar.gz');
  const long = `top/${'d'.repeat(120)}/${'f'.repeat(160)}.html`;
  const mtime = Date.UTC(2026, 7, 7, 12, 30);
  const entries = [
    { path: long, data: Buffer.from('long') },
    { path: 'top/papers/Über-état-数据.html', data: Buffer.from('utf-8') },
  ];
  await writeArchiveFile(file, 'tar.gz', listed(entries), mtime);
  expect(await readTarGz(file)).toEqual([
    { name: long, text: 'long', mtime },
    { name: 'top/papers/Über-état-数据.html', text: 'utf-8', mtime },
  ]);
});
