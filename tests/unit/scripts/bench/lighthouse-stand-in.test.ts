// The pure parts of the Lighthouse bench's stand-in for Hugging Face's image hosts: the PNG made
// in code (png.ts), the flags that send Chromium there and nowhere else (lighthouse-flags.ts),
// the failing best-practices audits read from a report (lighthouse-summary.ts), and what the
// results file says of it all (search-md.ts). The server itself is tested in the integration
// tier (tests/integration/scripts/bench/thumbnail-host.test.ts): it runs openssl.
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { CHROMIUM_ARGS } from '../../../../scraper/fetch/chromium.ts';
import type { LighthouseReport } from '../../../../scripts/bench/lighthouse-bench.ts';
import { chromeFlags } from '../../../../scripts/bench/lighthouse-flags.ts';
import { failingAudits, type Lhr, readRun, summarizeRuns } from '../../../../scripts/bench/lighthouse-summary.ts';
import { png, THUMBNAIL_SIZE, thumbnailPng } from '../../../../scripts/bench/png.ts';
import { type SearchReport, searchMarkdown } from '../../../../scripts/bench/search-md.ts';

type Chunk = { type: string; data: Buffer; crcOk: boolean };

/** A PNG's chunks, read as a decoder reads them, each with its CRC checked. */
function chunks(file: Buffer): Chunk[] {
  expect([...file.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const out: Chunk[] = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    const typeAndData = file.subarray(at + 4, at + 8 + length);
    out.push({
      type: typeAndData.subarray(0, 4).toString('latin1'),
      data: typeAndData.subarray(4),
      crcOk: crc32(typeAndData) === file.readUInt32BE(at + 8 + length),
    });
    at += 12 + length;
  }
  return out;
}

describe('the PNG made in code', () => {
  test('a 3×2 image: header, one IDAT of rows each opened by filter 0, the pixels as given, IEND; every CRC right', () => {
    const file = png(3, 2, (x, y) => [x * 10, y * 100, 7]);
    const read = chunks(file);
    expect(read.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(read.every((c) => c.crcOk)).toBe(true);
    const ihdr = read[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ...ihdr.subarray(8)]).toEqual([3, 2, 8, 2, 0, 0, 0]);
    expect([...inflateSync(read[1]!.data)]).toEqual([
      ...[0, 0, 0, 7, 10, 0, 7, 20, 0, 7],
      ...[0, 0, 100, 7, 10, 100, 7, 20, 100, 7],
    ]);
    expect(read[2]!.data.length).toBe(0);
    expect(() => png(0, 1, () => [0, 0, 0])).toThrow(/whole width and height/);
  });

  test("the thumbnail has the size of Hugging Face's social thumbnails, 1200×648", () => {
    const ihdr = chunks(thumbnailPng())[0]!.data;
    expect({ width: ihdr.readUInt32BE(0), height: ihdr.readUInt32BE(4) }).toEqual(THUMBNAIL_SIZE);
    expect(THUMBNAIL_SIZE).toEqual({ width: 1200, height: 648 });
  });
});

test("Chromium's flags: the two image hosts to the stand-in, every other host but 127.0.0.1 unresolvable, one key trusted", () => {
  const flags = chromeFlags({
    port: 40123,
    spki: 'AAAA+/8=',
    hosts: ['cdn-thumbnails.huggingface.co', 'cdn-uploads.huggingface.co'],
  });
  expect(flags).toEqual([
    '--headless=new',
    ...CHROMIUM_ARGS,
    // The first rule that matches applies: the hosts' maps come before the catch-all.
    '--host-resolver-rules=MAP cdn-thumbnails.huggingface.co 127.0.0.1:40123 , MAP cdn-uploads.huggingface.co 127.0.0.1:40123 , MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    '--ignore-certificate-errors-spki-list=AAAA+/8=',
  ]);
  expect(flags).not.toContain('--ignore-certificate-errors');
});

/** A report of best practices alone, with a console full of thumbnails that failed, or not. */
function practices(consoleErrors: number): Lhr {
  return {
    lighthouseVersion: '13.5.0',
    categories: {
      'best-practices': {
        score: consoleErrors ? 0.96 : 1,
        auditRefs: [{ id: 'errors-in-console' }, { id: 'is-on-https' }, { id: 'inspector-issues' }],
      },
    },
    audits: {
      'errors-in-console': {
        id: 'errors-in-console',
        title: 'Browser errors were logged to the console',
        score: consoleErrors ? 0 : 1,
        scoreDisplayMode: 'binary',
        details: { items: Array.from({ length: consoleErrors }, (_, i) => ({ url: `https://cdn/${i}.png` })) },
      },
      'is-on-https': { id: 'is-on-https', title: 'Uses HTTPS', score: 1, scoreDisplayMode: 'binary' },
      'inspector-issues': { id: 'inspector-issues', title: 'Issues', score: null, scoreDisplayMode: 'notApplicable' },
    },
    configSettings: {
      formFactor: 'desktop',
      throttlingMethod: 'simulate',
      screenEmulation: { width: 1350, height: 940, deviceScaleFactor: 1 },
      throttling: { rttMs: 40, throughputKbps: 10240, cpuSlowdownMultiplier: 1 },
    },
    environment: { benchmarkIndex: 1500 },
  };
}

test('failing best-practices audits are read and summarized apart from the accessibility ones', () => {
  expect(failingAudits(practices(20), 'best-practices')).toEqual([
    {
      id: 'errors-in-console',
      title: 'Browser errors were logged to the console',
      selectors: [],
      distinct: 0,
      elements: 0,
    },
  ]);
  const s = summarizeRuns([readRun(practices(20)), readRun(practices(0)), readRun(practices(18))]);
  expect(s.scores['best-practices']).toBe(96);
  expect(s.failing).toEqual([]);
  expect(s.failingPractices).toMatchObject([{ id: 'errors-in-console', inRuns: 2 }]);
});

test('the results file says where the thumbnails come from, and which best-practices audits fail', () => {
  const summary = summarizeRuns([readRun(practices(20))]);
  const lighthouse: LighthouseReport = {
    version: '13.5.0',
    chrome: '/usr/bin/chromium',
    flags: ['--headless=new', '--ignore-certificate-errors-spki-list=AAAA'],
    thumbnails: {
      hosts: ['cdn-thumbnails.huggingface.co', 'cdn-uploads.huggingface.co'],
      image: { width: 1200, height: 648, bytes: 3347 },
      served: { images: 1234, notFound: 0 },
    },
    formFactors: { mobile: 'mobile: …', desktop: 'desktop: …' },
    benchmarkIndex: [1500],
    runs: 1,
    seconds: 65,
    pages: [
      { page: { type: 'day', path: 'days/2026-08-07/' }, url: '', byFormFactor: { mobile: summary, desktop: summary } },
    ],
  };
  const report: SearchReport = {
    at: '2026-12-06T23:00:00.000Z',
    commit: 'abc1234',
    command: 'search-bench',
    browser: '/usr/bin/chromium',
    machine: { cpu: 'cpu', cores: 2, memoryBytes: 2 ** 30, os: 'Linux', node: 'v24' },
    load: { start: [1, 1, 1], end: [1, 1, 1] },
    seconds: { all: 70, cold: 2, relevance: 3, lighthouse: 65 },
    dist: 'dist',
    archive: { path: 'content', days: 1, papers: 1 },
    runs: 1,
    cold: { rows: [], p50: { bytes: 1, deployed: 1, ms: 1 }, p90: { bytes: 1, deployed: 1, ms: 1 } },
    titles: { mrr: 1, count: 0, misses: [] },
    authors: { p5: 1, rows: [] },
    topics: { rows: [], summary: { meanShare: 1, medianOfMedians: 5 } },
    lighthouse,
  };
  const md = searchMarkdown(report, 'Search');
  expect(md).toContain('`--headless=new --ignore-certificate-errors-spki-list=AAAA`');
  expect(md).toContain(
    "but for Hugging Face's image hosts (`cdn-thumbnails.huggingface.co`, `cdn-uploads.huggingface.co`), which lead to a local stand-in over HTTPS",
  );
  expect(md).toContain('one generated PNG of 1200×648');
  expect(md).toContain('(1,234 served, 0 other requests answered 404)');
  expect(md).toContain('| failing accessibility audits | failing best-practices audits |');
  expect(md).toContain('| 96 (96) | 96 (96) | none | `errors-in-console` |');
});
