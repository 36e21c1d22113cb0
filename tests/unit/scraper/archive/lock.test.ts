// One writer at a time, in process: the lock names its holder, a live holder keeps it, a
// killed run's lock (dead pid, or a pid reused by a newer process) is taken over.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ArchiveBusyError,
  acquireArchiveLock,
  isStale,
  LOCK_FILE,
  processStart,
  withArchiveLock,
} from '../../../../scraper/archive/lock.ts';
import { tempDir } from '../../../helpers/temp.ts';

const holder = (extra: Record<string, unknown>) =>
  JSON.stringify({
    pid: process.pid,
    host: os.hostname(),
    command: 'papers scrape',
    since: '2026-08-08T01:00:00.000Z',
    processStart: processStart(process.pid),
    ...extra,
  });

describe('the archive lock', () => {
  it('is a file naming its holder while held, gone when released', async () => {
    const dir = tempDir();
    const lock = await acquireArchiveLock(dir, { command: 'papers import' });
    const held = JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'));
    expect(held).toMatchObject({ pid: process.pid, host: os.hostname(), command: 'papers import' });
    await lock.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a second writer at once, naming the first', async () => {
    const dir = tempDir();
    await withArchiveLock(dir, { command: 'papers scrape' }, async () => {
      const second = acquireArchiveLock(dir, { command: 'papers import' });
      await expect(second).rejects.toBeInstanceOf(ArchiveBusyError);
      await expect(second).rejects.toThrow(
        new RegExp(
          `^${dir} is being written by \`papers scrape\` \\(pid ${process.pid} on .*\\); run again when it has finished$`,
        ),
      );
    });
  });

  it('lets a waiting writer in when the first one finishes', async () => {
    const dir = tempDir();
    const first = await acquireArchiveLock(dir, { command: 'papers scrape' });
    let looks = 0;
    const second = await acquireArchiveLock(dir, {
      command: 'papers import',
      waitMs: 60_000,
      sleep: async () => {
        looks++;
        if (looks === 3) await first.release();
      },
    });
    expect(looks).toBe(3);
    await second.release();
  });

  it("takes over a killed run's lock: a dead pid, or a pid now held by a newer process", async () => {
    const dead = tempDir();
    writeFileSync(path.join(dead, LOCK_FILE), holder({ pid: 99_999_999 }));
    await (await acquireArchiveLock(dead, { command: 'papers import' })).release();

    const reused = tempDir();
    writeFileSync(path.join(reused, LOCK_FILE), holder({ processStart: '1' }));
    await (await acquireArchiveLock(reused, { command: 'papers import' })).release();

    const garbage = tempDir();
    writeFileSync(path.join(garbage, LOCK_FILE), 'half a lo');
    await (await acquireArchiveLock(garbage, { command: 'papers import' })).release();
  });

  it('removes what a killed run left half-written, and nothing else', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'days/2026'), { recursive: true });
    const stray = [
      path.join(dir, '.ledger.json.tmp-99999999-ab12'),
      path.join(dir, 'days/2026/.2026-08-07.md.tmp-99999999-cd34'),
    ];
    for (const f of stray) writeFileSync(f, 'half');
    writeFileSync(path.join(dir, 'days/2026/2026-08-07.md'), 'kept');
    await (await acquireArchiveLock(dir, { command: 'papers scrape' })).release();
    expect(stray.filter((f) => existsSync(f))).toEqual([]);
    expect(readFileSync(path.join(dir, 'days/2026/2026-08-07.md'), 'utf8')).toBe('kept');
  });

  it("never takes another machine's lock", () => {
    const other = JSON.parse(holder({ host: 'elsewhere.example', pid: 99_999_999 }));
    expect(isStale(other)).toBe(false);
    expect(isStale(JSON.parse(holder({})))).toBe(false);
  });
});
