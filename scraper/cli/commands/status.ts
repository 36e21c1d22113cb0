// `papers status`: what the archive holds and what it lacks, and whether every file reads.
import { z } from 'zod';
import { type Coverage, computeCoverage, heldDay } from '../../archive/coverage.ts';
import { weekdayName } from '../../archive/dates.ts';
import { type Command, contentOption, EXIT_FAILED, EXIT_OK, jsonOption } from '../command.ts';

export const statusOptions = z.object({ content: contentOption, json: jsonOption });

export const statusCommand: Command<typeof statusOptions> = {
  name: 'status',
  summary: "Print the archive's coverage and check every day file.",

  usage: 'papers status [options]',
  options: statusOptions,
  details:
    'Prints the first and last day, the days and papers held, and every weekday without a file\n' +
    'with the reason (never tried, failed, no listing, file lost).\n\n' +
    'Exit status: 0 when every day file reads and the ledger matches them, 1 otherwise.',
  async run({ values }, io) {
    const contentDir = values.content;
    const [{ readLedger }, { readArchive }] = await Promise.all([
      import('../../archive/ledger.ts'),
      import('../../archive/store.ts'),
    ]);
    const [{ days, errors }, ledger] = await Promise.all([readArchive(contentDir), readLedger(contentDir)]);
    const coverage = computeCoverage(days.map(heldDay), ledger);
    const unreadable = errors.map((e) => ({ file: e.file, message: e.message }));
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ content: contentDir, ...coverage, unreadable })}\n`);
    } else {
      io.stdout.write(`${formatCoverage(contentDir, coverage, unreadable)}\n`);
    }
    return unreadable.length > 0 || coverage.lost.length > 0 ? EXIT_FAILED : EXIT_OK;
  },
};

function formatCoverage(contentDir: string, c: Coverage, unreadable: { file: string; message: string }[]): string {
  const lines = [`Archive: ${contentDir}`];
  if (c.held === 0 && c.first === null) {
    lines.push('  empty: no day files and no ledger yet (try `papers import` or `papers scrape`)');
  } else {
    const day = (d: string | null) => (d ? `${d} (${weekdayName(d)})` : '-');
    lines.push(
      `  days held:   ${c.held} (${c.ok} ok, ${c.partial} partial; ${c.weekendDaysHeld} on weekends)`,
      `  papers:      ${c.papers} listings, ${c.distinctPapers} distinct papers`,
      `  first day:   ${day(c.first)}`,
      `  last day:    ${day(c.last)}`,
    );
    const counts = new Map<string, number>();
    for (const m of c.missingWeekdays) counts.set(m.why, (counts.get(m.why) ?? 0) + 1);
    const byWhy = [...counts].map(([why, n]) => `${n} ${why}`).join(', ');
    lines.push(`  weekdays without a file: ${c.missingWeekdays.length}${byWhy ? ` (${byWhy})` : ''}`);
    for (const m of c.missingWeekdays) {
      lines.push(`    ${m.date} ${weekdayName(m.date)}  ${m.why}${m.reason ? `: ${m.reason}` : ''}`);
    }
  }
  if (c.untracked.length > 0) lines.push(`  day files the ledger does not know: ${c.untracked.join(', ')}`);
  if (c.lost.length > 0)
    lines.push(`  LOST: the ledger holds these days but their files are gone: ${c.lost.join(', ')}`);
  if (unreadable.length > 0) {
    lines.push(`  UNREADABLE day files (${unreadable.length}):`);
    for (const u of unreadable) lines.push(`    ${u.message}`);
  }
  return lines.join('\n');
}
