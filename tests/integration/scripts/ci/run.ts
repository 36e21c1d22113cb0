// Runs a script of scripts/ci/ as the workflows do, as a child process: `node <file>.ts` or
// `bash <file>.sh`, with the environment given on top of this one, less the files of a GitHub
// Actions step (when the suite itself runs in CI, a script must not write to the real ones).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../../../scraper/repo.ts';

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
