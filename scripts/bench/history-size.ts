// What the history of votes (scraper/archive/history.ts) adds to an archive's git repository in a
// year, at today's rate: the last 365 days of a real archive, fetched as the nightly fetches them
// (each night the 4 newest days, and again the days 7, 14 and 30 back), each fetch recorded by
// the archive's own writer of histories, one commit a night in a real git repository, packed by
// `git gc` at the end. The repository holds the history files only: the day files are rewritten
// by the same nights with or without a history, so what the repository grows by is this.
//
// The corpus holds one snapshot of each day (its numbers as last fetched), not their moves; the
// moves are modelled on what is known of them: upvotes settle over one to two weeks (most of them
// within days: 1 − e^(−t/2.5) of the final count t days after the day), comments over a few weeks
// (t/6), GitHub stars over months (linear to 90 days). Counts are whole numbers, so a night that
// moves a count by less than one records nothing, as a real night would.
//
//   node scripts/bench/history-size.ts [--archive DIR] [--json]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addDays, type Day, type HistoryEntry, readArchive, recordHistory } from '../../scraper/archive/index.ts';

const WINDOW = 4;
const REVISIT = [7, 14, 30];
const DAY_MS = 86_400_000;

/** The numbers a paper shows `t` days after its day, modelled from the ones it settled at. */
export function seenAt(final: { upvotes: number; comments: number; githubStars: number | null }, t: number) {
  const grown = (total: number, scale: number) => Math.round(total * (1 - Math.exp(-t / scale)));
  return {
    upvotes: grown(final.upvotes, 2.5),
    comments: grown(final.comments, 6),
    githubStars: final.githubStars === null ? null : Math.round(final.githubStars * Math.min(1, t / 90)),
  };
}

/** The days a night at `date` fetches: its window and the days revisited. */
export function nightFetches(date: string): { date: string; ageDays: number }[] {
  const window = Array.from({ length: WINDOW }, (_, i) => addDays(date, -i));
  return [...window, ...REVISIT.map((n) => addDays(date, -n))].map((d) => ({
    date: d,
    ageDays: (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${d}T00:00:00Z`)) / DAY_MS + 1,
  }));
}

const sizeOf = (dir: string): number =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(path.join(e.parentPath, e.name)).size, 0);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      archive: { type: 'string', default: '.cache/bench/site/archive-1x' },
      json: { type: 'boolean', default: false },
    },
  });
  const { days } = await readArchive(path.resolve(values.archive));
  const newest = days.at(-1)?.date;
  if (!newest) throw new Error(`${values.archive}: no days`);
  const first = addDays(newest, -364);
  const year = new Map<string, Day>(days.filter((d) => d.date >= first).map((d) => [d.date, d]));
  const root = mkdtempSync(path.join(os.tmpdir(), 'history-size-'));
  const started = performance.now();
  try {
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], {
        cwd: root,
        env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }).toString();
    git('init', '-q');
    let entries = 0;
    let nights = 0;
    let commits = 0;
    // Nights from the year's first day until its last day is a month old: every day gets all its points.
    for (let night = first; night <= addDays(newest, 30); night = addDays(night, 1)) {
      const fetchedAt = `${addDays(night, 1)}T01:00:00.000Z`;
      for (const { date, ageDays } of nightFetches(night)) {
        const day = year.get(date);
        if (!day || date > newest) continue;
        const seen: HistoryEntry[] = day.papers.map((p) => ({ id: p.id, at: fetchedAt, ...seenAt(p, ageDays) }));
        entries += await recordHistory(root, date, seen);
      }
      nights++;
      if (git('status', '--porcelain').trim()) {
        git('add', '-A');
        git('commit', '-q', '-m', `night ${night}`);
        commits++;
      }
    }
    const raw = sizeOf(path.join(root, 'history'));
    git('gc', '-q', '--aggressive', '--prune=now');
    const packed = sizeOf(path.join(root, '.git', 'objects'));
    const papers = [...year.values()].reduce((n, d) => n + d.papers.length, 0);
    const report = {
      archive: values.archive,
      days: year.size,
      papers,
      nights,
      commits,
      entries,
      entriesPerPaper: entries / papers,
      historyBytes: raw,
      repositoryBytes: packed,
      seconds: (performance.now() - started) / 1000,
    };
    if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
      const lines = [
        `A year of the archive (${first} … ${newest}): ${year.size} days, ${papers} papers, ${nights} nights, ${commits} commits.`,
        `History entries: ${entries} (${report.entriesPerPaper.toFixed(1)} a paper); files ${mb(raw)}.`,
        `Repository (git objects after gc, the history's files and commits only): ${mb(packed)} a year.`,
        `Took ${report.seconds.toFixed(1)} s.`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e: Error) => {
  process.stderr.write(`history-size: ${e.message}\n`);
  process.exit(1);
});
