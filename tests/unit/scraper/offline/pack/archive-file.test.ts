// The pack's own tar and zip writing, in process: headers as the formats define them (the
// system's tar and unzip read whole packs in tests/e2e/scraper/offline/pack.test.ts), a path too
// long for tar refused by name, and no file left under the name asked for when writing fails.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect, test } from 'vitest';
import { formatOf, tarHeader, writeArchiveFile } from '../../../../../scraper/offline/pack/archive-file.ts';
import { tempDir } from '../../../../helpers/temp.ts';

test('the format comes from the file name', () => {
  expect(formatOf('a.tar.gz')).toBe('tar.gz');
  expect(formatOf('a.TGZ')).toBe('tar.gz');
  expect(formatOf('a.zip')).toBe('zip');
  expect(formatOf('a.rar')).toBeNull();
});

test('a ustar header: its checksum adds up, a long path is split at a slash', () => {
  const name = `top/${'d'.repeat(90)}/${'f'.repeat(60)}.html`;
  const header = tarHeader(name, 1234, Date.UTC(2026, 7, 7));
  const stored = Number.parseInt(header.subarray(148, 154).toString('ascii'), 8);
  const sum = [...header].reduce((s, b, i) => s + (i >= 148 && i < 156 ? 32 : b), 0);
  expect(stored).toBe(sum);
  expect(header.subarray(0, 100).toString('utf8').replace(/\0+$/, '')).toBe(`${'f'.repeat(60)}.html`);
  expect(header.subarray(345, 500).toString('utf8').replace(/\0+$/, '')).toBe(`top/${'d'.repeat(90)}`);
  expect(Number.parseInt(header.subarray(124, 136).toString('ascii'), 8)).toBe(1234);
  expect(() => tarHeader(`${'x'.repeat(120)}.html`, 1, 0)).toThrow('a path too long for a tar file');
});

test('a tar.gz holds each file after its header, padded to 512 bytes', async () => {
  const dir = tempDir('archive-');
  const file = path.join(dir, 'a.tar.gz');
  async function* entries() {
    yield { path: 'top/a.txt', data: Buffer.from('hello') };
  }
  expect(await writeArchiveFile(file, 'tar.gz', entries(), 0)).toMatchObject({ files: 1 });
  const tar = zlib.gunzipSync((await import('node:fs')).readFileSync(file));
  expect(tar.length).toBe(512 + 512 + 1024);
  expect(tar.subarray(512, 517).toString()).toBe('hello');
});

test('a failed write leaves no file under the name asked for', async () => {
  const dir = tempDir('archive-');
  const file = path.join(dir, 'a.tar.gz');
  async function* entries() {
    yield { path: 'top/a.txt', data: Buffer.from('x') };
    throw new Error('disk full');
  }
  await expect(writeArchiveFile(file, 'tar.gz', entries())).rejects.toThrow('disk full');
  expect(existsSync(file)).toBe(false);
  expect(readdirSync(dir)).toEqual([]);
});
