// Runs a script of scripts/ci/ as the workflows do, as a child process: `node <file>.ts` or
// `bash <file>.sh`, with the environment given on top of this one, less the files of a GitHub
// Actions step (when the suite itself runs in CI, a script must not write to the real ones).
// And, for the scripts built on scripts/ci/script.ts, in this process (runInProcess): the same
// parsing, run and exit code, without the cost of a Node process each; one process run of such
// a script proves the wiring the others skip.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { OptionsSchema } from '../../../../scraper/cli/options.ts';
import { REPO_ROOT } from '../../../../scraper/repo.ts';
import { runScript as runScriptOf, type Script } from '../../../../scripts/ci/script.ts';
import { captureStream } from '../../../helpers/cli.ts';

export type Ran = { code: number | null; stdout: string; stderr: string };

export function runScript(
  file: string,
  args: string[] = [],
  { env = {}, cwd = REPO_ROOT }: { env?: Record<string, string | undefined>; cwd?: string } = {},
): Promise<Ran> {
  const script = path.join(REPO_ROOT, 'scripts/ci', file);
  const [command, first] = file.endsWith('.sh') ? ['bash', script] : [process.execPath, script];
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  for (const file of ['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_PATH']) delete inherited[file];
  return new Promise((resolve, reject) => {
    const child = spawn(command, [first, ...args], {
      cwd,
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A scripts/ci script in this process, as mainOf would run it from a workflow step: the
 * environment is only what is given, plus CI=1; the working folder is the repository.
 */
export async function runInProcess<S extends OptionsSchema>(
  script: Script<S>,
  args: string[] = [],
  { env = {}, cwd = REPO_ROOT }: { env?: Record<string, string>; cwd?: string } = {},
): Promise<Ran> {
  const stdout = captureStream();
  const stderr = captureStream();
  const code = await runScriptOf(script, args, { stdout, stderr, env: { CI: '1', ...env }, cwd });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
