// `npm test`: the checks of `npm run check` (scripts/check.ts) and every test tier, overlapped
// rather than one after the other: much of the e2e tier waits (on Chromium, on builds, on
// servers), and the checks fill those waits. Everything runs, and everything is reported; the
// exit status is 1 when any check or any test failed.
//
//   astro sync ──► tsc, astro check ──► vitest --project e2e
//   biome, the workflow check
//   vitest --project unit --project integration
//
// Why the e2e tier waits for the type checkers: it runs `astro build`s, and a build rewrites
// .astro/*.d.ts (in place, not atomically) — the very files tsc and astro check read — while
// `astro sync` writes what a build would read. Nothing in the unit and integration tiers touches
// .astro/, so they start at once. The first vitest run prints as it goes; the e2e run's output
// is held until then, and follows. The checks are reported at the end, a line each (and the
// whole output of any that failed), as `npm run check` reports them.
//
// Each vitest run writes its own JSON report; with $VITEST_JSON_REPORT set (.ci/run), they are
// merged into that one file, as a single `vitest run` would have written it. Words after
// `npm test --` go to both vitest runs (a filter may leave one with no test file, which passes).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../scraper/repo.ts';
import { ASTRO_CHECK, BIOME, formatStep, runStep, type StepResult, SYNC, TSC, WORKFLOWS } from './check.ts';

const VITEST = path.join(REPO_ROOT, 'node_modules/vitest/vitest.mjs');

type VitestRun = { name: string; code: number | null; seconds: number; report: string | null };

/**
 * `vitest run` of some projects. `live`: its output goes straight to this terminal; otherwise it
 * is held until `goLive` resolves, then written out and followed.
 */
function vitest(
  name: string,
  args: string[],
  { report, goLive }: { report: string | null; goLive: Promise<unknown> | null },
): Promise<VitestRun> {
  const started = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['VITEST_JSON_REPORT'];
  if (report) env['VITEST_JSON_REPORT'] = report;
  // Held output is piped: keep its colours when they will end up on a terminal.
  if (goLive && process.stdout.isTTY && env['NO_COLOR'] === undefined) env['FORCE_COLOR'] = '1';
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITEST, 'run', ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: goLive ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    if (goLive && child.stdout && child.stderr) {
      const held: [NodeJS.WriteStream, Buffer][] = [];
      let live = false;
      const out = (to: NodeJS.WriteStream) => (chunk: Buffer) => (live ? to.write(chunk) : held.push([to, chunk]));
      child.stdout.on('data', out(process.stdout));
      child.stderr.on('data', out(process.stderr));
      void goLive.finally(() => {
        live = true;
        for (const [to, chunk] of held.splice(0)) to.write(chunk);
      });
    }
    child.on('error', reject);
    child.on('close', (code) => {
      // A run ended before its turn to print: its output waits for that turn.
      const ended = { name, code, seconds: (performance.now() - started) / 1000, report };
      void (goLive ?? Promise.resolve()).finally(() => resolve(ended));
    });
  });
}

type JsonReport = Record<string, unknown> & { testResults?: unknown[]; success?: boolean; startTime?: number };

/** Two vitest JSON reports as one: counts summed, results joined, successful only if both were. */
export function mergeReports(reports: JsonReport[]): JsonReport {
  const merged: JsonReport = {};
  for (const report of reports) {
    for (const [key, value] of Object.entries(report)) {
      const had = merged[key];
      if (key === 'startTime') merged[key] = Math.min((had as number | undefined) ?? Infinity, value as number);
      else if (key === 'success') merged[key] = ((had as boolean | undefined) ?? true) && value === true;
      else if (key === 'snapshot') merged[key] = mergeReports([(had ?? {}) as JsonReport, value as JsonReport]);
      else if (typeof value === 'number') merged[key] = ((had as number | undefined) ?? 0) + value;
      else if (typeof value === 'boolean') merged[key] = (had as boolean | undefined) === true || value;
      else if (Array.isArray(value)) merged[key] = [...((had as unknown[] | undefined) ?? []), ...value];
      else if (had === undefined && value !== undefined) merged[key] = value;
    }
  }
  return merged;
}

/** A vitest run as a check line: `ok  vitest … (12.3 s)`, or FAILED. */
function formatRun(run: VitestRun): string {
  return `${run.code === 0 ? 'ok' : 'FAILED'}  ${run.name} (${run.seconds.toFixed(1)} s)\n`;
}

async function main(extra: string[]): Promise<number> {
  const finalReport = process.env['VITEST_JSON_REPORT'];
  const reportDir = finalReport ? mkdtempSync(path.join(os.tmpdir(), 'npm-test-')) : null;
  const reportOf = (name: string) => (reportDir ? path.join(reportDir, `${name}.json`) : null);
  const args = extra.length > 0 ? [...extra, '--passWithNoTests'] : [];
  try {
    const first = vitest('vitest unit, integration', ['--project', 'unit', '--project', 'integration', ...args], {
      report: reportOf('unit-integration'),
      goLive: null,
    });
    const others = Promise.all([BIOME, WORKFLOWS].map(runStep));
    const sync = await runStep(SYNC);
    // Without the types, the type checkers could only fail: they are reported as not run.
    const typeChecks: Promise<StepResult[]> =
      sync.code === 0
        ? Promise.all([ASTRO_CHECK, TSC].map(runStep))
        : Promise.resolve(
            [ASTRO_CHECK, TSC].map((step) => ({ step, code: null, output: 'not run: astro sync failed', seconds: 0 })),
          );
    await typeChecks;
    const e2e = vitest('vitest e2e', ['--project', 'e2e', ...args], { report: reportOf('e2e'), goLive: first });
    const runs = [await first, await e2e];
    const checks = [sync, ...(await others), ...(await typeChecks)];

    if (finalReport) {
      const reports = runs.flatMap((r) => {
        try {
          return [JSON.parse(readFileSync(r.report!, 'utf8')) as JsonReport];
        } catch {
          return []; // a run that wrote none (it crashed): counted as failed below
        }
      });
      if (reports.length > 0)
        writeFileSync(path.resolve(REPO_ROOT, finalReport), JSON.stringify(mergeReports(reports)));
    }

    process.stdout.write(`\n${checks.map(formatStep).join('')}${runs.map(formatRun).join('')}`);
    const ok = checks.every((c) => c.code === 0) && runs.every((r) => r.code === 0);
    process.stdout.write(ok ? 'npm test: every check and every test passed\n' : 'npm test: FAILED (see above)\n');
    return ok ? 0 : 1;
  } finally {
    if (reportDir) rmSync(reportDir, { recursive: true, force: true });
  }
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
