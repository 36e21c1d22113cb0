// How a run that handles many days talks: a progress bar with days/s on a terminal, one line
// per day otherwise (CI logs), JSON lines with --json; always a summary at the end.
import type { DayReport } from '../archive/archive-day.ts';
import { describeRejection } from '../archive/from-api.ts';
import { LEDGER_STATUSES, type LedgerStatus } from '../archive/schema.ts';
import type { Io } from './command.ts';

export type ProgressMode = 'tty' | 'lines' | 'json';

export function progressMode(io: Io, json: boolean): ProgressMode {
  if (json) return 'json';
  return io.stderr.isTTY && io.env['CI'] === undefined ? 'tty' : 'lines';
}

export type Summary = {
  verb: string;
  days: number;
  seconds: number;
  byStatus: Record<LedgerStatus, number>;
  byAction: Record<string, number>;
  papers: number;
  rejected: number;
  problems: { date: string; status: LedgerStatus; message: string }[];
  /** Days had through the API because their page could not be read. */
  throughApi: number;
};

export function summarize(verb: string, reports: readonly DayReport[], seconds: number): Summary {
  const byStatus = Object.fromEntries(LEDGER_STATUSES.map((s) => [s, 0])) as Record<LedgerStatus, number>;
  const byAction: Record<string, number> = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  const problems: Summary['problems'] = [];
  for (const r of reports) {
    byStatus[r.status]++;
    if (r.action !== 'none') byAction[r.action] = (byAction[r.action] ?? 0) + 1;
    // A quiet day is not a problem; a day the archive holds that now has no listing is.
    if (r.message && (r.status !== 'no-listing' || r.before > 0))
      problems.push({ date: r.date, status: r.status, message: r.message });
  }
  return {
    verb,
    days: reports.length,
    seconds,
    byStatus,
    byAction,
    papers: reports.reduce((n, r) => n + r.papers, 0),
    rejected: reports.reduce((n, r) => n + r.rejected.length, 0),
    problems,
    throughApi: reports.filter((r) => r.fallback).length,
  };
}

function dayLine(r: DayReport): string {
  const what =
    r.status === 'ok' || r.status === 'partial'
      ? `${r.papers} paper${r.papers === 1 ? '' : 's'}, ${r.action === 'refused' ? 'kept the archived day' : r.action}`
      : '';
  const head = what ? `${r.date} ${r.status} ${what}` : `${r.date} ${r.status}`;
  return r.message ? `${head}: ${r.message}` : head;
}

export type Reporter = {
  start(total: number): void;
  day(report: DayReport, index: number, total: number): void;
  end(summary: Summary): void;
};

export function createReporter(mode: ProgressMode, io: Io, now: () => number = () => performance.now()): Reporter {
  let startedAt = now();
  let barShown = false;
  const clearBar = () => {
    if (barShown) io.stderr.write('\r\x1b[2K');
    barShown = false;
  };

  return {
    start(total) {
      startedAt = now();
      if (mode === 'json') io.stdout.write(`${JSON.stringify({ type: 'start', days: total })}\n`);
    },
    day(report, index, total) {
      if (mode === 'json') {
        io.stdout.write(
          `${JSON.stringify({ type: 'day', ...report, rejected: report.rejected.map(describeRejection) })}\n`,
        );
        return;
      }
      if (mode === 'lines') {
        io.stdout.write(`${dayLine(report)}\n`);
        return;
      }
      // TTY: anything worth reading stays above the bar; the bar redraws in place.
      if (report.message && report.status !== 'no-listing') {
        clearBar();
        io.stderr.write(`${dayLine(report)}\n`);
      }
      const done = index + 1;
      const elapsed = (now() - startedAt) / 1000;
      const rate = elapsed > 0 ? done / elapsed : 0;
      const width = Math.max(10, Math.min(40, (io.stderr.columns ?? 80) - 50));
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      io.stderr.write(
        `\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} days  ${rate.toFixed(1)} days/s  ${report.date}`,
      );
      barShown = true;
    },
    end(summary) {
      clearBar();
      if (mode === 'json') {
        io.stdout.write(`${JSON.stringify({ type: 'summary', ...summary })}\n`);
        return;
      }
      io.stdout.write(`${formatSummary(summary)}\n`);
    },
  };
}

export function formatSummary(s: Summary): string {
  const rate = s.seconds > 0 ? ` (${(s.days / s.seconds).toFixed(1)} days/s)` : '';
  const statuses = LEDGER_STATUSES.map((k) => `${s.byStatus[k]} ${k}`).join(', ');
  const actions = Object.entries(s.byAction)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const lines = [
    `${s.verb} ${s.days} day${s.days === 1 ? '' : 's'} in ${s.seconds.toFixed(1)} s${rate}: ${statuses}.`,
    `Day files: ${actions}. Papers: ${s.papers}. Records rejected: ${s.rejected}.`,
  ];
  if (s.throughApi > 0) {
    const days = `${s.throughApi} day${s.throughApi === 1 ? '' : 's'}`;
    lines.push(`${days} fetched through the API: their pages could not be read (see below).`);
  }
  if (s.problems.length > 0) {
    lines.push(`Days that need a look (${s.problems.length}):`);
    for (const p of s.problems) lines.push(`  ${p.date} ${p.status}: ${p.message}`);
  }
  return lines.join('\n');
}
