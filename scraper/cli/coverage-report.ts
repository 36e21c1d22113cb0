// What `papers status` prints, from the coverage it computed: the missing weekdays grouped into
// runs (a month never tried is one line, not twenty), each with the command that fills it, and
// whether the newest day held is recent enough (--max-age, for monitoring). Pure: data in, text out.

import type { Coverage, MissingWhy } from '../archive/coverage.ts';
import { addDays, isWeekend, weekdayName } from '../archive/dates.ts';

export type MissingRange = { from: string; to: string; weekdays: number; why: MissingWhy; reason: string | null };

function nextWeekday(date: string): string {
  let d = addDays(date, 1);
  while (isWeekend(d)) d = addDays(d, 1);
  return d;
}

/** Consecutive missing weekdays (weekends between them aside) with the same why and reason, as runs. */
export function missingRanges(missing: Coverage['missingWeekdays']): MissingRange[] {
  const ranges: MissingRange[] = [];
  for (const m of [...missing].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = ranges.at(-1);
    if (last && last.why === m.why && last.reason === m.reason && nextWeekday(last.to) === m.date) {
      last.to = m.date;
      last.weekdays++;
    } else ranges.push({ from: m.date, to: m.date, weekdays: 1, why: m.why, reason: m.reason });
  }
  return ranges;
}

/** A word as a POSIX shell reads it back. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The command that fetches a run of missing days again; null for days that had no listing. */
export function fillCommand(r: MissingRange, contentArg?: string): string | null {
  if (r.why === 'no listing') return null;
  const days = r.from === r.to ? `--date ${r.from}` : `--from ${r.from} --to ${r.to} --only-missing`;
  return `papers scrape ${days}${contentArg ? ` --content ${shellWord(contentArg)}` : ''}`;
}

/** Whole days from `from` to `to`. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** Why the archive is too old for --max-age, or null when it is recent enough. */
export function maxAgeProblem(lastHeld: string | null, today: string, maxAge: number): string | null {
  if (lastHeld === null) return `no day is held, so none is within --max-age ${maxAge}`;
  const age = daysBetween(lastHeld, today);
  if (age <= maxAge) return null;
  return `the newest day held, ${lastHeld}, is ${age} days before ${today} (UTC), more than --max-age ${maxAge}`;
}

export type ReportContext = {
  contentDir: string;
  /** The newest day with a file (Coverage.last is the newest date known, a failed one included). */
  lastHeld: string | null;
  today: string;
  /** `--content` as the fill commands need it; undefined when it is the default. */
  contentArg?: string | undefined;
  unreadable: readonly { file: string; message: string }[];
};

export function formatCoverage(c: Coverage, ctx: ReportContext): string {
  const lines = [`Archive: ${ctx.contentDir}`];
  const day = (d: string | null) => (d ? `${d} (${weekdayName(d)})` : '-');
  const age = ctx.lastHeld ? daysBetween(ctx.lastHeld, ctx.today) : null;
  const ago =
    age === null ? '' : age === 0 ? ', today (UTC)' : `, ${age} day${age === 1 ? '' : 's'} before ${ctx.today} (UTC)`;
  lines.push(
    `  days held:   ${c.held} (${c.ok} ok, ${c.partial} partial; ${c.weekendDaysHeld} on weekends)`,
    `  papers:      ${c.papers} listings, ${c.distinctPapers} distinct papers`,
    `  first day:   ${day(c.first)}`,
    `  last day:    ${day(ctx.lastHeld)}${ago}`,
  );
  const counts = new Map<string, number>();
  for (const m of c.missingWeekdays) counts.set(m.why, (counts.get(m.why) ?? 0) + 1);
  const byWhy = [...counts].map(([why, n]) => `${n} ${why}`).join(', ');
  lines.push(`  weekdays without a file: ${c.missingWeekdays.length}${byWhy ? ` (${byWhy})` : ''}`);
  for (const r of missingRanges(c.missingWeekdays)) {
    const when = r.from === r.to ? `${r.from} ${weekdayName(r.from)}` : `${r.from} … ${r.to} (${r.weekdays} weekdays)`;
    lines.push(`    ${when} ${r.why}${r.reason ? `: ${r.reason}` : ''}`);
    const fill = fillCommand(r, ctx.contentArg);
    if (fill) lines.push(`      fill: ${fill}`);
  }
  if (c.untracked.length > 0) lines.push(`  day files the ledger does not know: ${c.untracked.join(', ')}`);
  if (c.lost.length > 0)
    lines.push(`  LOST: the ledger holds these days but their files are gone: ${c.lost.join(', ')}`);
  if (ctx.unreadable.length > 0) {
    lines.push(`  UNREADABLE files (${ctx.unreadable.length}):`);
    for (const u of ctx.unreadable) lines.push(`    ${u.message}`);
  }
  return lines.join('\n');
}
