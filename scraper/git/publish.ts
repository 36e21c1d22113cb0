// Committing the archive folder and pushing it, for runs nobody watches (the nightly job, the
// backfill's merge). Only the content folder is committed, never other work in the tree, and
// never an empty commit; a push the remote refused because it moved on is rebased onto it and
// tried again, a few times; a conflict stops it, undone, and nothing is ever force-pushed.
// The repository is opened with the command's environment (io.env), and every git call made on
// it runs in that one.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isTempFile } from '../archive/atomic-write.ts';
import { type Day, type Ledger, parseDayFile, parseLedger } from '../archive/index.ts';
import { LOCK_FILE, withArchiveLock } from '../archive/lock.ts';
import { InputError, UsageError } from '../errors.ts';
import { type ContentChanges, contentChanges, dayFileDate } from './changes.ts';
import {
  currentBranch,
  type GitEnv,
  GitError,
  git,
  hasRemote,
  identityArgs,
  lastLine,
  runGit,
  showFile,
  workTreeOf,
} from './git.ts';

export type ContentRepo = {
  /** The top of the work tree. */
  top: string;
  /** The content folder, as git sees it (symbolic links resolved). */
  contentDir: string;
  /** The branch checked out; null when HEAD is detached. */
  branch: string | null;
  /** The environment every git call on this repository runs in: the command's. */
  env: GitEnv;
};

export type CommitMade = { sha: string; subject: string; message: string; author: string; changes: ContentChanges };

export type Pushed = {
  remote: string;
  branch: string;
  /** Rebases onto the remote branch before the push went through. */
  rebases: number;
  /** False when the remote already had every commit: nothing to push. */
  pushed: boolean;
};

/** Tries after the first push when the remote moved on meanwhile. */
export const PUSH_RETRIES = 3;

/** What an archive's files must never bring into a commit: the lock of a live run (and its aside copies), temp files. */
function neverCommitted(relPath: string): boolean {
  const name = path.posix.basename(relPath);
  return name.startsWith(LOCK_FILE) || isTempFile(name);
}

/**
 * Stages every change under the content folder but the lock and temp files. Git lists the paths
 * (what .gitignore ignores left out), they are sifted here and handed back as literal paths:
 * an exclude pathspec naming a file .gitignore ignores fails `git add` on the gits of Ubuntu
 * 22.04 and Debian 12 ("The following paths are ignored"), as the repository's own .gitignore
 * ignores the lock.
 */
async function stageContent(cwd: string, env: GitEnv): Promise<void> {
  const list = ['ls-files', '-z', '--others', '--exclude-standard', '--modified', '--deleted', '--', '.'];
  const listed = (await git(cwd, list, { env })).split('\0');
  const paths = [...new Set(listed.filter((p) => p !== '' && !neverCommitted(p)))];
  if (paths.length === 0) return;
  // From stdin (git 2.26 on): a backfill stages thousands of files, more than a command line holds.
  await git(cwd, ['add', '--all', '--pathspec-from-file=-', '--pathspec-file-nul'], {
    env: { ...env, GIT_LITERAL_PATHSPECS: '1' },
    input: `${paths.join('\0')}\0`,
  });
}

/**
 * The repository the content folder is in, checked before anything is fetched, so that a run
 * that cannot commit or push says so at once (usage errors, exit 2).
 */
export async function openContentRepo(
  contentDir: string,
  { push, remote, env }: { push: boolean; remote: string; env: GitEnv },
): Promise<ContentRepo> {
  const top = await workTreeOf(contentDir, env);
  if (!top) throw new UsageError(`--commit: ${contentDir} is not inside a git work tree`);
  const branch = await currentBranch(top, env);
  if (push && !branch) throw new UsageError(`--push: ${top} has no branch checked out (HEAD is detached)`);
  if (push && !(await hasRemote(top, remote, env))) throw new UsageError(`--remote: ${top} has no remote "${remote}"`);
  await fs.mkdir(contentDir, { recursive: true });
  return { top, contentDir: await fs.realpath(contentDir), branch, env };
}

function parseOrNull<T>(text: string | null, parse: (t: string) => T): T | null {
  if (text === null) return null;
  try {
    return parse(text);
  } catch {
    return null;
  }
}

/** The changes staged under the content folder, against HEAD, read from git's own copies. */
async function stagedChanges(cwd: string, env: GitEnv): Promise<ContentChanges | null> {
  const diff = ['diff', '--cached', '--relative', '--name-status', '--no-renames', '-z', '--', '.'];
  const out = await git(cwd, diff, { env });
  const fields = out.split('\0').filter((f) => f !== '');
  if (fields.length === 0) return null;
  const days: { date: string; before: Day | null; after: Day | null; present: boolean }[] = [];
  const other: string[] = [];
  let ledger: { before: Ledger | null; after: Ledger | null } = { before: null, after: null };
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [status, file] = [fields[i]!, fields[i + 1]!];
    // Added files have no old copy, deleted ones no new one: a backfill adds hundreds.
    const [before, after] = await Promise.all([
      status === 'A' ? null : showFile(cwd, 'HEAD', file, env),
      status === 'D' ? null : showFile(cwd, '', file, env),
    ]);
    const date = dayFileDate(file);
    if (date) {
      const day = (t: string | null) => parseOrNull(t, (x) => parseDayFile(x, file));
      days.push({ date, before: day(before), after: day(after), present: after !== null });
    } else if (file === 'ledger.json') {
      ledger = {
        before: parseOrNull(before, (x) => parseLedger(x, file)),
        after: parseOrNull(after, (x) => parseLedger(x, file)),
      };
    } else other.push(file);
  }
  const changes = contentChanges(days, ledger, other);
  // A day file git holds as changed is a change, even when its records read the same.
  for (const d of days) {
    if (!changes.days.some((c) => c.date === d.date))
      changes.days.push({
        date: d.date,
        kind: d.present ? 'updated' : 'removed',
        papers: d.after?.papers.length ?? 0,
        papersAdded: [],
      });
  }
  changes.days.sort((a, b) => a.date.localeCompare(b.date));
  return changes;
}

