// How long the test suite takes, against the yardstick the project holds it to: `npm run build`
// of the bundled archive, measured in the same run (machines here are noisy, so the ratio is
// what compares). Each round times the build, the checks (lint + types), each tier and the whole
// `npm test`, and counts the tests each ran; the medians over --runs rounds are printed and
// returned for `npm run bench`. A step that fails (a test that failed on a loaded machine) is
// still timed, and said: its row notes the failures and the tail of its output goes to stderr,
// rather than the whole bench being lost to one red test.
//
//   node scripts/bench/test-tiers.ts [--runs 3]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../../scraper/repo.ts';
import { formatTable, type Measure, measure, median } from './stats.ts';

type Timed = { seconds: number; tests: number | null; failed: number | null; code: number | null };

/** Runs an npm script; with a vitest JSON report where the script runs vitest. */
function npmRun(script: string, args: string[] = []): Promise<Timed> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tiers-'));
  const report = path.join(dir, 'report.json');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
      cwd: REPO_ROOT,
      env: { ...process.env, VITEST_JSON_REPORT: report, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      let tests: number | null = null;
      let failed: number | null = null;
      try {
        const r = JSON.parse(readFileSync(report, 'utf8')) as { numTotalTests: number; numFailedTests: number };
        tests = r.numTotalTests;
        failed = r.numFailedTests;
      } catch {}
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0) process.stderr.write(`npm run ${script} exited ${code}:\n${stderr.slice(-2000)}\n`);
      resolve({ seconds, tests, failed, code });
    });
  });
}

const STEPS: [name: string, script: string][] = [
  ['npm run build', 'build'],
  ['checks (lint, astro check, tsc)', 'check'],
  ['unit tier', 'test:unit'],
  ['integration tier', 'test:integration'],
  ['e2e tier', 'test:e2e'],
  ['npm test (all of it)', 'test'],
];

export async function benchTestTiers(
  runs: number,
): Promise<{ rows: Measure[]; ratio: number; tests: Record<string, number | null> }> {
  const seconds: Record<string, number[]> = {};
  const ratios: number[] = [];
  const tests: Record<string, number | null> = {};
  const failures: Record<string, string[]> = {};
  for (let round = 0; round < runs; round++) {
    const times: Record<string, number> = {};
    for (const [name, script] of STEPS) {
      const timed = await npmRun(script);
      times[name] = timed.seconds;
      seconds[name] = [...(seconds[name] ?? []), timed.seconds];
      tests[name] = timed.tests;
      if (timed.code !== 0) {
        const what = timed.failed ? `${timed.failed} failed` : `exit ${timed.code}`;
        failures[name] = [...(failures[name] ?? []), `run ${round + 1}: ${what}`];
      }
    }
    ratios.push(times['npm test (all of it)']! / times['npm run build']!);
  }
  const rows = STEPS.map(([name]) => {
    const count = tests[name];
    const notes = [...(count === null || count === undefined ? [] : [`${count} tests`]), ...(failures[name] ?? [])];
    return measure(name, 's', seconds[name]!, notes.length > 0 ? notes.join('; ') : undefined);
  });
  rows.push(measure('npm test / npm run build', 'x', ratios, 'target: at most 8'));
  return { rows, ratio: median(ratios), tests };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  const { rows } = await benchTestTiers(Number(values.runs));
  process.stdout.write(`${formatTable(rows)}\n`);
}
