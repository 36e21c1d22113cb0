// The citation files every export writes (site/lib/cite-formats.ts) and the reading list reads
// back (site/lib/cite-read.ts): each format parsed by a real reader, citation.js (Zotero's and
// Pandoc's format readers in JavaScript), and compared with the records field by field: author
// order, title, year, arXiv id and URL; papers of 30+ authors and TeX's special characters in.
// Then written and read back exactly (fast-check over hostile text), and bad files refused whole.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { arxivAbsUrl, arxivPdfUrl } from '../../../../scraper/archive/index.ts';
import {
  arxivAbs,
  arxivPdf,
  CITE_FORMATS,
  type CiteFormat,
  type CiteRecord,
  formatCitations,
  line,
} from '../../../../site/lib/cite-formats.ts';
import { CiteReadError, readCitations } from '../../../../site/lib/cite-read.ts';
import { rememberEntries } from '../../../../site/lib/site-files.ts';
import { nameOf, readCitationFile } from '../../../helpers/citation.ts';

const FORMATS = CITE_FORMATS.map((f) => f.format);

const many = Array.from({ length: 35 }, (_, i) => `Author${String.fromCharCode(65 + (i % 26))} Number${i + 1}`);

const RECORDS: CiteRecord[] = [
  {
    id: '2501.01234',
    title: 'Loss $\\ell_1$ & 50% {gains} #1 ~x^2 back\\slash: an_underscore',
    authors: ['Émile Zoë', 'Ann Lee Jr.', 'Jan van der Berg', '李华', 'José María Pérez-Ortiz'],
    year: '2025',
    date: '2025-01-03',
  },
  { id: '2608.05987', title: 'Thirty-five authors, in order', authors: many, year: '2026', date: null },
  { id: '2312.00001', title: 'No authors listed', authors: [], year: '2023', date: '2023-12-01' },
];

