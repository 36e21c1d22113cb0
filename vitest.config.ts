// Three tiers of tests, each a vitest project (README, "Tests"):
//   unit         pure functions and in-process code: no child process, no browser, no build
//   integration  the `papers` command as a process, the replay server, crawls in process
//   e2e          Astro builds of the fixture archive, and everything that drives Chromium
// `npm test` runs the type checks, the linter and all three; `npm run test:unit` (and
// :integration, :e2e) one tier.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const json = process.env['VITEST_JSON_REPORT'];

// Every temporary file of the run, the tests' own and those of every process they start (papers,
// astro, git, Chromium), goes in one folder that is removed when the run ends: a folder a test
// file makes for all its tests outlives the test that made it, and nothing is left behind.
const compileCache = process.env['NODE_COMPILE_CACHE'] ?? path.join(os.tmpdir(), 'node-compile-cache');
const runTemp = mkdtempSync(path.join(os.tmpdir(), 'papers-test-run-'));
process.once('exit', () => rmSync(runTemp, { recursive: true, force: true }));

export default defineConfig({
  test: {
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
    // Vitest leaves a core to the main process by default: one worker on a 2-core machine. Most
    // integration and e2e time is spent waiting on processes, servers and Chromium, so two
    // workers overlap those waits (measured: npm run bench tests).
    maxWorkers: 2,
    // Every worker, and every `papers`, astro and node process a test starts, reuses V8's compiled
    // code from earlier runs, in the directory astro already uses by itself (Node's default): a
    // vitest worker imports Playwright, Astro, zod and the archive afresh each run.
    env: { NODE_COMPILE_CACHE: compileCache, TMPDIR: runTemp },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Pure code with no global state to leak: importing zod, cheerio and the archive once
          // per worker instead of once per file.
          isolate: false,
          testTimeout: 10_000,
        },
      },
      {
        test: {
          name: 'integration',
          // Each file starts its own servers and processes in its hooks; what it imports (the
          // replay server, the archive) holds no state between files.
          isolate: false,
          include: ['tests/integration/**/*.test.ts'],
          // A timeout catches a hang, not slowness: a run of git, a scrape and a merge takes 5 s
          // on a quiet machine and over 30 s on one busy with other builds.
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // Each file starts its servers and browser in its hooks, and puts back any environment
          // it sets; importing Playwright, Astro and the archive once per worker rather than once
          // per file takes 11% less CPU (measured twice each way: 98 s against 110 s).
          isolate: false,
          // Names the browser the tests drive, then builds the fixture site once per run for
          // every site test (inject('fixtureSite')).
          globalSetup: ['tests/e2e/setup/browser.ts', 'tests/e2e/setup/fixture-site.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
