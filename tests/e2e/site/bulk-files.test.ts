// The fixture site's bulk files, read as their users read them: every day's, week's and month's
// BibTeX, RIS and CSL-JSON file parsed by a real citation parser (citation-js) and compared,
// paper by paper, with the archive (author order, title, year, arXiv id and URL; the paper of 50
// authors and the hostile day's TeX specials and markup among them); the links to them on the
// day, week and month pages; each year's JSON Lines read back to the archive's records; and every
// link of /llms.txt a file of the build. No browser: the files are the build's. (The search's
// export, made in the page: search-export.test.ts.)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, inject, test } from 'vitest';
import { isoWeek, type Paper, PaperSchema } from '../../../scraper/archive/index.ts';
import { buildArchiveIndex, type PaperEntry } from '../../../site/lib/archive-index.ts';
import { type CslItem, readCitationFile, sameName, texDashes } from '../../helpers/citation.ts';
import { FIXTURE_DATES, TEST_BASE, TEST_SITE_URL } from './fixture.ts';
import { fixtureDay } from './site-helpers.ts';

const { dist } = inject('fixtureSite');
const index = buildArchiveIndex(FIXTURE_DATES.map((d) => fixtureDay(d)));
const read = (rel: string): string => readFileSync(path.join(dist, rel), 'utf8');

/** The papers a period's file cites, as the archive has them: first featured in it, then by rank. */
function expectedPapers(inPeriod: (date: string) => boolean): Paper[] {
  const first = new Map<string, [string, number]>();
  for (const day of index.days.filter((d) => inPeriod(d.date)))
    for (const p of day.papers) if (!first.has(p.id)) first.set(p.id, [day.date, p.rank]);
  return [...first]
    .sort(([a, [da, ra]], [b, [db, rb]]) => da.localeCompare(db) || ra - rb || a.localeCompare(b))
    .map(([id]) => (index.papers.get(id) as PaperEntry).paper);
}

function compare(items: CslItem[], papers: Paper[], format: string, where: string): void {
  expect(items.map((i) => i.URL)).toEqual(papers.map((p) => `https://arxiv.org/abs/${p.id}`));
  for (const [k, item] of items.entries()) {
    const paper = papers[k]!;
    const at = `${where} ${format} ${paper.id}`;
    expect(item.title, at).toBe(format === 'bib' ? texDashes(paper.title) : paper.title);
    expect(item.author?.length, at).toBe(paper.authors.length);
    for (const [a, written] of paper.authors.entries()) {
      const name = format === 'bib' ? texDashes(written) : written;
      expect(
        sameName(item.author![a]!, name),
        `${at} author ${a + 1}: ${name} read as ${JSON.stringify(item.author![a])}`,
      ).toBe(true);
    }
    expect(item.issued?.['date-parts']?.[0]?.[0], at).toBe(Number(paper.publishedAt!.slice(0, 4)));
    if (format !== 'bib') {
      expect(item.DOI, at).toBe(`10.48550/arXiv.${paper.id}`);
      expect(item.issued?.['date-parts']?.[0], at).toEqual(paper.publishedAt!.slice(0, 10).split('-').map(Number));
    }
  }
}

const PERIODS = [
  ...index.days.map((d) => ({ file: `days/${d.date}`, inPeriod: (x: string) => x === d.date })),
  ...index.weekKeys.map((w) => ({ file: `weeks/${w}`, inPeriod: (x: string) => isoWeek(x) === w })),
  ...index.monthKeys.map((m) => ({ file: `months/${m}`, inPeriod: (x: string) => x.startsWith(`${m}-`) })),
];

