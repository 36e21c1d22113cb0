// Real git for the tests that commit and push the archive: a bare "remote" and clones of it in a
// temporary folder, and an environment that keeps the machine's own git configuration (its user,
// its hooks) out of them, so that a clone has no identity unless a test gives it one, as in CI.
// The environment is whole for git (PATH included): a command run in process (runMain) hands
// git only what it was given, never this process's own.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../../../scraper/repo.ts';
import { tempDir } from '../../../helpers/temp.ts';

/** Git on the PATH, with no global or system configuration: what a fresh CI checkout has. */
export function isolatedGitEnv(): Record<string, string> {
  const empty = path.join(tempDir('gitconfig-'), 'config');
  writeFileSync(empty, '');
  return { PATH: process.env['PATH'] ?? '', GIT_CONFIG_GLOBAL: empty, GIT_CONFIG_NOSYSTEM: '1' };
}

const TESTER = ['-c', 'user.name=Test Person', '-c', 'user.email=test@example.org'];

/** Runs git for the test itself (commits as Test Person); throws with git's words on failure. */
export function gitIn(cwd: string, env: Record<string, string>, ...args: string[]): string {
  const r = spawnSync('git', [...TESTER, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} in ${cwd}: ${r.stderr}`);
  return r.stdout;
}

export type GitSetup = {
  env: Record<string, string>;
  /** The bare repository the clones push to. */
  remote: string;
  /** A clone on branch main, with one commit (a README), pushed. */
  work: string;
  /** work/content, not there yet. */
  content: string;
  git: (cwd: string, ...args: string[]) => string;
  /** The remote's log of main, newest first: `%an|%s` per commit. */
  remoteLog: () => string[];
  /** Another clone that pushes a commit of `file` (relative to its top) to main. */
  pushFromElsewhere: (file: string, text: string, message: string) => void;
};

export function gitSetup(): GitSetup {
  const root = tempDir('nightly-git-');
  const env = isolatedGitEnv();
  const git = (cwd: string, ...args: string[]) => gitIn(cwd, env, ...args);
  const remote = path.join(root, 'remote.git');
  const work = path.join(root, 'work');
  git(root, 'init', '-q', '--bare', '-b', 'main', remote);
  git(root, 'init', '-q', '-b', 'main', work);
  writeFileSync(path.join(work, 'README.md'), '# my archive\n');
  // The project's own .gitignore, as a fork has it: it ignores the archive's lock and temp files,
  // which older gits refuse to see named in a pathspec.
  copyFileSync(path.join(REPO_ROOT, '.gitignore'), path.join(work, '.gitignore'));
  git(work, 'add', 'README.md', '.gitignore');
  git(work, 'commit', '-q', '-m', 'Start');
  git(work, 'remote', 'add', 'origin', remote);
  git(work, 'push', '-q', '-u', 'origin', 'main');
  let others = 0;
  return {
    env,
    remote,
    work,
    content: path.join(work, 'content'),
    git,
    remoteLog: () => git(remote, 'log', '--format=%an|%s', 'main').trim().split('\n'),
    pushFromElsewhere: (file, text, message) => {
      const other = path.join(root, `other-${++others}`);
      git(root, 'clone', '-q', remote, other);
      mkdirSync(path.dirname(path.join(other, file)), { recursive: true });
      writeFileSync(path.join(other, file), text);
      git(other, 'add', file);
      git(other, 'commit', '-q', '-m', message);
      git(other, 'push', '-q', 'origin', 'main');
    },
  };
}