describe('citation files read by citation.js', () => {
  test.each(FORMATS)('%s: every record, field by field', async (format) => {
    const items = await readCitationFile(formatCitations(format, RECORDS));
    expect(items).toHaveLength(RECORDS.length);
    items.forEach((item, i) => {
      const r = RECORDS[i]!;
      expect(item.title).toBe(r.title);
      expect((item.author ?? []).map(nameOf)).toEqual(r.authors);
      expect(String(item.issued?.['date-parts']?.[0]?.[0])).toBe(r.year);
      expect(item.URL).toBe(arxivAbsUrl(r.id));
      // The arXiv id: BibTeX's eprint becomes the URL and key only; RIS and CSL-JSON also carry the DOI.
      if (format !== 'bibtex') expect(item.DOI).toBe(`10.48550/arXiv.${r.id}`);
    });
  });

  test("the URLs are the archive core's", () => {
    expect(arxivAbs('2501.01234')).toBe(arxivAbsUrl('2501.01234'));
    expect(arxivPdf('2501.01234')).toBe(arxivPdfUrl('2501.01234'));
  });

  test('a BibTeX file keeps its keys unique, the first as the paper page has it', () => {
    const same = { ...RECORDS[0]!, id: '2501.09999' };
    const text = formatCitations('bibtex', [RECORDS[0]!, same, same]);
    expect([...text.matchAll(/^@misc\{([^,]+),/gm)].map((m) => m[1])).toEqual([
      'zoe2025loss',
      'zoe2025lossb',
      'zoe2025lossc',
    ]);
  });
});

/** Names as the archive holds them: single-spaced words; no comma, which RIS's "Family, Given" cannot keep. */
const word = fc.stringMatching(/^[A-Za-zÀ-ÿ李华\\{}$&%#_^~@'.-]{1,8}$/);
const name = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const record: fc.Arbitrary<CiteRecord> = fc
  .record({
    id: fc.stringMatching(/^\d{4}\.\d{5}$/),
    title: fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }).filter((t) => line(t) !== ''),
    authors: fc.array(name, { maxLength: 40 }),
    year: fc.constantFrom('2023', '2024', '2025'),
    date: fc.constantFrom(null, '2024-02-29', '2025-12-31'),
  })
  // A record's year is its day's, when it has one (cite-formats.ts citeRecord).
  .map((r) => ({ ...r, year: r.date?.slice(0, 4) ?? r.year }));

describe('read back what was written', () => {
  test.each(FORMATS)('%s: the same records, exactly', (format: CiteFormat) => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 5 }), (records) => {
        const back = readCitations(formatCitations(format, records));
        // BibTeX has no field for the day: its year is kept.
        const expected = records.map((r) => ({
          ...r,
          title: line(r.title),
          date: format === 'bibtex' ? null : r.date,
        }));
        expect(back).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  test.each(FORMATS)('%s: with a memo, file after file, the same files as without', (format: CiteFormat) => {
    fc.assert(
      fc.property(fc.uniqueArray(record, { selector: (r) => r.id, minLength: 1, maxLength: 8 }), (papers) => {
        // Files that share papers, in other orders, as a day's, a week's and a month's do.
        const files = [papers, [...papers].reverse(), papers.filter((_, i) => i % 2 === 0), [...papers, ...papers]];
        const memo = rememberEntries();
        for (const records of files)
          expect(formatCitations(format, records, memo)).toBe(formatCitations(format, records));
      }),
      { numRuns: 100 },
    );
  });

  test('a name with a comma stays whole in BibTeX and CSL-JSON', () => {
    const r: CiteRecord = { ...RECORDS[0]!, authors: ['Smith, John', 'Brand and Co'] };
    for (const format of ['bibtex', 'csl-json'] as const) {
      expect(readCitations(formatCitations(format, [r]))[0]!.authors).toEqual(r.authors);
    }
  });

  test('abstracts and keywords are written into RIS for reference managers (the paper page)', () => {
    const r: CiteRecord = { ...RECORDS[0]!, abstract: 'Two\nlines.', keywords: ['graphs', 'LLM'] };
    expect(formatCitations('ris', [r])).toContain('AB  - Two lines.\r\nKW  - graphs\r\nKW  - LLM\r\n');
    expect(formatCitations('csl-json', [r])).not.toContain('Two lines.');
  });
});

describe('files that are not a list the site wrote', () => {
  const refused: [string, string, RegExp][] = [
    ['empty', '', /not a BibTeX, RIS or CSL-JSON file/],
    ['HTML', '<script>alert(1)</script>', /not a BibTeX, RIS or CSL-JSON file/],
    ['broken JSON', '[{"id": "2501.01234",', /not valid JSON/],
    ['a JSON object', '[1]', /record 1: not an object/],
    ['a bad id', '[{"id": "../../etc", "title": "x"}]', /record 1: no arXiv id/],
    ['no title', '[{"id": "2501.01234"}]', /record 1 \(2501\.01234\): no title/],
    ['an empty list', '[]', /holds no papers/],
    ['RIS without its end', 'TY  - UNPB\r\nTI  - x\r\nAN  - arXiv:2501.01234\r\n', /no "ER" line/],
    ['RIS with a stray line', 'TY  - UNPB\r\nhello\r\nER  - \r\n', /not "TAG {2}- value"/],
    ['BibTeX unclosed', '@misc{k, title = {{x}', /never closed/],
    ['BibTeX of another paper', '@misc{k, title = {x}, eprint = {hep-th/9901001}}', /record 1: no arXiv id/],
  ];
  test.each(refused)('%s', (_, text, message) => {
    expect(() => readCitations(text)).toThrow(CiteReadError);
    expect(() => readCitations(text)).toThrow(message);
  });

  test('one bad record refuses the whole file', () => {
    const good = formatCitations('csl-json', [RECORDS[0]!]);
    const end = good.lastIndexOf(']');
    const bad = `${good.slice(0, end)}, {"id": "x"}]`;
    expect(() => readCitations(bad)).toThrow(/record 2/);
  });
});
