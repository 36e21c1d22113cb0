// The words of a commit of the archive: a subject naming the days it adds and changes, so that
// `git log --oneline` reads as the archive's diary, and a body listing the papers it adds. The
// nightly's revisited days (fetched again for the history of votes) whose numbers only moved are
// named apart, "votes updated", from the days of its window. Pure: changes in, text out.
import type { LedgerStatus } from '../archive/index.ts';
import { type ContentChanges, type DayChange, papersAdded } from './changes.ts';

/** More dates than this are named as a span: "2026-06-15 … 2026-06-30 (12 days)". */
const DATES_NAMED = 4;
/** Papers listed in a body; a backfill's thousands are counted, not listed. */
const PAPERS_LISTED = 200;
const WIDTH = 72;

/** "2026-08-05, 2026-08-06", or the first and last of many. */
export function dateList(dates: readonly string[], named = DATES_NAMED): string {
  const sorted = [...dates].sort();
  if (sorted.length <= named) return sorted.join(', ');
  return `${sorted[0]} … ${sorted.at(-1)} (${sorted.length} days)`;
}

const LEDGER_WORDS: Record<LedgerStatus, string> = {
  ok: 'recorded',
  partial: 'recorded',
  'no-listing': 'no listing',
  failed: 'failed',
};

export type MessageOptions = {
  /** Days fetched again for their numbers (nightly --revisit): named apart when only those moved. */
  revisited?: readonly string[];
};

/** Each kind of change with its dates, in the order a reader wants them. */
function groups(changes: ContentChanges, { revisited = [] }: MessageOptions = {}): [words: string, dates: string[]][] {
  const again = new Set(revisited);
  const votes = (d: DayChange) => d.kind === 'updated' && d.numbersOnly === true && again.has(d.date);
  const of = (kind: DayChange['kind']) => changes.days.filter((d) => d.kind === kind && !votes(d)).map((d) => d.date);
  const ledger = (words: string) => changes.ledger.filter((l) => LEDGER_WORDS[l.status] === words).map((l) => l.date);
  const all: [string, string[]][] = [
    ['added', of('added')],
    ['updated', of('updated')],
    ['votes updated', changes.days.filter(votes).map((d) => d.date)],
    ['removed', of('removed')],
    ['no listing', ledger('no listing')],
    ['failed', ledger('failed')],
    ['recorded', ledger('recorded')],
  ];
  return all.filter(([, dates]) => dates.length > 0);
}

/** `2026-08-07 added; 2026-08-05, 2026-08-06 updated`; what the subject says after its heading. */
export function describeChanges(changes: ContentChanges, options: MessageOptions = {}): string {
  const parts = groups(changes, options).map(([words, dates]) => `${dateList(dates)} ${words}`);
  if (parts.length === 0 && changes.other.length > 0) return `${changes.other.length} other files changed`;
  return parts.join('; ');
}

function wrapList(head: string, items: readonly string[]): string[] {
  const lines: string[] = [];
  let line = head;
  for (const [i, item] of items.entries()) {
    const word = `${item}${i < items.length - 1 ? ',' : ''}`;
    if (line.length + 1 + word.length > WIDTH && line.trim() !== '') {
      lines.push(line);
      line = `  ${word}`;
    } else line = `${line} ${word}`;
  }
  return [...lines, line];
}

function shortTitle(title: string, max = 90): string {
  const chars = [...title];
  return chars.length > max
    ? `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
    : title;
}

/** The body: every kind of change with all its dates, then the papers added. */
export function commitBody(changes: ContentChanges, options: MessageOptions = {}): string {
  const lines: string[] = [];
  for (const [words, dates] of groups(changes, options)) {
    const head = `${words[0]!.toUpperCase()}${words.slice(1)} (${dates.length}):`;
    lines.push(...wrapList(head, [...dates].sort()));
  }
  if (changes.other.length > 0) lines.push(...wrapList(`Other files (${changes.other.length}):`, changes.other));
  const papers = papersAdded(changes);
  if (papers.length > 0) {
    lines.push('', `Papers added (${papers.length}):`);
    for (const p of papers.slice(0, PAPERS_LISTED)) lines.push(`- ${p.date} ${p.id} ${shortTitle(p.title)}`);
    if (papers.length > PAPERS_LISTED) lines.push(`- … and ${papers.length - PAPERS_LISTED} more`);
  }
  return lines.join('\n');
}

/**
 * `Daily Papers: 2026-08-07 added; 2026-08-05, 2026-08-06 updated; 2026-07-31 votes updated`,
 * then the body.
 */
export function nightlyCommitMessage(changes: ContentChanges, options: MessageOptions = {}): string {
  return `Daily Papers: ${describeChanges(changes, options)}\n\n${commitBody(changes, options)}\n`;
}

/** `Daily Papers backfill 2026-06-15 … 2026-08-07: 39 days added, 2 no listing`, then the body. */
export function backfillCommitMessage(changes: ContentChanges, range: { from: string; to: string }): string {
  const counts = groups(changes).map(([words, dates]) =>
    words === 'added' || words === 'updated' || words === 'removed'
      ? `${dates.length} day${dates.length === 1 ? '' : 's'} ${words}`
      : `${dates.length} ${words}`,
  );
  if (counts.length === 0 && changes.other.length > 0) counts.push(`${changes.other.length} other files changed`);
  const span = range.from === range.to ? range.from : `${range.from} … ${range.to}`;
  return `Daily Papers backfill ${span}: ${counts.join(', ')}\n\n${commitBody(changes)}\n`;
}
