// Two `papers` processes on one content folder at once: one writer at a time, nothing lost. And
// a reader that closes the pipe early (`papers status | head`) ends the command quietly.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLedger } from '../../../../scraper/archive/ledger.ts';
import { listDayFiles } from '../../../../scraper/archive/store.ts';
import { FIXTURE_DAYS_DIR, fixtureDates } from '../../../../scripts/fixtures/hf-days.ts';
import { PAPERS_BIN, runPapers } from '../../../helpers/cli.ts';
import { tempDir } from '../../../helpers/temp.ts';

/** Two dumps of disjoint days: each import alone would write half the ledger. */
function twoDumps(): [string, string, string[]] {
  const dates = fixtureDates();
  const halves = [tempDir('dump-a-'), tempDir('dump-b-')] as const;
  dates.forEach((date, i) => {
    const dir = path.join(halves[i % 2]!, date.slice(0, 4));
    mkdirSync(dir, { recursive: true });
    cpSync(path.join(FIXTURE_DAYS_DIR, date.slice(0, 4), `${date}.json.gz`), path.join(dir, `${date}.json.gz`));
  });
  return [halves[0], halves[1], dates];
}

describe('one writer at a time', () => {
  it('two imports at once: the second waits (--wait) and every day of both is in the ledger', async () => {
    const content = tempDir();
    const [a, b, dates] = twoDumps();
    const [first, second] = await Promise.all([
      runPapers(['import', '--content', content, '--wait', '120', a]),
      runPapers(['import', '--content', content, '--wait', '120', b]),
    ]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const ledger = await readLedger(content);
    expect(Object.keys(ledger.days).sort()).toEqual(dates);
    expect((await listDayFiles(content)).length).toBe(dates.filter((d) => ledger.days[d]!.status === 'ok').length);
    expect(readdirSync(content).sort()).toEqual(['days', 'ledger.json']);
  });

  it('without --wait, the second stops at once naming the first, and the first completes', async () => {
    const content = tempDir();
    const [a, b, dates] = twoDumps();
    const first = spawn(process.execPath, [PAPERS_BIN, 'import', '--content', content, a, b], {
      env: { ...process.env, CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const firstDone = new Promise<number | null>((resolve) => first.on('close', resolve));
    // The first run holds the lock once it reports its first day.
    await new Promise((resolve) => first.stdout.once('data', resolve));
    const second = await runPapers(['import', '--content', content, b]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(
      /^papers import: .* is being written by `papers import` \(pid \d+ on .*\); run again when it has finished\n$/,
    );
    expect(await firstDone).toBe(0);
    expect(Object.keys((await readLedger(content)).days).sort()).toEqual(dates);
  });

  it('papers import --json | head: ends quietly when the reader stops, leaving a consistent archive', async () => {
    const content = tempDir();
    const child = spawn(process.execPath, [PAPERS_BIN, 'import', '--json', '--content', content, FIXTURE_DAYS_DIR], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const ledger = await readLedger(content);
    const held = (await listDayFiles(content)).map((f) => f.date);
    expect(
      Object.entries(ledger.days)
        .filter(([, e]) => e.status === 'ok')
        .map(([d]) => d),
    ).toEqual(held);
    expect(readdirSync(content).sort()).toEqual(['days', 'ledger.json']);
  });
});
