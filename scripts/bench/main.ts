// `npm run bench`: speed measurements, as medians of several runs (the machines are noisy).
// Targets live here, never in timed tests.
//
//   npm run bench [-- import|scrape|site|tests …] [--runs 3] [--corpus DIR] [--scales 1,2,3]
//
// --corpus names the corpus (a folder of API answers, or an archive folder) for `import` and
// `site`; without it `site` benches the bundled archive (content/) and says so, `import` the
// fixture days. `site` writes bench/RESULTS.md (the search's figures too, with Lighthouse's
// audits: scripts/bench/search-bench.ts), `tests` bench/TESTS.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT as ROOT } from '../../scraper/repo.ts';
import { FIXTURE_DAYS_DIR, fixtureDates } from '../fixtures/hf-days.ts';
import { benchImport } from './import-bench.ts';
import { resultsMarkdown } from './results-md.ts';
import { benchScrape } from './scrape-bench.ts';
import { keptSections } from './search-md.ts';
import { benchSite } from './site-bench.ts';
import { formatTable, type Measure } from './stats.ts';
import { benchTestTiers, testsRows } from './test-tiers.ts';
import { testsMarkdown } from './tests-md.ts';

const SHARED_CORPUS = path.resolve(ROOT, '../shared/corpus/daily_papers');

const { values, positionals } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    corpus: { type: 'string' },
    scales: { type: 'string', default: '1,2,3' },
  },
  allowPositionals: true,
});
const runs = Number(values.runs);
const suites = positionals.length > 0 ? positionals : ['import', 'scrape', 'site', 'tests'];
const results: Record<string, unknown> = { at: new Date().toISOString(), runs };

function print(title: string, rows: Measure[]): void {
  process.stdout.write(`\n${title}\n${formatTable(rows)}\n`);
}

if (suites.includes('import')) {
  // The full corpus where this machine has it; else the fixture days a clone carries.
  const input = values.corpus ?? (existsSync(SHARED_CORPUS) ? SHARED_CORPUS : FIXTURE_DAYS_DIR);
  const rows = await benchImport(input, runs);
  print(`import (${path.relative(ROOT, input) || input})`, rows);
  results['import'] = rows;
}

if (suites.includes('scrape')) {
  const dates = fixtureDates().slice(-100);
  const { rows, ratio } = await benchScrape(dates, runs);
  print(`scrape: the same ${dates.length} days (${dates[0]}..${dates.at(-1)}) on the replay server`, rows);
  process.stdout.write(`plain/page ratio at concurrency 4: ${ratio.toFixed(2)}x (target: within 2x)\n`);
  results['scrape'] = { rows, plainOverPageAtC4: ratio };
}

if (suites.includes('site')) {
  // Full, nightly and 2×/3× builds of the corpus given (else the bundled archive), under
  // .cache/bench/site/; the report is bench/RESULTS.md (scripts/bench/site-bench.ts).
  if (values.corpus === undefined) {
    process.stdout.write('\nsite: no --corpus given: benching the bundled archive (content/)\n');
  }
  const scales = values.scales.split(',').map(Number);
  const report = await benchSite({ corpus: values.corpus, runs, scales });
  const command = `npm run bench -- site${values.corpus ? ` --corpus ${values.corpus}` : ''}`;
  mkdirSync(path.join(ROOT, 'bench'), { recursive: true });
  const file = path.join(ROOT, 'bench/RESULTS.md');
  // Sections a standalone search benchmark wrote (figures before a change) outlive the rewrite.
  const kept = existsSync(file) ? keptSections(readFileSync(file, 'utf8')) : [];
  writeFileSync(file, resultsMarkdown(report, command, kept));
  process.stdout.write(`\nsite: written to bench/RESULTS.md\n`);
  results['site'] = report;
}

if (suites.includes('tests')) {
  // The test suite against `npm run build` in the same run (scripts/bench/test-tiers.ts).
  const report = await benchTestTiers(runs);
  print('tests: each tier and the whole npm test, against npm run build', testsRows(report));
  mkdirSync(path.join(ROOT, 'bench'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench/TESTS.md'), testsMarkdown(report, `npm run bench -- tests --runs ${runs}`));
  process.stdout.write(`\ntests: written to bench/TESTS.md\n`);
  results['tests'] = report;
}

mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
writeFileSync(path.join(ROOT, '.bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`\nwritten to .bench/results.json\n`);
