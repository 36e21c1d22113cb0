// The history of votes as the site shows it (site/lib/vote-history.ts): a paper's points from
// every day that featured it, the chart's shape and words, and /rising/ counted back from the
// archive's newest day and fetch, so that a copy built later reads the same.
import { expect, test } from 'vitest';
import type { HistoryEntry } from '../../../../scraper/archive/index.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';
import { buildArchiveIndex } from '../../../../site/lib/archive-index.ts';
import {
  heldAt,
  milestones,
  paperVotes,
  recentTop,
  rising,
  voteChart,
  votesAt,
} from '../../../../site/lib/vote-history.ts';

const at = (date: string, hour = 1) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const seen = (id: string, when: string, upvotes: number): HistoryEntry => ({
  id,
  at: when,
  upvotes,
  comments: 0,
  githubStars: null,
});

function archive() {
  const day = (date: string, papers: [string, number][]) => ({
    ...dayRecord(
      date,
      papers.map(([id, upvotes], i) => ({ ...paperRecord(id, { upvotes }), rank: i + 1 })),
    ),
    fetchedAt: at('2026-08-10'),
  });
  const days = [
    day('2026-07-20', [['2607.00001', 90]]),
    day('2026-08-03', [
      ['2608.00001', 30],
      ['2608.00002', 50],
    ]),
    day('2026-08-07', [
      ['2608.00003', 12],
      ['2608.00001', 30], // featured again
    ]),
  ];
  const histories = new Map<string, HistoryEntry[]>([
    [
      '2026-08-03',
      [
        seen('2608.00001', at('2026-08-04'), 2),
        seen('2608.00002', at('2026-08-04'), 20),
        seen('2608.00001', at('2026-08-05'), 10),
        seen('2608.00002', at('2026-08-06'), 48),
        seen('2608.00002', at('2026-08-10'), 50),
      ],
    ],
    [
      '2026-08-07',
      [
        seen('2608.00003', at('2026-08-08'), 5),
        seen('2608.00001', at('2026-08-08'), 25),
        seen('2608.00003', at('2026-08-10'), 12),
        seen('2608.00001', at('2026-08-10'), 30),
      ],
    ],
  ]);
  return { index: buildArchiveIndex(days), histories };
}

test("a paper's points: every day that featured it, one a change; its one count without a history", () => {
  const { index, histories } = archive();
  const twice = index.papers.get('2608.00001')!;
  expect(paperVotes(twice, histories, heldAt(index, twice))).toEqual([
    { at: at('2026-08-04'), upvotes: 2 },
    { at: at('2026-08-05'), upvotes: 10 },
    { at: at('2026-08-08'), upvotes: 25 },
    { at: at('2026-08-10'), upvotes: 30 },
  ]);
  const old = index.papers.get('2607.00001')!;
  expect(paperVotes(old, histories, heldAt(index, old))).toEqual([{ at: at('2026-08-10'), upvotes: 90 }]);
  const points = paperVotes(twice, histories, '');
  expect(votesAt(points, at('2026-08-03'))).toBeNull();
  expect(votesAt(points, at('2026-08-07'))).toBe(10);
});

test('the chart: a step line through each fetch, a week at least, and its words', () => {
  const points = [
    { at: at('2026-08-04'), upvotes: 2 },
    { at: at('2026-08-05'), upvotes: 10 },
    { at: at('2026-08-13'), upvotes: 30 },
  ];
  const chart = voteChart(points, '2026-08-03', { width: 106, height: 56, pad: 3 });
  expect(chart.days).toBe(10);
  expect(chart.max).toBe(30);
  expect(chart.dots).toHaveLength(3);
  expect(chart.dots.at(-1)).toEqual({ x: 103, y: 3 });
  expect(chart.line).toMatch(/^M[\d.]+ [\d.]+ H[\d.]+ V[\d.]+ H[\d.]+ V3$/);
  expect(milestones(points, '2026-08-03')).toEqual({ first: points[0], week: 10, last: points[2] });
  // Not yet a week old: no count "a week after".
  expect(milestones(points.slice(0, 2), '2026-08-03').week).toBeNull();
  expect(voteChart(points.slice(0, 2), '2026-08-03').days).toBe(7);
});

test('rising: the last 14 days by votes gained in the 3 days before the newest fetch; the same whenever built', () => {
  const { index, histories } = archive();
  const r = rising(index, histories);
  expect([r.from, r.to, r.at]).toEqual(['2026-07-25', '2026-08-07', at('2026-08-10')]);
  // Since 08-07 01:00: 2608.00003 from nothing to 12, 2608.00001 10 → 30, 2608.00002 48 → 50;
  // 2607.00001 is older than the 14 days.
  expect(r.risers.map((x) => [x.entry.id, x.before, x.now, x.gained])).toEqual([
    ['2608.00001', 10, 30, 20],
    ['2608.00003', 0, 12, 12],
    ['2608.00002', 48, 50, 2],
  ]);
  expect(recentTop(index, 7).map((e) => e.id)).toEqual(['2608.00002', '2608.00001', '2608.00003']);
  expect(recentTop(index, 30).map((e) => e.id)).toEqual(['2607.00001', '2608.00002', '2608.00001', '2608.00003']);
  expect(rising(buildArchiveIndex([]), new Map())).toEqual({ risers: [], from: '', to: '', at: null });
});
