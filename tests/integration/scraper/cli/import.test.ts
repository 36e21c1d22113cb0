// `papers import` and `papers status` over real dump files. Three tests run the real command in
// a child process, to prove the wiring (exit codes, stdout and stderr, JSON lines, a kill); the
// others call main() in this process, which asserts the same in a fraction of the time.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dayFilePath } from '../../../../scraper/archive/day-file.ts';
import { historyFilePath, readHistory } from '../../../../scraper/archive/history.ts';
import { readLedger } from '../../../../scraper/archive/ledger.ts';
import { listDayFiles, readArchive, readDay } from '../../../../scraper/archive/store.ts';
import { REPO_ROOT } from '../../../../scraper/repo.ts';
import {
  ERA_DAYS,
  FIXTURE_DAYS_DIR,
  fixtureDates,
  fixtureFile,
  fixtureItems,
} from '../../../../scripts/fixtures/hf-days.ts';
import { PAPERS_BIN, runMain, runPapers } from '../../../helpers/cli.ts';
import { tempDir } from '../../../helpers/temp.ts';

/** A folder of dump files for the given dates, copied from the fixtures. */
function dumpOf(dates: string[]): string {
  const dir = tempDir('dump-');
  for (const date of dates) cpSync(fixtureFile(date), path.join(dir, `${date}.json.gz`));
  return dir;
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

describe('papers import', () => {
  it('imports every era of the format, one line per day and a summary', async () => {
    const content = tempDir();
    const dates = Object.values(ERA_DAYS).sort();
    const result = await runMain(['import', '--content', content, dumpOf(dates)]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.slice(0, dates.length).map((l) => l.slice(0, 10))).toEqual(dates);
    expect(lines[0]).toMatch(/^2023-05-04 ok +4 papers, created$/);
    expect(result.stdout).toMatch(/Imported 10 days in [\d.]+ s .*: 10 ok, 0 no-listing, 0 partial, 0 failed\./);
    expect(result.stdout).toContain('Records rejected: 0.');
    for (const date of dates) {
      const day = await readDay(content, date);
      expect(day?.papers.length).toBe(fixtureItems(date).length);
      expect(day).toMatchObject({ status: 'ok', via: 'import' });
    }
    const ledger = await readLedger(content);
    expect(Object.keys(ledger.days)).toEqual(dates);
  });

  it('imports a day over the 50-paper cap whole (82 papers, as the largest real days)', async () => {
    const content = tempDir();
    const dump = tempDir('dump-');
    const items = [...fixtureItems(ERA_DAYS.cap2026), ...fixtureItems(ERA_DAYS.late2026)].slice(0, 82);
    writeFileSync(path.join(dump, '2026-08-10.json'), JSON.stringify(items));
    const result = await runMain(['import', '--content', content, dump]);
    expect(result.code).toBe(0);
    const day = await readDay(content, '2026-08-10');
    expect(day?.papers.map((p) => p.id)).toEqual(items.map((i) => i.paper.id));
  });

  it('prints JSON lines with --json (a child process)', async () => {
    const content = tempDir();
    const result = await runPapers(['import', '--json', '--content', content, fixtureFile(ERA_DAYS.late2026)]);
    expect(result.code).toBe(0);
    const events = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events.map((e) => e.type)).toEqual(['start', 'day', 'summary']);
    expect(events[1]).toMatchObject({ date: '2026-08-07', status: 'ok', papers: 20, action: 'created', rejected: [] });
    expect(events[2]).toMatchObject({ days: 1, papers: 20, byStatus: { ok: 1 } });
  });

  it('is idempotent: importing twice rewrites no file, ledger included', async () => {
    const content = tempDir();
    const dump = dumpOf(fixtureDates().slice(-15));
    expect((await runMain(['import', '--content', content, dump])).code).toBe(0);
    const files = allFiles(content);
    const before = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
    const old = new Date('2020-01-01T00:00:00Z');
    for (const f of files) utimesSync(f, old, old);
    const again = await runMain(['import', '--content', content, dump]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Day files: 0 created, 0 updated, 15 unchanged, 0 refused.');
    expect(allFiles(content)).toEqual(files);
    for (const f of files) {
      expect(readFileSync(f, 'utf8')).toBe(before.get(f));
      expect(statSync(f).mtimeMs).toBe(old.getTime());
    }
  });

  it('never replaces a day with fewer papers unless forced, and says so', async () => {
    const content = tempDir();
    const date = ERA_DAYS.late2026;
    await runMain(['import', '--content', content, fixtureFile(date)]);
    const dump = tempDir('dump-');
    writeFileSync(path.join(dump, `${date}.json`), JSON.stringify(fixtureItems(date).slice(0, 5)));
    const refused = await runMain(['import', '--content', content, dump]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      '2026-08-07: the new listing has 5 papers where the archive holds 20; kept the archived day (--force replaces it)',
    );
    expect((await readDay(content, date))?.papers).toHaveLength(20);
    const forced = await runMain(['import', '--force', '--content', content, dump]);
    expect(forced.code).toBe(0);
    expect((await readDay(content, date))?.papers).toHaveLength(5);
  });

  it('keeps the good records of a day with bad ones, marks it partial and exits 1', async () => {
    const content = tempDir();
    const dump = tempDir('dump-');
    const items = fixtureItems(ERA_DAYS.late2026).slice(0, 4);
    items[1]!.paper.id = '../../x';
    items[2]!.paper.id = 2608.0513;
    writeFileSync(path.join(dump, '2026-08-07.json'), JSON.stringify(items));
    const result = await runMain(['import', '--content', content, dump]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('2026-08-07 partial');
    expect(result.stdout).toContain('rejected item 2 (../../x) has an id that is not an arXiv id');
    expect(result.stdout).toContain('rejected item 3 has a numeric id (2608.0513)');
    const day = await readDay(content, '2026-08-07');
    expect(day).toMatchObject({ status: 'partial' });
    expect(day?.papers).toHaveLength(2);
    expect(allFiles(content).some((f) => f.includes('..') || f.includes('/x'))).toBe(false);
  });

  it('fails a bad input file by name, writes nothing for it, and goes on with the others (a child process)', async () => {
    const content = tempDir();
    const dump = tempDir('dump-');
    writeFileSync(path.join(dump, '2026-01-05.json'), '{ not json');
    writeFileSync(path.join(dump, '2026-01-06.json'), JSON.stringify({ dailyPapers: [] }));
    writeFileSync(path.join(dump, '2026-01-07.json.gz'), 'plain text');
    writeFileSync(path.join(dump, '2026-01-08.json'), '[]');
    writeFileSync(
      path.join(dump, '2026-01-09.json.gz'),
      gzipSync(JSON.stringify(fixtureItems(ERA_DAYS.late2026).slice(0, 3))),
    );
    const notes = path.join(tempDir('other-'), 'notes.json');
    writeFileSync(notes, '[]');
    const result = await runPapers(['import', '--content', content, dump, notes, path.join(dump, 'nope')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/2026-01-05 failed: .*2026-01-05\.json is not valid JSON/);
    expect(result.stdout).toMatch(
      /2026-01-06 failed: .*is not a JSON array of listing items \(it holds an object with keys dailyPapers\)/,
    );
    expect(result.stdout).toMatch(/2026-01-07 failed: .*is named \.gz but is not gzip data/);
    expect(result.stdout).toMatch(/2026-01-08 no-listing/);
    expect(result.stdout).toMatch(/2026-01-09 ok +3 papers, created/);
    expect(result.stderr).toContain(`papers import: ${notes} is not named YYYY-MM-DD.json or YYYY-MM-DD.json.gz`);
    expect(result.stderr).toContain(`papers import: ${path.join(dump, 'nope')} does not exist`);
    expect((await listDayFiles(content)).map((r) => r.date)).toEqual(['2026-01-09']);
    const ledger = await readLedger(content);
    expect(ledger.days['2026-01-05']).toMatchObject({ status: 'failed' });
    expect(ledger.days['2026-01-08']).toMatchObject({ status: 'no-listing', reason: 'the listing holds no papers' });
  });

  it('exits 2 on usage errors, in one line naming what is wrong, and writes nothing', async () => {
    const content = tempDir();
    const cases: [string[], string][] = [
      [['import', '--content', content], 'papers import: give at least one file or folder to import'],
      [['import', '--content', content, '--bogus', 'x'], 'papers import: unknown option --bogus'],
      [
        ['import', '--content', content, '--from', '2026-02-30', 'x'],
        'papers import: --from must be a date YYYY-MM-DD from 2023-05-01 on, not "2026-02-30"',
      ],
      [
        ['import', '--content', content, '--from', '2026-08-07', '--to', '2026-08-01', 'x'],
        'papers import: --from 2026-08-07 is after --to 2026-08-01',
      ],
    ];
    for (const [args, message] of cases) {
      const result = await runMain(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toBe(`${message}\nRun 'papers import --help' for usage.\n`);
      expect(result.stdout).toBe('');
    }
    expect(readdirSync(content)).toEqual([]);
    const help = await runMain(['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: papers import');
  });

  it('takes the archive folder from $PAPERS_CONTENT', async () => {
    const content = tempDir();
    const result = await runMain(['import', fixtureFile(ERA_DAYS.late2026)], { env: { PAPERS_CONTENT: content } });
    expect(result.code).toBe(0);
    expect(existsSync(dayFilePath(content, ERA_DAYS.late2026))).toBe(true);
  });

  it('leaves no partial day when killed midway, and a rerun finishes the job', async () => {
    const content = tempDir();
    const dump = dumpOf(fixtureDates());
    // Killed with SIGKILL (no chance to clean up) after some days were written.
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [PAPERS_BIN, 'import', '--content', content, dump], {
        env: { ...process.env, CI: '1' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let lines = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        lines += chunk.toString().split('\n').length - 1;
        if (lines >= 20) child.kill('SIGKILL');
      });
      child.on('error', reject);
      child.on('close', (_code, signal) =>
        signal === 'SIGKILL' ? resolve() : reject(new Error('import ended before it was killed')),
      );
    });
    const partial = await readArchive(content);
    expect(partial.errors).toEqual([]);
    expect(partial.days.length).toBeGreaterThanOrEqual(20);
    expect(partial.days.length).toBeLessThan(fixtureDates().length);
    await readLedger(content); // parses
    const status = await runMain(['status', '--content', content]);
    expect(status.code).toBe(0);

    const rerun = await runMain(['import', '--content', content, dump]);
    expect(rerun.code).toBe(0);
    const done = await readArchive(content);
    expect(done.errors).toEqual([]);
    expect(done.days.map((d) => d.date)).toEqual(fixtureDates());
    const ledger = await readLedger(content);
    expect(Object.keys(ledger.days)).toEqual(fixtureDates());
    expect(allFiles(content).filter((f) => path.basename(f).startsWith('.'))).toEqual([]);
  });
});

describe('papers import: dumps of one day taken on different dates', () => {
  const date = ERA_DAYS.late2026;
  const TIMES = ['2026-08-07T09:00:00.000Z', '2026-08-09T09:30:00.000Z', '2026-08-14T10:00:00.000Z'] as const;

  /** A dump of `date` whose votes and comments had risen by `rise`, its file last modified at `time`. */
  function dumpAt(time: string, rise: number, keep = 20): string {
    const items = fixtureItems(date)
      .slice(0, keep)
      .map((i) => ({
        ...i,
        paper: { ...i.paper, upvotes: i.paper.upvotes + rise },
        numComments: (i.numComments ?? 0) + rise,
      }));
    const file = path.join(tempDir('dump-'), `${date}.json`);
    writeFileSync(file, JSON.stringify(items));
    utimesSync(file, new Date(time), new Date(time));
    return file;
  }

  it('gives the history their true times in any order, and the day file the newest values; an older dump leaves the day file as it is', async () => {
    const dumps = [dumpAt(TIMES[0], 0), dumpAt(TIMES[1], 5), dumpAt(TIMES[2], 10)];
    const results: { history: string; day: string }[] = [];
    for (const order of [
      [0, 1, 2],
      [2, 0, 1],
      [1, 2, 0],
      [2, 1, 0],
    ]) {
      const content = tempDir();
      for (const i of order) {
        const before = existsSync(dayFilePath(content, date)) ? readFileSync(dayFilePath(content, date), 'utf8') : null;
        const newest = before === null ? null : (await readDay(content, date))!.fetchedAt;
        const result = await runMain(['import', '--content', content, dumps[i]!]);
        expect(result.stderr).toBe('');
        expect(result.code, `order ${order}, dump ${i}`).toBe(0);
        if (newest !== null && newest > TIMES[i]!) {
          // Older than the day held: byte for byte as it was, and said so.
          expect(readFileSync(dayFilePath(content, date), 'utf8')).toBe(before);
          expect(result.stdout).toContain(
            `${date} ok 20 papers, unchanged: kept: the archive's copy is newer (fetched ${newest}) than this one (${TIMES[i]}); its numbers went to the history\n`,
          );
        }
      }
      const day = await readDay(content, date);
      expect(day?.fetchedAt).toBe(TIMES[2]);
      expect(day?.papers.map((p) => p.upvotes)).toEqual(fixtureItems(date).map((i) => i.paper.upvotes + 10));
      const history = await readHistory(content, date);
      for (const p of day!.papers) {
        expect(history.filter((e) => e.id === p.id).map((e) => [e.at, e.upvotes])).toEqual(
          TIMES.map((t, k) => [t, p.upvotes - 10 + 5 * k]),
        );
      }
      results.push({
        history: readFileSync(historyFilePath(content, date), 'utf8'),
        day: readFileSync(dayFilePath(content, date), 'utf8'),
      });
    }
    for (const r of results.slice(1)) expect(r).toEqual(results[0]);
  });

  it('puts an older dump in place with --force, the history keeping both; says what the archive lacks without it', async () => {
    const content = tempDir();
    // The newest dump lists a paper fewer (Hugging Face dropped it); the older one still has it.
    expect((await runMain(['import', '--content', content, dumpAt(TIMES[2], 10, 19)])).code).toBe(0);
    const older = dumpAt(TIMES[0], 0);
    const dropped = fixtureItems(date)[19]!.paper.id;
    const kept = await runMain(['import', '--content', content, older]);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain(
      `the archive's copy lacks 1 of its papers (${dropped}), not added (--force puts this copy in its place)`,
    );
    expect((await readDay(content, date))?.papers).toHaveLength(19);

    const forced = await runMain(['import', '--force', '--content', content, older]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(new RegExp(`^${date} ok +20 papers, updated$`, 'm'));
    const day = await readDay(content, date);
    expect(day).toMatchObject({ fetchedAt: TIMES[0] });
    expect(day?.papers).toHaveLength(20);
    const times = (await readHistory(content, date)).map((e) => e.at);
    expect([...new Set(times)]).toEqual([TIMES[0], TIMES[2]]);
  });

  it('fails a dump whose time cannot be when it was fetched, by name, writing nothing for it', async () => {
    const content = tempDir();
    const future = dumpAt(TIMES[0], 0);
    const later = new Date(Date.now() + 86_400_000);
    utimesSync(future, later, later);
    const reset = path.join(tempDir('dump-'), '2026-08-06.json');
    writeFileSync(reset, JSON.stringify(fixtureItems('2026-08-06')));
    utimesSync(reset, new Date(1000), new Date(1000));
    const result = await runMain(['import', '--content', content, future, reset]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `2026-08-07 failed: ${future} was last modified ${later.toISOString()}, after now (`,
    );
    expect(result.stdout).toContain(
      `2026-08-06 failed: ${reset} was last modified 1970-01-01T00:00:01.000Z, before 2026-08-05: its time is taken as when its answer was fetched, and no answer for 2026-08-06 is older (set it with touch -d)`,
    );
    expect(await listDayFiles(content)).toEqual([]);
    expect(existsSync(path.join(content, 'history'))).toBe(false);
  });
});

describe('the bundled archive', () => {
  it('is the import of the fixture days of its 8 weeks: re-importing them changes nothing', async () => {
    const content = tempDir();
    cpSync(path.join(REPO_ROOT, 'content'), content, { recursive: true });
    const before = allFiles(content).map((f) => [path.relative(content, f), readFileSync(f, 'utf8')]);
    const result = await runMain([
      'import',
      '--content',
      content,
      '--from',
      '2026-06-13',
      '--to',
      '2026-08-07',
      FIXTURE_DAYS_DIR,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('0 created, 0 updated, 39 unchanged');
    expect(allFiles(content).map((f) => [path.relative(content, f), readFileSync(f, 'utf8')])).toEqual(before);
  });
});

describe('papers status', () => {
  it("prints the bundled archive's coverage and why a weekday has no file", async () => {
    const result = await runMain(['status']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('days held:   39 (39 ok, 0 partial; 0 on weekends)');
    expect(result.stdout).toContain('first day:   2026-06-15 (Mon)');
    expect(result.stdout).toContain('last day:    2026-08-07 (Fri)');
    expect(result.stdout).toMatch(/2026-07-28 Tue +never tried/);
    const json = JSON.parse((await runMain(['status', '--json'])).stdout);
    expect(json).toMatchObject({ held: 39, papers: 815, first: '2026-06-15', last: '2026-08-07', unreadable: [] });
  });

  it('exits 1 and names an unreadable day file', async () => {
    const content = tempDir();
    await runMain(['import', '--content', content, fixtureFile(ERA_DAYS.late2026)]);
    const file = dayFilePath(content, ERA_DAYS.late2026);
    writeFileSync(file, readFileSync(file, 'utf8').replace("id: '2608.05987'", "id: 'evil/../x'"));
    const result = await runMain(['status', '--content', content]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${file}: papers[0].id: must be an arXiv id`);
  });

  it('exits 1 with the file named when the ledger is not JSON', async () => {
    const content = tempDir();
    mkdirSync(content, { recursive: true });
    writeFileSync(path.join(content, 'ledger.json'), '{ oops');
    const result = await runMain(['status', '--content', content]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`papers status: ${path.join(content, 'ledger.json')}: not valid JSON`);
  });
});

describe('an archive folder that cannot be used', () => {
  it('is named in one line, with exit 1 and no stack trace', async () => {
    const file = path.join(tempDir(), 'a-file');
    writeFileSync(file, 'not a folder');
    const status = await runMain(['status', '--content', file]);
    expect(status.code).toBe(1);
    expect(status.stderr).toMatch(
      new RegExp(`^papers status: cannot \\w+ ${file}/\\S+: a part of the path is not a folder\\n$`),
    );
    const imported = await runMain(['import', '--content', file, fixtureFile(ERA_DAYS.late2026)]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toBe(`papers import: ${file} is a file, not an archive folder\n`);
  });
});
