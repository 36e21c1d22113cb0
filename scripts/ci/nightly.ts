// Runs the nightly (`npm run nightly -- --commit --push`, see `papers nightly`) for the
// workflow and decides what its exit status means there. Exit 1 means "some day failed, the
// rest was committed, built and pushed": the site must still be deployed, so this step passes
// and hands the status on as the output `exit-code`, and the workflow's last job fails the run
// afterwards (scripts/ci/nightly-verdict.sh) so that the maintainer is told. Any other failure
// (a usage error, a crash, no site built) fails this step, and nothing is deployed.
// The run's inputs come in the environment, never spliced into a shell line:
//   NIGHTLY_DATE    the last day to scrape (empty: the latest UTC day)
//   NIGHTLY_DAYS    how many days ending with it (empty: the nightly's default)
//   NIGHTLY_SOURCE  page or api (empty: the nightly's default)
//   NIGHTLY_FALLBACK  false: --no-fallback (empty or true: a page that cannot be read falls back to the API)
// (the workflow's first step, scripts/ci/nightly-settings.sh, has read them from its inputs and
// the repository's variables and checked them)
//   node scripts/ci/nightly.ts
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../scraper/repo.ts';
import { appendToGitHubFile } from './github-env.ts';

export const NIGHTLY_COMMAND = ['npm', 'run', 'nightly', '--', '--commit', '--push'] as const;

/** The options of this run, from the workflow's inputs; empty ones are left to the nightly. */
export function nightlyOptions(env: NodeJS.ProcessEnv): string[] {
  const args: string[] = [];
  const option = (flag: string, variable: string): void => {
    const value = (env[variable] ?? '').trim();
    if (value !== '') args.push(flag, value);
  };
  option('--date', 'NIGHTLY_DATE');
  option('--days', 'NIGHTLY_DAYS');
  option('--source', 'NIGHTLY_SOURCE');
  if ((env['NIGHTLY_FALLBACK'] ?? '').trim() === 'false') args.push('--no-fallback');
  return args;
}

export type Outcome = {
  /** The nightly's own exit status (a signal counts as 128 + its number, as shells say). */
  exitCode: number;
  /** Whether dist/ holds a site to deploy. */
  built: boolean;
  /** This step's exit status: 0 when there is a site to deploy and only days failed. */
  stepExitCode: number;
  message: string;
};

/** What the nightly's exit status means for the workflow. */
export function judge(exitCode: number, built: boolean): Outcome {
  if (exitCode === 0 && built) return { exitCode, built, stepExitCode: 0, message: 'every day done; deploying' };
  if (exitCode === 1 && built) {
    return {
      exitCode,
      built,
      stepExitCode: 0,
      message: 'some days failed (see the summary); deploying what was archived, then failing the run',
    };
  }
  if (!built) {
    return {
      exitCode,
      built,
      stepExitCode: exitCode || 1,
      message: `exit ${exitCode} and no site in dist/: nothing to deploy`,
    };
  }
  return {
    exitCode,
    built,
    stepExitCode: exitCode,
    message: `exit ${exitCode}: the nightly did not finish; nothing deployed`,
  };
}

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** Runs a command with this process's output streams; resolves with its exit status. */
export function runCommand(command: readonly string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const [file, ...args] = command as [string, ...string[]];
    const child = spawn(file, args, { cwd, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? 128 + (SIGNALS[signal ?? ''] ?? 0)));
  });
}

export async function runNightly({
  env = process.env,
  cwd = REPO_ROOT,
  command = NIGHTLY_COMMAND,
  run = runCommand,
  log = (line: string) => console.log(line),
}: {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  command?: readonly string[];
  run?: (command: readonly string[], cwd: string) => Promise<number>;
  log?: (line: string) => void;
} = {}): Promise<Outcome> {
  const full = [...command, ...nightlyOptions(env)];
  log(`nightly: ${full.join(' ')}`);
  const exitCode = await run(full, cwd);
  const outcome = judge(exitCode, existsSync(path.join(cwd, 'dist', 'index.html')));
  appendToGitHubFile('GITHUB_OUTPUT', { 'exit-code': String(exitCode), built: String(outcome.built) }, env);
  log(`nightly: ${outcome.message}`);
  return outcome;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runNightly().then(
    (outcome) => {
      process.exitCode = outcome.stepExitCode;
    },
    (error: Error) => {
      process.stderr.write(`nightly: ${error.message}\n`);
      process.exit(1);
    },
  );
}
