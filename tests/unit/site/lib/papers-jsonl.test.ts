// The JSON Lines files of the archive's papers (site/lib/papers-jsonl.ts): a line per paper, the
// archive's record with its keys in the schema's order and the days that featured it; a paper in
// the year of its first day; any text back as it was through JSON.parse, one line whatever it holds.
import { describe, expect, test } from 'vitest';
import { type Day, type Paper, PaperSchema } from '../../../../scraper/archive/index.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';
import { buildArchiveIndex } from '../../../../site/lib/archive-index.ts';
import { dataYears, paperLine, papersJsonl, papersOfYear } from '../../../../site/lib/papers-jsonl.ts';

const paper = (id: string, extra: Partial<Paper> = {}): Paper => paperRecord(id, extra);
const lines = (text: string): unknown[] =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));

describe('a line', () => {
  test("the record's keys in the schema's order, then where it was featured; the newest record's counts", () => {
    const index = buildArchiveIndex([
      dayRecord('2026-07-30', [paper('2607.00001', { upvotes: 3 })]),
      dayRecord('2026-07-31', [
        paper('2607.00009'),
        paper('2607.00001', { upvotes: 12, comments: 2, organization: { name: 'Org', handle: 'org' } }),
      ]),
    ]);
    const line = paperLine(index.papers.get('2607.00001')!);
    const object = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(object)).toEqual([...Object.keys(PaperSchema.shape), 'featured', 'firstDay']);
    expect(object).toMatchObject({
      rank: 2,
      upvotes: 12,
      comments: 2,
      featured: [
        { date: '2026-07-30', rank: 1 },
        { date: '2026-07-31', rank: 2 },
      ],
      firstDay: '2026-07-30',
    });
    // The nested account too, whatever order the record held it in.
    expect(line).toContain('"organization":{"handle":"org","name":"Org"}');
    // Every record field as the archive holds it.
    const { featured: _f, firstDay: _d, ...record } = object;
    expect(PaperSchema.parse(record)).toEqual(index.papers.get('2607.00001')!.paper);
  });

  test('hostile text: one line, and JSON.parse gives it back exactly', () => {
    const title = 'A \u2028 line\u2029 separator, NEL \u0085, "quotes", </script> & \\ backslash 🚀 ‮rtl';
    const abstract = 'Two\n\nparagraphs\twith a tab, a lone \ud800 surrogate, and {"json": [1]}';
    const index = buildArchiveIndex([
      dayRecord('2026-07-30', [paper('2607.00001', { title, abstract, authors: ['Zoë "Z" Ünal', '李华', 'a\\b'] })]),
    ]);
    const line = paperLine(index.papers.get('2607.00001')!);
    expect(line).not.toMatch(/[\n\r\u0085\u2028\u2029]/);
    expect(line).toContain('\\u2028');
    const back = JSON.parse(line) as Paper;
    expect(back.title).toBe(title);
    expect(back.abstract).toBe(abstract);
    expect(back.authors).toEqual(['Zoë "Z" Ünal', '李华', 'a\\b']);
    // Python's str.splitlines() splits at these too: none is raw in the file.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the line breaks Python knows are the point
    expect(papersJsonl(index, '2026').split(/\r\n|[\n\r\v\f\u001c-\u001e\u0085\u2028\u2029]/)).toHaveLength(2);
  });
});

describe('the years', () => {
  const days: Day[] = [
    dayRecord('2025-12-31', [paper('2512.00002'), paper('2512.00001')]),
    dayRecord('2026-01-01', [paper('2601.00001'), paper('2512.00002', { upvotes: 40 })]),
    dayRecord('2026-01-02', [paper('2601.00003'), paper('2601.00002')]),
  ];
  const index = buildArchiveIndex(days);

  test('a paper is in the year of its first day, once, split at 1 January', () => {
    expect(dataYears(index)).toEqual(['2025', '2026']);
    expect(papersOfYear(index, '2025').map((e) => e.id)).toEqual(['2512.00002', '2512.00001']);
    expect(papersOfYear(index, '2026').map((e) => e.id)).toEqual(['2601.00001', '2601.00003', '2601.00002']);
  });

  test('by first day, then the rank that day; each line ended by a newline; a year of nothing is empty', () => {
    const text = papersJsonl(index, '2025');
    expect(text.endsWith('}\n')).toBe(true);
    const objects = lines(text) as { id: string; upvotes: number; firstDay: string; featured: unknown[] }[];
    expect(objects.map((o) => [o.id, o.firstDay])).toEqual([
      ['2512.00002', '2025-12-31'],
      ['2512.00001', '2025-12-31'],
    ]);
    // Featured again in 2026: still in 2025's file, with its newest counts and both days.
    expect(objects[0]).toMatchObject({ upvotes: 40, featured: [{ date: '2025-12-31' }, { date: '2026-01-01' }] });
    expect(papersJsonl(index, '2024')).toBe('');
  });

  test('the same archive read in another order gives the same bytes', () => {
    const again = buildArchiveIndex([...days].reverse());
    expect(papersJsonl(again, '2026')).toBe(papersJsonl(index, '2026'));
  });
});
