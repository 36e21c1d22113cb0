// Archives from the pack's writer opened by what people have: a zip of 70,000 files (past the
// 65,535 of zip without ZIP64) tested by unzip and read by Python's zipfile, and a few files of
// every kind (stored, deflated, UTF-8 and long names) unpacked by unzip, Python and tar with
// their bytes intact. The files are small: the 70,000 take about 15 s on 2 cores, most of it
// each file's trip to zlib's thread pool (zip-file.ts).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { type ArchiveEntry, writeArchiveFile } from '../../../../../scraper/offline/pack/archive-file.ts';
import { tempDir } from '../../../../helpers/temp.ts';

const FILES = 70_000;

async function* many(): AsyncGenerator<ArchiveEntry> {
  for (let i = 0; i < FILES; i++) {
    yield { path: `top/papers/${i % 100}/${i}.html`, data: Buffer.from(`<p>paper ${i}</p>\n`) };
  }
}

const python = (script: string, ...args: string[]) =>
  execFileSync('python3', ['-c', script, ...args], { encoding: 'utf8' }).trim();

test(`a zip of ${FILES.toLocaleString('en')} files opens with unzip -t and Python's zipfile`, async () => {
  const dir = tempDir('zip64-');
  const file = path.join(dir, 'many.zip');
  expect(await writeArchiveFile(file, 'zip', many(), Date.UTC(2026, 7, 7))).toMatchObject({ files: FILES });
  expect(execFileSync('unzip', ['-tq', file], { encoding: 'utf8' })).toContain('No errors detected');
  const read = python(
    [
      'import sys, zipfile',
      'z = zipfile.ZipFile(sys.argv[1])',
      'names = z.namelist()',
      'print(len(names), len(set(names)), z.testzip(), z.read("top/papers/42/69942.html").decode().strip())',
    ].join('\n'),
    file,
  );
  expect(read).toBe(`${FILES} ${FILES} None <p>paper 69942</p>`);
}, 180_000);

test('stored, deflated, UTF-8 and long names come out whole from unzip, Python and tar', async () => {
  const dir = tempDir('unpack-');
  const files = {
    'top/noise.bin': randomBytes(20_000),
    'top/index.html': Buffer.from('<p>the same words</p>\n'.repeat(500)),
    'top/papers/Über-état-数据.html': Buffer.from('é'),
    [`top/${'d'.repeat(120)}/${'f'.repeat(150)}.html`]: Buffer.from('long'),
    'top/empty.txt': Buffer.alloc(0),
  };
  const entries = Object.entries(files).map(([p, data]) => ({ path: p, data }));
  const unpackers: Record<string, (file: string, into: string) => void> = {
    'zip unzip': (file, into) => execFileSync('unzip', ['-q', file, '-d', into]),
    'zip python': (file, into) =>
      python('import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', file, into),
    'tar.gz tar': (file, into) => execFileSync('tar', ['-xzf', file, '-C', into]),
  };
  for (const [how, unpack] of Object.entries(unpackers)) {
    const format = how.startsWith('zip') ? 'zip' : 'tar.gz';
    const file = path.join(dir, `${how.replace(' ', '-')}.${format}`);
    await writeArchiveFile(
      file,
      format,
      (async function* () {
        yield* entries;
      })(),
      Date.UTC(2026, 7, 7),
    );
    const into = path.join(dir, `${how.replace(' ', '-')}-unpacked`);
    mkdirSync(into);
    unpack(file, into);
    for (const [name, data] of Object.entries(files))
      expect(readFileSync(path.join(into, name)), `${how}: ${name}`).toEqual(data);
  }
});
