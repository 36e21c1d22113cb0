// Two `papers` processes on one content folder at once: one writer at a time, nothing lost. And
// a reader that closes the pipe early (`papers status | head`) ends the command quietly.
//
// A run is held where the test needs it by the archive's lock itself: this process takes it, as
// a `papers` command does, and lets it go when the test says. (A named pipe as a dump file held
// runs before; the archive now refuses FIFOs before opening them.) So "at once" never rests on
// one run being slower than another.
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it, onTestFinished } from 'vitest';
import { archiveDay } from '../../../../scraper/archive/archive-day.ts';
import { readLedger, writeLedger } from '../../../../scraper/archive/ledger.ts';
import { acquireArchiveLock } from '../../../../scraper/archive/lock.ts';
import { listDayFiles } from '../../../../scraper/archive/store.ts';
import { fixtureDates, fixtureFile, fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { PAPERS_BIN, runPapers } from '../../../helpers/cli.ts';
import { tempDir } from '../../../helpers/temp.ts';

/** Days enough for each run to report some before it is held: the first ones of the fixture. */
const DATES = fixtureDates().slice(0, 7);

/** A folder holding the dumps of `dates`, as `papers import` takes them. */
function dumps(dates: readonly string[]): string {
  const dir = tempDir('dump-');
  for (const date of dates) {
    mkdirSync(path.join(dir, date.slice(0, 4)), { recursive: true });
    cpSync(fixtureFile(date), path.join(dir, date.slice(0, 4), `${date}.json.gz`));
  }
  return dir;
}

/** The archive's lock, held by this process as `papers import` holds it, until `release`. */
async function holdLock(content: string): Promise<{ release: () => Promise<void> }> {
  const lock = await acquireArchiveLock(content, { command: 'papers import' });
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    await lock.release();
  };
  onTestFinished(release);
  return { release };
}

function start(args: string[]): ChildProcessByStdio<null, Readable, Readable> & { done: Promise<number | null> } {
  const child = spawn(process.execPath, [PAPERS_BIN, ...args], {
    env: { ...process.env, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  return Object.assign(child, { done });
}

describe('one writer at a time', () => {
  it('while one run writes, another with --wait waits and one without stops at once naming it; every day is in', async () => {
    const content = tempDir();
    const [a, b] = [DATES.slice(0, 4), DATES.slice(4)];
    const held = await holdLock(content);
    const waiting = runPapers(['import', '--content', content, '--wait', '120', dumps(b)]);
    const refused = await runPapers(['import', '--content', content, dumps(b)]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^papers import: .* is being written by `papers import` \(pid \d+ on .*\); run again when it has finished\n$/,
    );
    expect(readdirSync(content).sort()).toContain('.papers.lock');
    expect(await listDayFiles(content)).toEqual([]);

    // The holder writes its days, as an import would, and lets go: the waiting run goes on.
    for (const date of a) {
      const { ledger } = await archiveDay(content, await readLedger(content), {
        date,
        kind: 'listing',
        via: 'import',
        source: `https://huggingface.co/api/daily_papers?date=${date}`,
        fetchedAt: '2026-08-08T01:00:00.000Z',
        items: fixtureItems(date),
      });
      await writeLedger(content, ledger);
    }
    await held.release();
    expect((await waiting).code).toBe(0);
    const ledger = await readLedger(content);
    expect(Object.keys(ledger.days).sort()).toEqual(DATES);
    expect((await listDayFiles(content)).length).toBe(DATES.filter((d) => ledger.days[d]!.status === 'ok').length);
    expect(readdirSync(content).sort()).toEqual(['days', 'history', 'ledger.json']);
  });

  it('papers import --json | head: ends quietly when the reader stops, leaving a consistent archive', async () => {
    const content = tempDir();
    const held = await holdLock(content);
    const child = start(['import', '--json', '--wait', '120', '--content', content, dumps(DATES)]);
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    // The reader goes before the run has written anything (it waits for the lock until now), so
    // the run's first line already goes into the closed pipe.
    child.stdout.destroy();
    await held.release();
    expect(await child.done).toBe(0);
    expect(stderr).toBe('');
    const ledger = await readLedger(content);
    const heldDays = (await listDayFiles(content)).map((f) => f.date);
    expect(
      Object.entries(ledger.days)
        .filter(([, e]) => e.status === 'ok')
        .map(([d]) => d),
    ).toEqual(heldDays);
    // No lock and no temporary file left, whatever it had written when it ended.
    expect(readdirSync(content).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
