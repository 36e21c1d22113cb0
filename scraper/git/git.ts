// The one place that runs git, for the commands that commit and push the archive (`papers
// nightly --commit --push`, the backfill's merge). Each function is one git call or two, its
// failures told as one line naming what was tried; what to commit and what to say about it is
// decided elsewhere (publish.ts, commit-message.ts). Git runs in the environment it is handed
// (the command's io.env), never in this process's own: what it reads from there (its
// configuration, the author) is then the caller's to give, and a test's to isolate.
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.ts';

export type GitResult = { code: number; stdout: string; stderr: string };

/** The environment git runs in (PATH finds it; GIT_* and HOME configure it). */
export type GitEnv = NodeJS.ProcessEnv;

/** The commit identity when the repository has none configured (CI). */
export const BOT_IDENTITY = {
  name: 'daily-papers-archive[bot]',
  email: 'daily-papers-archive[bot]@users.noreply.github.com',
} as const;

export class GitError extends InputError {
  override name = 'GitError';
}

/** The last line of git's complaint, which is where it says what went wrong. */
export function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('hint:'));
  return lines.at(-1) ?? '';
}

export function runGit(
  cwd: string,
  args: readonly string[],
  { env, input }: { env: GitEnv; input?: string | undefined },
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd,
      // No prompt for a password or an editor: nobody is there to answer in CI.
      env: { ...env, GIT_TERMINAL_PROMPT: '0', GIT_EDITOR: 'true' },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'ENOENT' ? new GitError('git is not installed (no `git` on PATH)') : e),
    );
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Runs git and returns its output; a non-zero exit is a GitError naming the command. */
export async function git(
  cwd: string,
  args: readonly string[],
  options: { env: GitEnv; input?: string | undefined },
): Promise<string> {
  const r = await runGit(cwd, args, options);
  if (r.code !== 0) throw new GitError(`git ${args[0]} failed: ${lastLine(r.stderr) || `exit ${r.code}`}`);
  return r.stdout;
}

/** The top of the work tree holding `dir` (or its nearest existing parent), or null outside one. */
export async function workTreeOf(dir: string, env: GitEnv): Promise<string | null> {
  let at = path.resolve(dir);
  while (!(await fs.stat(at).catch(() => null))?.isDirectory()) {
    const up = path.dirname(at);
    if (up === at) return null;
    at = up;
  }
  const r = await runGit(at, ['rev-parse', '--show-toplevel'], { env });
  return r.code === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : null;
}

/** The branch checked out, or null when HEAD is detached. */
export async function currentBranch(top: string, env: GitEnv): Promise<string | null> {
  const r = await runGit(top, ['symbolic-ref', '--short', '-q', 'HEAD'], { env });
  return r.code === 0 ? r.stdout.trim() : null;
}

export async function hasRemote(top: string, remote: string, env: GitEnv): Promise<boolean> {
  return (await runGit(top, ['remote', 'get-url', remote], { env })).code === 0;
}

/**
 * `-c user.name=… -c user.email=…` for the bot when the repository has no identity of its own
 * (a CI checkout); nothing when a person's (or the workflow's) identity is configured. Who the
 * author will be, for the summary: GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL win, as they do in git.
 */
export async function identityArgs(top: string, env: GitEnv): Promise<{ args: string[]; who: string }> {
  const get = async (key: string) => (await runGit(top, ['config', '--get', key], { env })).stdout.trim();
  const [name, email] = [await get('user.name'), await get('user.email')];
  const configured = name !== '' && email !== '';
  const bot = ['-c', `user.name=${BOT_IDENTITY.name}`, '-c', `user.email=${BOT_IDENTITY.email}`];
  const author = configured ? { name, email } : BOT_IDENTITY;
  const envName = env['GIT_AUTHOR_NAME'] || author.name;
  const envEmail = env['GIT_AUTHOR_EMAIL'] || author.email;
  return { args: configured ? [] : bot, who: `${envName} <${envEmail}>` };
}

/** A file's text at `rev` (`HEAD`, or `` for the index), or null when it is not there. */
export async function showFile(cwd: string, rev: string, relPath: string, env: GitEnv): Promise<string | null> {
  const r = await runGit(cwd, ['show', `${rev}:./${relPath}`], { env });
  return r.code === 0 ? r.stdout : null;
}
