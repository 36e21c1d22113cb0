// Two `papers` processes on one content folder at once: one writer at a time, nothing lost. And
// a reader that closes the pipe early (`papers status | head`) ends the command quietly.
//
// A run is held where the test needs it by its last input: a named pipe (FIFO) the import reads
// like any dump file, which blocks it, holding the archive's lock, until the test writes the
// day's dump into it. So "at once" never rests on one run being slower than another, and a
// handful of days does what importing every fixture day twice did.
import { type ChildProcessByStdio, execFileSync, spawn } from 'node:child_process';
import { constants, cpSync, promises as fs, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it, onTestFinished } from 'vitest';
import { readLedger } from '../../../../scraper/archive/ledger.ts';
import { listDayFiles } from '../../../../scraper/archive/store.ts';
import { fixtureDates, fixtureFile } from '../../../../scripts/fixtures/hf-days.ts';
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

/**
 * `<date>.json.gz` as a named pipe: an import that reaches it waits there (holding the lock)
 * until `release` writes the day's real dump into it. A run that ended before reading it (one
 * that failed, or stopped on a closed pipe) gets nothing, and the writer gives up when the test
 * ends: a reader that opens without waiting pairs with it, and goes.
 */
function heldDump(date: string): { file: string; release: () => Promise<void> } {
  const file = path.join(tempDir('held-'), `${date}.json.gz`);
  execFileSync('mkfifo', [file]);
  let written = false;
  const release = () =>
    fs.writeFile(file, readFileSync(fixtureFile(date))).then(
      () => {
        written = true;
      },
      (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EPIPE') throw e;
      },
    );
  onTestFinished(async () => {
    if (written) return;
    const reader = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    await reader.close();
  });
  return { file, release };
}

function start(args: string[]): ChildProcessByStdio<null, Readable, Readable> & { done: Promise<number | null> } {
  const child = spawn(process.execPath, [PAPERS_BIN, ...args], {
    env: { ...process.env, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  return Object.assign(child, { done });
}

/** Resolves once the run has printed something: by then it holds the lock (a day is reported). */
const firstOutput = (child: { stdout: Readable }) => new Promise((resolve) => child.stdout.once('data', resolve));

describe('one writer at a time', () => {
  it('while one import writes, another with --wait waits and one without stops at once naming it; every day is in', async () => {
    const content = tempDir();
    const [a, b, c] = [DATES.slice(0, 3), DATES.slice(3, 6), DATES.slice(6)];
    const held = heldDump(c[0]!);
    const first = start(['import', '--content', content, dumps(a), held.file]);
    await firstOutput(first);

    // The first is held on its last day until the test lets it go: both later runs meet its lock.
    const waiting = runPapers(['import', '--content', content, '--wait', '120', dumps(b)]);
    const refused = await runPapers(['import', '--content', content, dumps(b)]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^papers import: .* is being written by `papers import` \(pid \d+ on .*\); run again when it has finished\n$/,
    );
    expect(readdirSync(content).sort()).toContain('.papers.lock');

    await held.release();
    expect(await first.done).toBe(0);
    expect((await waiting).code).toBe(0);
    const ledger = await readLedger(content);
    expect(Object.keys(ledger.days).sort()).toEqual(DATES);
    expect((await listDayFiles(content)).length).toBe(DATES.filter((d) => ledger.days[d]!.status === 'ok').length);
    expect(readdirSync(content).sort()).toEqual(['days', 'ledger.json']);
  });

  it('papers import --json | head: ends quietly when the reader stops, leaving a consistent archive', async () => {
    const content = tempDir();
    const held = heldDump(DATES.at(-1)!);
    const child = start(['import', '--json', '--content', content, dumps(DATES.slice(0, -1)), held.file]);
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    // The reader goes after the first lines; the run has more to write after that (its last day
    // is held until now), and ends at its first write into the closed pipe.
    await firstOutput(child);
    child.stdout.destroy();
    await Promise.race([held.release(), child.done]);
    expect(await child.done).toBe(0);
    expect(stderr).toBe('');
    const ledger = await readLedger(content);
    const heldDays = (await listDayFiles(content)).map((f) => f.date);
    expect(
      Object.entries(ledger.days)
        .filter(([, e]) => e.status === 'ok')
        .map(([d]) => d),
    ).toEqual(heldDays);
    expect(readdirSync(content).sort()).toEqual(['days', 'ledger.json']);
  });
});
