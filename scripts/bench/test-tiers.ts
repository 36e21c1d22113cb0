// How long the test suite takes, against the yardstick the project holds it to: `npm run build`
// of the bundled archive, measured in the same run (machines here are noisy, so the ratio is
// what compares). Each round times the build, the checks (lint + types), each tier and the whole
// `npm test`, with the CPU time of its whole process tree (Chromium's and the builds' included:
// on a machine of few cores, CPU says what a step costs where wall time says what it waits),
// and counts the tests each ran; the medians over --runs rounds are returned for `npm run bench`,
// which writes them to bench/TESTS.md (tests-md.ts). A step that fails (a test that failed on a
// loaded machine) is still timed, and said: its row notes the failures and the tail of its output
// goes to stderr, rather than the whole bench being lost to one red test.
//
//   node scripts/bench/test-tiers.ts [--runs 3]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../../scraper/repo.ts';
import { type Machine, machineFacts } from './machine.ts';
import { watchTree } from './proc-tree.ts';
import { formatTable, type Measure, measure } from './stats.ts';

type Timed = {
  seconds: number;
  cpuSeconds: number | null;
  tests: number | null;
  failed: number | null;
  code: number | null;
};

/** One step over every round: wall and CPU seconds, tests run, and the rounds it failed in. */
export type StepRuns = {
  name: string;
  seconds: number[];
  cpuSeconds: number[];
  tests: number | null;
  failures: string[];
};

export type TestsReport = {
  at: string;
  machine: Machine;
  load: { start: number[]; end: number[] };
  steps: StepRuns[];
  /** `npm test` over `npm run build`, per round. */
  ratios: number[];
};

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
    const watch = child.pid === undefined ? null : watchTree(child.pid);
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', (error) => {
      watch?.stop();
      reject(error);
    });
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const cpuSeconds = watch?.stop().cpuSeconds ?? null;
      let tests: number | null = null;
      let failed: number | null = null;
      try {
        const r = JSON.parse(readFileSync(report, 'utf8')) as { numTotalTests: number; numFailedTests: number };
        tests = r.numTotalTests;
        failed = r.numFailedTests;
      } catch {}
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0) process.stderr.write(`npm run ${script} exited ${code}:\n${stderr.slice(-2000)}\n`);
      resolve({ seconds, cpuSeconds, tests, failed, code });
    });
  });
}

/** `npm test` at most this many times `npm run build` (the issue "Engineering"). */
export const TESTS_TARGET_RATIO = 8;

/** In order: the ratio is the last step's time over the first's, round by round. */
const STEPS: [name: string, script: string][] = [
  ['npm run build', 'build'],
  ['checks (lint, astro check, tsc)', 'check'],
  ['unit tier', 'test:unit'],
  ['integration tier', 'test:integration'],
  ['e2e tier', 'test:e2e'],
  ['npm test (all of it)', 'test'],
];

export async function benchTestTiers(runs: number): Promise<TestsReport> {
  const load = { start: os.loadavg(), end: [] as number[] };
  const steps: StepRuns[] = STEPS.map(([name]) => ({ name, seconds: [], cpuSeconds: [], tests: null, failures: [] }));
  const ratios: number[] = [];
  for (let round = 0; round < runs; round++) {
    for (const [i, [, script]] of STEPS.entries()) {
      const timed = await npmRun(script);
      const step = steps[i]!;
      step.seconds.push(timed.seconds);
      if (timed.cpuSeconds !== null) step.cpuSeconds.push(timed.cpuSeconds);
      step.tests = timed.tests;
      if (timed.code !== 0) {
        step.failures.push(`run ${round + 1}: ${timed.failed ? `${timed.failed} failed` : `exit ${timed.code}`}`);
      }
    }
    const [build, whole] = [steps[0]!, steps.at(-1)!];
    ratios.push(whole.seconds.at(-1)! / build.seconds.at(-1)!);
  }
  load.end = os.loadavg();
  return { at: new Date().toISOString(), machine: machineFacts(), load, steps, ratios };
}

/** The report as rows for the terminal: each step's wall time, then the ratio. */
export function testsRows(report: TestsReport): Measure[] {
  const rows = report.steps.map((step) => {
    const notes = [...(step.tests === null ? [] : [`${step.tests} tests`]), ...step.failures];
    return measure(step.name, 's', step.seconds, notes.length > 0 ? notes.join('; ') : undefined);
  });
  rows.push(measure('npm test / npm run build', 'x', report.ratios, `target: at most ${TESTS_TARGET_RATIO}`));
  return rows;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  process.stdout.write(`${formatTable(testsRows(await benchTestTiers(Number(values.runs))))}\n`);
}
