// A day page stays light: its HTML and CSS at most 40 KB gzipped (thumbnails load lazily and are
// not counted), even on the heaviest day Hugging Face has listed (82 papers). The fixture site's
// days hold four papers or fewer, so this test builds a copy of it with one day of 82 real papers:
// the first 82 distinct papers of three real days of the API (tests/fixtures/hf, 2026, with AI
// summaries and keywords) as one, as the largest real listings are, one of them with 600 authors.
// The abstracts' budget (site/lib/abstracts.ts) and the cards' cap on listed authors keep it in
// bound.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, expect, test } from 'vitest';
import { renderDayFile } from '../../../scraper/archive/day-file.ts';
import { papersFromItems } from '../../../scraper/archive/from-api.ts';
import type { Day } from '../../../scraper/archive/schema.ts';
import { ERA_DAYS, fixtureItems } from '../../../scripts/fixtures/hf-days.ts';
import { AUTHORS_LISTED } from '../../../site/lib/format.ts';
import { buildDir, SITE_FIXTURE } from './fixture.ts';
import { astroBuild, fixtureDay } from './site-helpers.ts';

const LIMIT = 40_000;
const DATE = '2026-06-30';
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function heavyDay(): Day {
  const items = [ERA_DAYS.cap2026, ERA_DAYS.late2026, '2026-07-10'].flatMap(fixtureItems);
  const seen = new Set<string>();
  const distinct = items.filter((i) => !seen.has(i.paper.id) && seen.add(i.paper.id)).slice(0, 82);
  const { papers } = papersFromItems(distinct);
  expect(papers).toHaveLength(82);
  // And a paper of hundreds of authors, as real days have (the full corpus: 573 on one paper),
  // named with the fixture's real names.
  const names = [...new Set(items.flatMap((i) => (i.paper.authors as { name: string }[]).map((a) => a.name)))];
  expect(names.length).toBeGreaterThan(MANY_AUTHORS);
  papers[1] = { ...papers[1]!, authors: names.slice(0, MANY_AUTHORS) };
  return { ...fixtureDay(DATE), papers };
}

const MANY_AUTHORS = 600;

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
  // The card of hundreds of authors links the first AUTHORS_LISTED and leads to the paper's page for the rest.
  const many = html.toString().split('class="card"')[2]!;
  expect(many.split('?author=').length - 1).toBe(AUTHORS_LISTED);
  expect(many).toContain(`${MANY_AUTHORS - AUTHORS_LISTED} more on the paper’s page`);
  const sizes = [html, ...css].map((b) => gzipSync(b, { level: 9 }).length);
  const total = sizes.reduce((a, b) => a + b, 0);
  expect(total, `HTML ${sizes[0]} B + CSS ${sizes.slice(1).join(' + ')} B gzipped`).toBeLessThanOrEqual(LIMIT);
}, 120_000);