/**
 * Commits the content folder (and nothing else) when it changed, with the message `message`
 * writes for the changes; null when there was nothing to commit.
 */
export async function commitContent(
  repo: ContentRepo,
  message: (changes: ContentChanges) => string,
): Promise<CommitMade | null> {
  const { contentDir: cwd, env } = repo;
  await stageContent(cwd, env);
  const changes = await stagedChanges(cwd, env);
  if (!changes) return null;
  const text = message(changes);
  const { args, who } = await identityArgs(repo.top, env);
  // --only: what else the index holds (someone's work in progress) stays staged, uncommitted.
  await git(cwd, [...args, 'commit', '--quiet', '--file=-', '--only', '--', '.'], { env, input: text });
  const sha = (await git(cwd, ['rev-parse', 'HEAD'], { env })).trim();
  return { sha, subject: text.split('\n')[0]!, message: text, author: who, changes };
}

/** Whether a push failed because the remote has commits we lack (and only that). */
export function remoteMovedOn(stderr: string): boolean {
  return /! \[rejected\].*\((fetch first|non-fast-forward)\)/.test(stderr);
}

/** Fetches `branch` of `remote` into FETCH_HEAD; false when the remote has no such branch yet. */
async function fetchBranch({ top, env }: ContentRepo, remote: string, branch: string): Promise<boolean> {
  const r = await runGit(top, ['fetch', '--quiet', remote, `refs/heads/${branch}`], { env });
  if (r.code === 0) return true;
  if (/couldn't find remote ref/i.test(r.stderr)) return false;
  throw new GitError(`git fetch from ${remote} failed: ${lastLine(r.stderr) || `exit ${r.code}`}`);
}

/**
 * Pushes the branch to the same branch of `remote` when it holds commits the remote lacks. When
 * the remote moved on meanwhile, the local commits are rebased onto it and the push tried
 * again, up to `retries` times.
 */
export async function pushWithRebase(
  repo: ContentRepo,
  remote: string,
  { retries = PUSH_RETRIES, log }: { retries?: number; log?: (line: string) => void } = {},
): Promise<Pushed> {
  const { top, branch, env } = repo;
  if (!branch) throw new GitError(`cannot push ${top}: HEAD is detached`);
  const where = `${remote}/${branch}`;
  if (await fetchBranch(repo, remote, branch)) {
    const ahead = Number((await git(top, ['rev-list', '--count', 'FETCH_HEAD..HEAD'], { env })).trim());
    if (ahead === 0) return { remote, branch, rebases: 0, pushed: false };
  }
  for (let rebases = 0; ; rebases++) {
    const pushed = await runGit(top, ['push', '--quiet', remote, `HEAD:refs/heads/${branch}`], { env });
    if (pushed.code === 0) return { remote, branch, rebases, pushed: true };
    if (!remoteMovedOn(pushed.stderr))
      throw new GitError(`git push to ${where} failed: ${lastLine(pushed.stderr) || `exit ${pushed.code}`}`);
    if (rebases >= retries)
      throw new GitError(`git push to ${where} failed: the remote kept moving on (${retries} rebases)`);
    log?.(`${where} moved on meanwhile: rebasing onto it and pushing again`);
    await fetchBranch(repo, remote, branch);
    const rebased = await runGit(top, ['rebase', '--autostash', 'FETCH_HEAD'], { env });
    if (rebased.code !== 0) {
      const conflicts = (await runGit(top, ['diff', '--name-only', '--diff-filter=U'], { env })).stdout
        .split('\n')
        .filter(Boolean);
      await runGit(top, ['rebase', '--abort'], { env });
      const what = conflicts.length > 0 ? `a conflict in ${conflicts.join(', ')}` : lastLine(rebased.stderr);
      throw new GitError(
        `rebasing onto ${where} stopped on ${what}; the rebase was undone and nothing was pushed (the commit stays here: merge by hand, then push)`,
      );
    }
  }
}

export type Published = { commit: CommitMade | null; push: Pushed | null; error: string | null };

export type PublishOptions = {
  message: (changes: ContentChanges) => string;
  /** Push to this remote after committing; null: commit only. */
  pushTo: string | null;
  log?: (line: string) => void;
};

/** Commits the content folder when it changed, then pushes; a git failure is told, not thrown. */
export async function commitAndPush(repo: ContentRepo, options: PublishOptions): Promise<Published> {
  let commit: CommitMade | null = null;
  try {
    commit = await commitContent(repo, options.message);
    const push = options.pushTo ? await pushWithRebase(repo, options.pushTo, { log: options.log }) : null;
    return { commit, push, error: null };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { commit, push: null, error: e.message };
  }
}

/** commitAndPush holding the archive's lock: no other run writes the folder meanwhile. */
export function publishContent(
  repo: ContentRepo,
  options: PublishOptions & { command: string; waitMs?: number },
): Promise<Published> {
  return withArchiveLock(repo.contentDir, { command: options.command, waitMs: options.waitMs ?? 0 }, () =>
    commitAndPush(repo, options),
  );
}
