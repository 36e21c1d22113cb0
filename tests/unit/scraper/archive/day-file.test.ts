// Every string survives write → read, through the real writer and reader and through the
// front-matter parser Astro's content loader uses.
import { readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFilePath, parseDayFile, renderDayFile } from '../../../../scraper/archive/day-file.ts';
import { papersFromItems } from '../../../../scraper/archive/from-api.ts';
import { type Day, DaySchema } from '../../../../scraper/archive/schema.ts';
import { readDay, writeDay } from '../../../../scraper/archive/store.ts';
import { cleanText, oneLine, unwrapParagraphs } from '../../../../scraper/archive/text.ts';
import { ERA_DAYS, fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { dayRecord } from '../../../../scripts/fixtures/records.ts';
import { tempDir } from '../../../helpers/temp.ts';

const HOSTILE = [
  '---',
  '---\nkey: value\n---',
  '\n---\n',
  'key: value',
  ': leading colon',
  '"double" and \'single\' quotes',
  '# not a comment',
  'a # comment?',
  '{{ mustache }}',
  '{% raw %}',
  '<script>alert(1)</script>',
  '</h3><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '$\\alpha$ and $$\\sum_i x_i$$ and $100K',
  '&amp; &lt;think&gt; <think>',
  '😀👩‍👩‍👧 emoji',
  'مرحبا بالعالم \u200F right-to-left',
  'עברית',
  'null',
  '~',
  'true',
  '2026-08-07',
  '0x1F',
  '1e5',
  '- item',
  '? key',
  '| pipe',
  '> fold',
  '*alias',
  '&anchor',
  '!tag',
  '%directive',
  '@at',
  '`backtick`',
  '\t tab',
  'trailing space ',
  ' leading space',
  'line\nbreak',
  'para\n\npara',
  'nul\u0000byte',
  'bell\u0007',
  'cr\r\nlf',
  'lone \uD800 surrogate',
  '\uFEFFbom',
  '\u2028 line separator \u2029',
  '\uFFFE\uFFFF noncharacters',
  '\\ backslash \\n',
];

const anyText = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom(...HOSTILE, 'word', ' ', '\n'), { maxLength: 12 }).map((a) => a.join('')),
  },
);

/** A real item with every text field replaced by arbitrary text. */
function itemWith(texts: {
  title: string;
  summary: string;
  authors: string[];
  aiSummary: string;
  keywords: string[];
  org: string;
  submitter: string;
  link: string;
}) {
  const item = fixtureItems(ERA_DAYS.late2026)[0]!;
  item.paper.title = `T ${texts.title}`; // never empty: an empty title is a rejection, tested elsewhere
  item.paper.summary = texts.summary;
  item.paper.authors = texts.authors.map((name) => ({ name }));
  item.paper.ai_summary = texts.aiSummary;
  item.paper.ai_keywords = texts.keywords;
  item.paper.projectPage = texts.link;
  item.paper.githubRepo = texts.link;
  item.organization = { name: `o${texts.org}`, fullname: texts.org };
  item.submittedBy = { name: `s${texts.submitter}`, fullname: texts.submitter };
  return item;
}

function dayOf(items: unknown[], date = '2026-08-07'): Day {
  const { papers, rejected } = papersFromItems(items);
  expect(rejected).toEqual([]);
  return dayRecord(date, papers, { fetchedAt: '2026-08-08T01:02:03.000Z' });
}

const textsArb = fc.record({
  title: anyText,
  summary: anyText,
  authors: fc.array(anyText, { maxLength: 4 }),
  aiSummary: anyText,
  keywords: fc.array(anyText, { maxLength: 4 }),
  org: anyText,
  submitter: anyText,
  link: anyText,
});

