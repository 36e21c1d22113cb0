// Best match and the fixed keys every order ends with (site/lib/search-rank.ts): relevance first
// (a word in the title over one in the body, a rare word over a common one), damped votes and,
// for broad searches, recency blended in; ties by upvotes, then date, then id.
import { describe, expect, test } from 'vitest';
import { FIELD, type Posting } from '../../../../site/lib/search-index-format.ts';
import { arrange, BLEND, bestMatch, type RankInput, textScore } from '../../../../site/lib/search-rank.ts';
import { decodeTable, encodeTable, type TableRow } from '../../../../site/lib/search-table.ts';

const row = (day: string, upvotes: number, length = 150): TableRow => ({
  day,
  upvotes,
  code: false,
  organization: 0,
  length,
});

function input(rows: TableRow[], words: Posting[][], papers = 1000): RankInput {
  return {
    words: words.map((postings) => ({ byPaper: new Map(postings.map((p) => [p.paper, p])), papers: postings.length })),
    table: decodeTable(encodeTable(rows)),
    papers,
    meanLength: 150,
    newest: rows.at(-1)!.day,
  };
}

describe('relevance', () => {
  const rows = [row('2026-01-01', 0), row('2026-01-01', 0), row('2026-01-01', 0), row('2026-01-01', 0)];
  test('a word in the title counts more than in the body; more words more than fewer', () => {
    const video = [
      { paper: 0, fields: FIELD.title | FIELD.body, count: 1 },
      { paper: 1, fields: FIELD.body, count: 1 },
      { paper: 2, fields: FIELD.body, count: 1 },
    ];
    const generation = [{ paper: 2, fields: FIELD.body, count: 1 }];
    const given = input(rows, [video, generation]);
    expect(textScore(0, given)).toBeGreaterThan(textScore(1, given));
    expect(textScore(2, given)).toBeGreaterThan(textScore(1, given));
    expect(textScore(3, given)).toBe(0);
  });

  test('a rare word weighs more than a common one', () => {
    const rare = [{ paper: 0, fields: FIELD.body, count: 1 }];
    const common = Array.from({ length: 900 }, (_, i) => ({ paper: i, fields: FIELD.body, count: 1 }));
    const given = input([...rows, ...Array.from({ length: 900 }, () => row('2026-01-02', 0))], [rare, common]);
    expect(textScore(0, given)).toBeGreaterThan(2 * textScore(1, given));
  });
});

describe('the blend and the order', () => {
  test('votes, damped, lift a paper among those alike; they never make a weaker match win by much', () => {
    const rows = [row('2026-01-01', 0), row('2026-01-01', 300), row('2026-01-01', 3000)];
    const postings = rows.map((_, i) => ({ paper: i, fields: FIELD.body, count: 1 }));
    const scores = bestMatch([0, 1, 2], input(rows, [postings]));
    expect(scores.get(1)!).toBeGreaterThan(scores.get(0)!);
    // Past the votes at which the term is full, more make no difference.
    expect(scores.get(2)).toBe(scores.get(1));
    expect(scores.get(1)! / scores.get(0)!).toBeCloseTo(1 + BLEND.upvotes, 5);
  });

  test('recency counts when a search is broad, from the archive’s newest day', () => {
    const many = Array.from({ length: BLEND.broad }, (_, i) => row(i < 50 ? '2024-01-01' : '2026-01-01', 10));
    const postings = many.map((_, i) => ({ paper: i, fields: FIELD.body, count: 1 }));
    const broad = bestMatch(
      many.map((_, i) => i),
      input(many, [postings]),
    );
    expect(broad.get(99)!).toBeGreaterThan(broad.get(0)!);
    const narrow = bestMatch([0, 99], input(many, [postings]));
    expect(narrow.get(99)).toBe(narrow.get(0));
  });

  test('ties by upvotes, then the newer, then the lower id; each sort ends on the same keys', () => {
    // In the table's order: by day, then id.
    const rows = [row('2026-01-01', 5), row('2026-01-01', 5), row('2026-01-02', 5), row('2026-01-02', 9)];
    const { table } = input(rows, []);
    const same = new Map([0, 1, 2, 3].map((i) => [i, 1]));
    expect(arrange([0, 1, 2, 3], 'best', table, same)).toEqual([3, 2, 0, 1]);
    expect(arrange([0, 1, 2, 3], 'upvotes', table)).toEqual([3, 2, 0, 1]);
    expect(arrange([3, 1, 2, 0], 'newest', table)).toEqual([2, 3, 0, 1]);
    expect(arrange([3, 1, 2, 0], 'oldest', table)).toEqual([0, 1, 2, 3]);
  });
});
