// The pack's zip records, in process: the classic end record while it is enough, ZIP64's record
// and locator from 65,535 files on, a ZIP64 offset for a file past 4 GB, and each file stored
// when deflate does not help. Whole zips are opened by unzip and Python's zipfile in
// tests/integration/scraper/offline/pack/archive-file.test.ts.
import { randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import {
  centralRecord,
  dosTime,
  endRecords,
  writeZip,
  type ZipFileInfo,
} from '../../../../../scraper/offline/pack/zip-file.ts';

const info: ZipFileInfo = {
  name: Buffer.from('top/a.txt'),
  stored: false,
  crc: 1,
  size: 10,
  compressedSize: 8,
  date: 0,
  time: 0,
};

test('an archive of fewer than 65,535 files ends with the classic record alone', () => {
  const end = endRecords(65_534, 1000, 200);
  expect(end.length).toBe(22);
  expect(end.readUInt32LE(0)).toBe(0x06054b50);
  expect(end.readUInt16LE(10)).toBe(65_534);
  expect(end.readUInt32LE(12)).toBe(200);
  expect(end.readUInt32LE(16)).toBe(1000);
});

test('from 65,535 files on, the counts are in a ZIP64 record that a locator points to', () => {
  const end = endRecords(70_000, 5_000_000, 7_000_000);
  expect(end.length).toBe(56 + 20 + 22);
  expect(end.readUInt32LE(0)).toBe(0x06064b50);
  expect(end.readBigUInt64LE(32)).toBe(70_000n);
  expect(end.readBigUInt64LE(40)).toBe(7_000_000n);
  expect(end.readBigUInt64LE(48)).toBe(5_000_000n);
  expect(end.readUInt32LE(56)).toBe(0x07064b50);
  expect(end.readBigUInt64LE(64)).toBe(12_000_000n); // the ZIP64 record starts where the directory ends
  expect(end.readUInt32LE(76)).toBe(0x06054b50);
  expect(end.readUInt16LE(76 + 10)).toBe(0xffff);
});

test('a file whose header starts past 4 GB has its offset in a ZIP64 field', () => {
  expect(centralRecord(info, 4000).length).toBe(46 + 9);
  const record = centralRecord(info, 5_000_000_000);
  expect(record.readUInt16LE(6)).toBe(45);
  expect(record.readUInt32LE(42)).toBe(0xffffffff);
  expect(record.readUInt16LE(30)).toBe(12);
  expect(record.subarray(46, 55).toString()).toBe('top/a.txt');
  expect(record.readUInt16LE(55)).toBe(0x0001);
  expect(record.readBigUInt64LE(59)).toBe(5_000_000_000n);
});

test('times are MS-DOS times in UTC', () => {
  const { date, time } = dosTime(Date.UTC(2026, 7, 7, 12, 30, 58));
  expect([date >> 9, (date >> 5) & 15, date & 31]).toEqual([2026 - 1980, 8, 7]);
  expect([time >> 11, (time >> 5) & 63, (time & 31) * 2]).toEqual([12, 30, 58]);
});

test('a file is stored when deflate does not help, deflated when it does', async () => {
  const chunks: Buffer[] = [];
  async function* entries() {
    yield { path: 'top/noise.bin', data: randomBytes(5000) };
    yield { path: 'top/page.html', data: Buffer.from('<p>the same words</p>'.repeat(100)) };
  }
  const count = await writeZip(entries(), async (chunk) => void chunks.push(Buffer.from(chunk)), 0);
  expect(count).toBe(2);
  const zip = Buffer.concat(chunks);
  expect(zip.readUInt16LE(8)).toBe(0); // stored
  expect(zip.readUInt32LE(18)).toBe(5000);
  const second = 30 + 'top/noise.bin'.length + 5000;
  expect(zip.readUInt16LE(second + 8)).toBe(8); // deflated
  expect(zip.readUInt32LE(second + 18)).toBeLessThan(2100);
});

test('a time before 1980, which MS-DOS times cannot hold, is 1980 itself', () => {
  expect(dosTime(0)).toEqual(dosTime(Date.UTC(1980, 0, 1)));
  expect(dosTime(Date.UTC(1980, 0, 1))).toEqual({ date: (1 << 5) | 1, time: 0 });
});
