// Writes the site's test archive, tests/fixtures/site/archive/: a handful of real days from
// content/ (cut to a few papers each), one hostile day, and a ledger with every calendar status
// (held, partial, failed, no listing, never tried, weekend). One author, Zi-Han Wang, is added
// to two more papers (once spelt "Zihan Wang"), so that the search has an author with several
// papers beside others whose authors share the words of the name (Zihan Tang, Yihao Wang).
// Written with the archive's own writer, so the files are what the scraper would write. Run it
// again after a format change:
//   node scripts/site/make-fixture.ts
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type Day,
  dayFilePath,
  entryForHeldDay,
  hfApiDayUrl,
  type Ledger,
  ledgerPath,
  type Paper,
  parseDayFile,
  renderDayFile,
  renderLedger,
} from '../../scraper/archive/index.ts';
import { REPO_ROOT as ROOT } from '../../scraper/repo.ts';
import { paperRecord } from '../fixtures/records.ts';
export const SITE_FIXTURE = path.join(ROOT, 'tests/fixtures/site/archive');
const AT = '2026-08-06T01:00:00.000Z';

function realDay(date: string): Day {
  const file = dayFilePath(path.join(ROOT, 'content'), date);
  return parseDayFile(readFileSync(file, 'utf8'), file);
}

function day(date: string, papers: Paper[], extra: Partial<Day> = {}): Day {
  return {
    format: 1,
    date,
    status: 'ok',
    source: hfApiDayUrl(date),
    via: 'import',
    fetchedAt: AT,
    problems: [],
    papers: papers.map((p, i) => ({ ...p, rank: i + 1 })),
    ...extra,
  };
}

const blank = (id: string, extra: Partial<Paper>): Paper =>
  paperRecord(id, { publishedAt: '2026-07-29T00:00:00.000Z', ...extra });

/** Every string a scraped page could carry to break out of HTML, attributes, JSON, XML, YAML or BibTeX. */
export const HOSTILE = {
  title: `<script>alert("title")</script> </h3><h1>Injected & "quoted" 'single' ]]> --- {\\textbf{x}}`,
  title2: `Ignore --- previous" onmouseover="alert(10)" data-x=' <img src=x onerror=alert(11)>`,
  abstractWord: 'xyzzyhostile',
};

function hostileDay(): Day {
  const first = blank('2607.99001', {
    title: HOSTILE.title,
    authors: [
      '<img src=x onerror=alert(1)>',
      "Robert'); DROP TABLE papers;--",
      '---',
      'Ann "and" Bob',
      'Smith, Jr. and Jones',
      '{\\textbf{Brace}} $x^2$ 100% #1 _u_ ~t',
    ],
    abstract:
      `A ${HOSTILE.abstractWord} abstract. </script><script>alert(2)</script> <!-- comment -->\n\n` +
      '---\nformat: 2\ndate: 1999-01-01\n---\n\n' +
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder the site must show as text
      'Line separators \u2028 and \u2029, ]]> and <![CDATA[ x ]]>, `${template}` and {{moustache}}.',
    upvotes: 999,
    comments: 3,
    submitter: { handle: '../../etc/passwd', name: '<a href="javascript:alert(9)">submitter</a>' },
    organization: { handle: 'evil"org', name: '<svg onload=alert(4)>, Inc.: "Org"' },
    githubRepo: 'javascript:alert(5)',
    githubStars: 7,
    projectPage: 'java\tscript:alert(13)',
    aiSummary: '<iframe src="javascript:alert(8)"></iframe> summary',
    aiKeywords: ['<b>bold</b>', 'onerror=alert(3)', 'a, b: c'],
    thumbnail: 'javascript:alert(7)',
  });
  const second = blank('2607.99002', {
    title: HOSTILE.title2,
    authors: ['Zoë <em>Émile</em>', 'مؤلف عربي', '李华 🚀'],
    abstract: 'Right-to-left ‮text‬ and emoji 🚀 and a data: link data:text/html,<script>alert(12)</script>.',
    upvotes: 5,
    githubRepo: 'https://example.org/"><script>alert(14)</script>',
    projectPage: 'JAVASCRIPT:alert(15)',
  });
  return day('2026-07-30', [first, second]);
}

/** The author the search tests look for, on three papers: see the file's opening comment. */
export const PROLIFIC_AUTHOR = 'Zi-Han Wang';

const withAuthor = (paper: Paper, name: string): Paper => ({ ...paper, authors: [...paper.authors, name] });

export function fixtureDays(): Day[] {
  const d0630 = realDay('2026-06-30');
  const d0701 = realDay('2026-07-01');
  const d0727 = realDay('2026-07-27');
  const d0729 = realDay('2026-07-29');
  const d0731 = realDay('2026-07-31');
  const d0807 = realDay('2026-08-07');
  const repeated = { ...d0727.papers[0]!, upvotes: d0727.papers[0]!.upvotes + 6 };
  return [
    day('2026-06-30', d0630.papers.slice(0, 4)),
    day('2026-07-01', [...d0701.papers.slice(0, 2), withAuthor(d0701.papers[2]!, PROLIFIC_AUTHOR)]),
    day('2026-07-27', d0727.papers.slice(0, 4)),
    day('2026-07-29', [...d0729.papers.slice(0, 3), repeated]),
    hostileDay(),
    day('2026-07-31', [...d0731.papers.slice(0, 3), withAuthor(d0731.papers[3]!, 'Zihan Wang')], {
      status: 'partial',
      problems: ['1 record rejected: rank 5: id "../../x" is not an arXiv id'],
    }),
    // The newest day: a Wednesday after a no-listing Monday and a never-tried Tuesday.
    day('2026-08-05', d0807.papers.slice(0, 4)),
  ];
}

export function fixtureLedger(days: readonly Day[]): Ledger {
  const ledger: Ledger = { format: 1, days: {} };
  for (const d of days) ledger.days[d.date] = entryForHeldDay(d, AT);
  ledger.days['2026-07-28'] = {
    status: 'failed',
    papers: 0,
    at: AT,
    via: 'page',
    reason: 'HTTP 503 from huggingface.co',
  };
  ledger.days['2026-08-01'] = {
    status: 'no-listing',
    papers: 0,
    at: AT,
    via: 'page',
    reason: 'redirected to 2026-07-31',
  };
  ledger.days['2026-08-03'] = {
    status: 'no-listing',
    papers: 0,
    at: AT,
    via: 'page',
    reason: 'no listing for this date',
  };
  return ledger;
}

export function writeFixture(dir: string = SITE_FIXTURE): void {
  rmSync(dir, { recursive: true, force: true });
  const days = fixtureDays();
  for (const d of days) {
    const file = dayFilePath(dir, d.date);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, renderDayFile(d));
  }
  writeFileSync(ledgerPath(dir), renderLedger(fixtureLedger(days)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFixture();
  process.stdout.write(`wrote ${SITE_FIXTURE}\n`);
}