describe('every citation file, parsed by citation-js', () => {
  test.each(PERIODS)('$file', async ({ file, inPeriod }) => {
    const papers = expectedPapers(inPeriod);
    expect(papers.length).toBeGreaterThan(0);
    for (const ext of ['bib', 'ris', 'csl.json']) {
      const text = read(`${file}.${ext}`);
      compare(await readCitationFile(text), papers, ext, file);
      // The arXiv id, as each format names it besides the URL.
      for (const p of papers)
        expect(text).toContain(
          ext === 'bib' ? `eprint = {${p.id}}` : ext === 'ris' ? `AN  - arXiv:${p.id}` : `{"id":"${p.id}"`,
        );
    }
  });

  test('the fixture holds what the files must survive: 50 authors, TeX specials, markup', () => {
    const cited = PERIODS.flatMap((p) => expectedPapers(p.inPeriod));
    expect(cited.some((p) => p.authors.length === 50)).toBe(true);
    expect(cited.some((p) => /[\\{}$&%#_^~]/.test(p.title))).toBe(true);
    expect(cited.some((p) => p.authors.some((a) => /[\\{}$&%#_^~]/.test(a)))).toBe(true);
  });
});

describe('the links to them on the day, week and month pages', () => {
  const day = index.days[0]!;
  const [week, month] = [index.weekKeys[0]!, index.monthKeys[0]!];
  const pages = [
    { stem: `days/${day.date}`, count: day.papers.length },
    { stem: `weeks/${week}`, count: index.weeks.get(week)!.length },
    { stem: `months/${month}`, count: index.months.get(month)!.length },
  ];
  test.each(pages)('$stem', ({ stem, count }) => {
    const $ = load(read(`${stem}/index.html`));
    const links = $('.cite-files a[download]');
    expect(links.map((_, a) => $(a).attr('href')).get()).toEqual(
      ['.bib', '.ris', '.csl.json'].map((ext) => `${TEST_BASE}${stem}${ext}`),
    );
    links.each((_, a) => {
      const href = $(a).attr('href')!;
      expect(existsSync(path.join(dist, href.slice(TEST_BASE.length)))).toBe(true);
      expect($(a).attr('download')).toBe(`daily-papers-${path.basename(stem)}${href.slice(href.indexOf('.'))}`);
      // Named in full for a screen reader: the format, then what it holds.
      expect($(a).text()).toMatch(new RegExp(`^(BibTeX|RIS|CSL-JSON) file of these ${count} papers$`));
    });
    expect($('.cite-files').text()).toMatch(
      new RegExp(`^Cite these ${count} papers: BibTeX.* · RIS.* · CSL-JSON.*\\.$`),
    );
  });
});

test('each year’s JSON Lines file reads back to the archive: every paper, its record, its days', () => {
  const years = [...new Set([...index.papers.values()].map((e) => e.firstDate.slice(0, 4)))];
  const seen: string[] = [];
  for (const year of years) {
    const text = read(`data/papers-${year}.jsonl`);
    expect(text.endsWith('\n')).toBe(true);
    let last: [string, number] = ['', 0];
    for (const line of text.slice(0, -1).split('\n')) {
      const { featured, firstDay, ...record } = JSON.parse(line) as Paper & { featured: unknown; firstDay: string };
      const entry = index.papers.get(record.id)!;
      expect(PaperSchema.parse(record)).toEqual(entry.paper);
      expect(Object.keys(record)).toEqual(Object.keys(PaperSchema.shape));
      expect(featured).toEqual(entry.featured);
      expect(firstDay).toBe(entry.firstDate);
      // By first day, then the rank that day.
      const [day, rank] = last;
      expect(firstDay > day || (firstDay === day && entry.featured[0]!.rank > rank), record.id).toBe(true);
      last = [firstDay, entry.featured[0]!.rank];
      seen.push(record.id);
    }
  }
  expect(seen.sort()).toEqual([...index.papers.keys()].sort());
});

test('every link of /llms.txt is a file of the build', () => {
  const text = read('llms.txt');
  const urls = [...text.matchAll(/\]\((\S+?)\)/g)].map((m) => m[1]!);
  expect(urls.length).toBeGreaterThan(20);
  const missing = urls.filter((url) => {
    expect(url.startsWith(`${TEST_SITE_URL}${TEST_BASE}`), url).toBe(true);
    const rel = decodeURI(new URL(url).pathname).slice(TEST_BASE.length);
    return !existsSync(path.join(dist, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel));
  });
  expect(missing).toEqual([]);
});
