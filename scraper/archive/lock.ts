// One writer at a time. Two runs writing one content folder at once (two imports, a scrape and
// an import, two nightly jobs) would each read the ledger, add their days and write it back,
// and the last one would drop the other's entries. Every command that writes the archive holds
// this lock for its whole run: a file in the content folder naming its holder (pid, host,
// command, start time). A second run waits for it, or stops with a message naming the holder.
// A lock left by a run that was killed (its process is gone, or its pid now belongs to another
// process) is stale, and the next run takes it over.
import { promises as fs, readFileSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../errors.ts';
import { isAlive, removeStaleTempFilesUnder } from './atomic-write.ts';

export const LOCK_FILE = '.papers.lock';

export type LockHolder = { pid: number; host: string; command: string; since: string; processStart: string | null };

export class ArchiveBusyError extends InputError {
  readonly holder: LockHolder;
  constructor(contentDir: string, holder: LockHolder) {
    super(
      `${contentDir} is being written by \`${holder.command}\` (pid ${holder.pid} on ${holder.host}, since ${holder.since}); ` +
        'run again when it has finished',
    );
    this.name = 'ArchiveBusyError';
    this.holder = holder;
  }
}

export type ArchiveLock = { readonly file: string; release(): Promise<void> };

export type LockOptions = {
  /** What holds it, as a person would type it: "papers scrape". */
  command: string;
  /** How long to wait for another run to finish before giving up (ms); 0 gives up at once. */
  waitMs?: number;
  /** Pause between looks while waiting. */
  pollMs?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
};

/**
 * When this process started, as the kernel counts it (Linux): with the pid, it tells this
 * process from a later one that was given the same pid. null where /proc is not there.
 */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); the command name (field 2) may hold spaces, so count after its ")".
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether the holder is gone: on this host, its pid is dead or belongs to a newer process. */
export function isStale(holder: LockHolder, host = os.hostname()): boolean {
  if (holder.host !== host) return false; // another machine's run (a shared folder): never guess
  if (!isAlive(holder.pid)) return true;
  const start = processStart(holder.pid);
  return holder.processStart !== null && start !== null && start !== holder.processStart;
}

function parseHolder(text: string): LockHolder | null {
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid !== 'number' || typeof h.host !== 'string') return null;
    return {
      pid: h.pid,
      host: h.host,
      command: typeof h.command === 'string' ? h.command : 'papers',
      since: typeof h.since === 'string' ? h.since : 'an unknown time',
      processStart: typeof h.processStart === 'string' ? h.processStart : null,
    };
  } catch {
    return null;
  }
}

/** Takes the archive's lock, waiting up to `waitMs` for a live holder; stale locks are taken over. */
export async function acquireArchiveLock(contentDir: string, options: LockOptions): Promise<ArchiveLock> {
  const { command, waitMs = 0, pollMs = 250, now = () => new Date() } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const file = path.join(contentDir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    command,
    since: now().toISOString(),
    processStart: processStart(process.pid),
  };
  const stat = await fs.stat(contentDir).catch(() => null);
  if (stat && !stat.isDirectory()) throw new InputError(`${contentDir} is a file, not an archive folder`);
  await fs.mkdir(contentDir, { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      // `wx`: created only if absent, atomically; two runs cannot both succeed.
      await fs.writeFile(file, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      const lock = lockHeld(file);
      // The folder is ours now: what a killed run left half-written can go.
      await removeStaleTempFilesUnder(contentDir);
      return lock;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const text = await fs.readFile(file, 'utf8').catch(() => null);
    if (text === null) continue; // released meanwhile: try again
    const holder = parseHolder(text);
    if (holder === null || isStale(holder)) {
      // Moved aside rather than deleted: of two runs taking over the same stale lock, only one
      // rename succeeds, and the other then meets the winner's lock.
      const aside = `${file}.stale-${process.pid}`;
      const moved = await fs.rename(file, aside).then(
        () => true,
        () => false,
      );
      if (!moved) continue;
      // Between our look and our rename, another run may have taken over and written its own
      // lock: if what we moved is not what we judged stale, put it back.
      if ((await fs.readFile(aside, 'utf8').catch(() => text)) !== text) await fs.link(aside, file).catch(() => {});
      await fs.rm(aside, { force: true });
      continue;
    }
    if (Date.now() - started >= waitMs) throw new ArchiveBusyError(contentDir, holder);
    await sleep(pollMs);
  }
}

function lockHeld(file: string): ArchiveLock {
  let held = true;
  // A run that ends by an uncaught error or process.exit still gives the lock back.
  const onExit = () => {
    if (!held) return;
    try {
      unlinkSync(file);
    } catch {}
  };
  process.once('exit', onExit);
  return {
    file,
    async release() {
      if (!held) return;
      held = false;
      process.off('exit', onExit);
      await fs.rm(file, { force: true });
    },
  };
}

/** Runs `task` holding the archive's lock, and gives it back however the task ends. */
export async function withArchiveLock<T>(contentDir: string, options: LockOptions, task: () => Promise<T>): Promise<T> {
  const lock = await acquireArchiveLock(contentDir, options);
  try {
    return await task();
  } finally {
    await lock.release();
  }
}
