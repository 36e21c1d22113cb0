// The page keys of the JSON Lines files (site/data/page-keys-bulk.ts): a year's file moves with
// any field of its papers, and only its year's; the citation files, written every build
// (site/lib/site-files.ts), have none. And the order a week's or month's citation file lists.
import { describe, expect, test } from 'vitest';
import type { Day, Ledger, Paper } from '../../../../scraper/archive/index.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';
import { pageKeys } from '../../../../site/data/page-keys.ts';
import { buildArchiveIndex } from '../../../../site/lib/archive-index.ts';
import { periodPapers } from '../../../../site/lib/bulk-cite.ts';
import { buildCalendar } from '../../../../site/lib/calendar.ts';

const paper = (id: string, extra: Partial<Paper> = {}): Paper => paperRecord(id, extra);
const ARCHIVE: Day[] = [
  dayRecord('2025-12-31', [paper('2512.00001')]),
  dayRecord('2026-07-30', [paper('2607.00001', { upvotes: 5 }), paper('2607.00002', { upvotes: 50 })]),
  dayRecord('2026-07-31', [paper('2607.00003')]),
  dayRecord('2026-08-03', [paper('2608.00001'), paper('2607.00002', { upvotes: 60 })]),
];
const BULK = /\.(bib|ris|csl\.json|jsonl)$/;

function keysOf(days: Day[]): Map<string, string> {
  const ledger: Ledger = { format: 1, days: {} };
  const index = buildArchiveIndex(days);
  const held = index.days.map((d) => ({ date: d.date, status: d.status, papers: d.papers.length }));
  const keys = pageKeys(index, { ledger, calendar: buildCalendar(held, ledger) });
  return new Map([...keys].filter(([p]) => BULK.test(p)));
}
const changed = (a: Map<string, string>, b: Map<string, string>): string[] =>
  [...new Set([...a.keys(), ...b.keys()])].filter((p) => a.get(p) !== b.get(p)).sort();
const edit = (date: string, id: string, change: Partial<Paper>): Day[] =>
  ARCHIVE.map((d) =>
    d.date === date ? { ...d, papers: d.papers.map((p) => (p.id === id ? { ...p, ...change } : p)) } : d,
  );

test('every year has its JSON Lines file; the citation files, not pages, no key', () => {
  expect([...keysOf(ARCHIVE).keys()].sort()).toEqual(['/data/papers-2025.jsonl', '/data/papers-2026.jsonl']);
});

test('a week or month lists its papers by the day first featured in it, then rank: not by upvotes', () => {
  const index = buildArchiveIndex(ARCHIVE);
  expect(periodPapers(index, 'month', '2026-07').map((p) => p.id)).toEqual(['2607.00001', '2607.00002', '2607.00003']);
  // 2607.00002 is in August's file as of its day there.
  expect(periodPapers(index, 'month', '2026-08').map((p) => p.id)).toEqual(['2608.00001', '2607.00002']);
  expect(periodPapers(index, 'week', '2026-W32').map((p) => p.id)).toEqual(['2608.00001', '2607.00002']);
  // A day in its listing's order, each paper's newest record (the paper page's citation).
  expect(periodPapers(index, 'day', '2026-07-30').map((p) => [p.id, p.upvotes])).toEqual([
    ['2607.00001', 5],
    ['2607.00002', 60],
  ]);
});

describe('the JSON Lines files', () => {
  test('votes, an abstract: the year', () => {
    expect(changed(keysOf(ARCHIVE), keysOf(edit('2026-08-03', '2607.00002', { upvotes: 99 })))).toEqual([
      '/data/papers-2026.jsonl',
    ]);
    expect(changed(keysOf(ARCHIVE), keysOf(edit('2026-07-31', '2607.00003', { abstract: 'New.' })))).toEqual([
      '/data/papers-2026.jsonl',
    ]);
  });

  test('a paper of one year changed: that year only', () => {
    expect(changed(keysOf(ARCHIVE), keysOf(edit('2025-12-31', '2512.00001', { comments: 4 })))).toEqual([
      '/data/papers-2025.jsonl',
    ]);
  });

  test('a paper that an older day comes to feature first moves from one year to the other', () => {
    const older = [dayRecord('2025-11-03', [paper('2607.00003')]), ...ARCHIVE];
    expect(changed(keysOf(ARCHIVE), keysOf(older))).toEqual(
      expect.arrayContaining(['/data/papers-2025.jsonl', '/data/papers-2026.jsonl']),
    );
  });
});