describe('day files: every string survives write → read', () => {
  it('through the real writer and reader, and Astro reads the same data', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(textsArb, async (texts) => {
        const day = dayOf([itemWith(texts)]);
        const paper = day.papers[0]!;
        // The validation rule, as the text module states it: controls dropped, CR normalized,
        // lone surrogates replaced; titles, names and keywords on one line; abstracts unwrapped.
        expect(paper.title).toBe(oneLine(`T ${texts.title}`));
        expect(paper.abstract).toBe(unwrapParagraphs(texts.summary));
        expect(paper.authors).toEqual(texts.authors.map(oneLine).filter(Boolean));
        expect(paper.aiKeywords).toEqual(texts.keywords.map(oneLine).filter(Boolean));
        expect(paper.aiSummary).toBe(cleanText(texts.aiSummary).trim() || null);
        expect(paper.projectPage).toBe(cleanText(texts.link).trim() || null);

        const result = await writeDay(dir, day, { force: true });
        expect(['created', 'updated', 'unchanged']).toContain(result.action);
        const back = await readDay(dir, day.date);
        expect(back).toEqual(day);

        const text = readFileSync(dayFilePath(dir, day.date), 'utf8');
        const astro = DaySchema.parse(parseFrontmatter(text).frontmatter);
        expect(astro).toEqual(day);
      }),
      { numRuns: 100 },
    );
    // 100 writes and reads of a real file: seconds on a machine busy with the other tiers and
    // the checks (npm test runs them side by side). A bound for a hang, not a speed target.
  }, 30_000);

  it('keeps a 100 KB abstract and 500 authors whole', async () => {
    const dir = tempDir();
    const words = Array.from({ length: 17_000 }, (_, i) => `w${i}`).join(' ');
    const item = itemWith({
      title: 'long',
      summary: `${words}\n\n${words.slice(0, 1000)}`,
      authors: Array.from({ length: 500 }, (_, i) => `Author ${i}`),
      aiSummary: 'x',
      keywords: [],
      org: 'Org',
      submitter: 'Sub',
      link: 'https://example.org',
    });
    const day = dayOf([item]);
    expect(day.papers[0]!.abstract.length).toBeGreaterThan(100_000);
    await writeDay(dir, day);
    expect(await readDay(dir, day.date)).toEqual(day);
  });

  it('is deterministic: the same records give byte-identical files', () => {
    const items = fixtureItems(ERA_DAYS.cap2026);
    const a = renderDayFile(dayOf(items));
    const b = renderDayFile(dayOf(structuredClone(items)));
    expect(a).toBe(b);
    // Key order in the input does not matter either.
    const shuffled = dayOf(items);
    const reordered = {
      ...shuffled,
      papers: shuffled.papers.map((p) => Object.fromEntries(Object.entries(p).reverse())),
    };
    expect(renderDayFile(reordered as Day)).toBe(a);
  });

  it('writes the digest from the data, escaping what would be markup', () => {
    const item = itemWith({
      title: '<script>alert(1)</script> *x*',
      summary: '# heading?\n\n---',
      authors: ['<b>Bold</b>'],
      aiSummary: '',
      keywords: [],
      org: 'Org',
      submitter: 'Sub',
      link: 'javascript:alert(1)',
    });
    const text = renderDayFile(dayOf([item]));
    const body = text.slice(text.indexOf('\n---\n', 4) + 5);
    expect(body).toContain('# Daily Papers, 2026-08-07');
    // Markup in the data stays text: every "<" that would open a tag is escaped.
    expect(body).toContain('\\<script>');
    expect(body).not.toMatch(/(^|[^\\])<(script|b)>/m);
    expect(body).not.toContain('](javascript:');
    expect(body).not.toMatch(/^---$/m);
  });

  it('refuses to write a day the schema rejects, and the reader names the file and the field', () => {
    const day = dayOf(fixtureItems(ERA_DAYS.late2026).slice(0, 2));
    expect(() => renderDayFile({ ...day, date: '2026-02-30' })).toThrow(/date: must be a calendar date/);
    const text = renderDayFile(day).replace("id: '2608.05987'", "id: '../../x'");
    expect(() => parseDayFile(text, 'content/days/2026/2026-08-07.md')).toThrow(
      /content\/days\/2026\/2026-08-07\.md: papers\[0\]\.id: must be an arXiv id/,
    );
    expect(() => parseDayFile(renderDayFile(day), 'x/2026-08-06.md')).toThrow(/does not match the file name/);
    expect(() => parseDayFile('no front matter', 'f.md')).toThrow(/f\.md: has no front matter/);
    expect(() => parseDayFile('---\nformat: 2\n---\n', 'f.md')).toThrow(/format 2 is not 1/);
    expect(() => parseDayFile('---\na: [\n---\n', 'f.md')).toThrow(/f\.md: front matter is not valid YAML/);
  });
});
