// Runs the real `papers` command in a child process, as a user or CI would.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../scraper/repo.ts';

export const PAPERS_BIN = path.join(REPO_ROOT, 'bin/papers.js');

export type CliResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

export function runPapers(
  args: string[],
  { env = {}, cwd = REPO_ROOT }: { env?: Record<string, string>; cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const base: NodeJS.ProcessEnv = { ...process.env, CI: '1' };
    delete base['PAPERS_CONTENT'];
    const child = spawn(process.execPath, [PAPERS_BIN, ...args], {
      cwd,
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
