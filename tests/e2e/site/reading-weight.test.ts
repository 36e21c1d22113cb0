// A day page stays light: its HTML and CSS at most 40 KB gzipped (thumbnails load lazily and are
// not counted), even on the heaviest day Hugging Face has listed (82 papers), every paper with
// a long abstract, a dozen authors, an AI summary and its keywords. The fixture's days hold four
// papers or fewer, so this test builds a copy of the fixture archive with one day made that
// heavy, from the fixture's own words (shuffled, so gzip finds no more repetition than in real
// abstracts). The abstracts' budget (site/lib/abstracts.ts) is what keeps such a day in bound.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, expect, test } from 'vitest';
import { renderDayFile } from '../../../scraper/archive/day-file.ts';
import type { Day, Paper } from '../../../scraper/archive/schema.ts';
import { buildDir, SITE_FIXTURE } from './fixture.ts';
import { astroBuild, fixtureDay } from './site-helpers.ts';

const LIMIT = 40_000;
const DATE = '2026-06-30';
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A small seeded generator, so the heavy day is the same on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function heavyDay(): Day {
  const base = fixtureDay(DATE);
  const papers = ['2026-06-30', '2026-07-01', '2026-07-27', '2026-07-31'].flatMap((d) => fixtureDay(d).papers);
  const words = papers.flatMap((p) => p.abstract.split(/\s+/));
  const names = papers.flatMap((p) => p.authors);
  const keywords = papers.flatMap((p) => p.aiKeywords);
  const next = random(7);
  const pick = <T>(from: readonly T[]): T => from[Math.floor(next() * from.length)]!;
  const text = (chars: number): string => {
    const out: string[] = [];
    for (let n = 0; n < chars; ) n += (out[out.push(pick(words)) - 1]!.length ?? 0) + 1;
    return out.join(' ');
  };
  const heavy: Paper[] = Array.from({ length: 82 }, (_, i) => {
    const template = papers[i % papers.length]!;
    return {
      ...template,
      rank: i + 1,
      id: `2606.${String(50000 + i)}`,
      title: text(90),
      authors: Array.from({ length: 12 }, () => pick(names)),
      abstract: text(1900),
      aiSummary: text(240),
      aiKeywords: Array.from({ length: 10 }, () => pick(keywords)),
      thumbnail: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2606.${50000 + i}.png`,
    };
  });
  return { ...base, papers: heavy };
}

test('the heaviest day’s page is at most 40 KB of HTML and CSS, gzipped', async () => {
  const dir = buildDir();
  made.push(dir);
  const content = path.join(dir, 'archive');
  cpSync(SITE_FIXTURE, content, { recursive: true });
  writeFileSync(path.join(content, 'days', DATE.slice(0, 4), `${DATE}.md`), renderDayFile(heavyDay()));
  const dist = path.join(dir, 'dist');
  const run = await astroBuild(content, dist);
  expect(run.code, run.output).toBe(0);

  const html = readFileSync(path.join(dist, 'days', DATE, 'index.html'));
  expect(html.toString().split('class="card"').length - 1).toBe(82);
  const css = [...html.toString().matchAll(/<link rel="stylesheet" href="\/([^"]+\.css)"/g)].map((m) =>
    readFileSync(path.join(dist, m[1]!)),
  );
  expect(css.length).toBeGreaterThan(0);
  const sizes = [html, ...css].map((b) => gzipSync(b, { level: 9 }).length);
  const total = sizes.reduce((a, b) => a + b, 0);
  expect(total, `HTML ${sizes[0]} B + CSS ${sizes.slice(1).join(' + ')} B gzipped`).toBeLessThanOrEqual(LIMIT);
}, 120_000);
