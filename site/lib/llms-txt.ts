// /llms.txt: the archive described for language models and other machines, in llmstxt.org's
// format (an H1 title, a blockquote summary, a few lines, then sections of links, each "- [name](url):
// what it is"), with absolute URLs under the site's base. It names the pages, the feeds and the
// data files, whose links point at real files of the build (the newest day, week and month stand
// for every one); no text of the archive's papers is in it. Pure: facts in, text out.
import { isoWeek } from '../../scraper/archive/index.ts';
import { type CitePeriod, citeFilePath } from './bulk-cite.ts';
import { CITE_FORMATS } from './cite-formats.ts';
import { thousands } from './format.ts';
import { jsonlPath } from './papers-jsonl.ts';
import type { SitePaths } from './paths.ts';

export type LlmsFacts = {
  papers: number;
  days: number;
  /** The archive's first and newest days with papers. */
  first: string;
  newest: string;
  /** The years with a JSON Lines file, oldest first. */
  years: readonly string[];
  /** The stats page's CSV files, by name (lib/stats-tables.ts STATS_FILES). */
  statsFiles: readonly string[];
};

type Link = [name: string, path: string, note: string];

const section = (title: string, links: readonly Link[], url: (p: string) => string): string =>
  `## ${title}\n\n${links.map(([name, p, note]) => `- [${name}](${url(p)}): ${note}`).join('\n')}\n`;

export function llmsTxt(
  facts: LlmsFacts,
  paths: Pick<SitePaths, 'asset' | 'home'>,
  url: (p: string) => string,
): string {
  const at = paths.asset;
  const week = isoWeek(facts.newest);
  const month = facts.newest.slice(0, 7);
  const pages: Link[] = [
    ['Newest day', paths.home, 'the papers of the newest day, ranked as Hugging Face listed them'],
    ['Archive', at('archive/'), 'a calendar of every day: its number of papers, or why it has none'],
    ['Days', at('days/'), 'every day with papers; a day is /days/YYYY-MM-DD/ (UTC listing day)'],
    ['Weeks', at('weeks/'), 'every ISO week; a week is /weeks/YYYY-Www/, its papers ranked by upvotes'],
    ['Months', at('months/'), 'every month; a month is /months/YYYY-MM/, its papers ranked by upvotes'],
    [
      'Papers',
      at('papers/'),
      'where the papers are; a paper is /papers/<arXiv id>/, with its abstract, authors, votes over time, related papers and citation',
    ],
    [
      'Organizations',
      at('organizations/'),
      'every organization Hugging Face names on a paper, each with a page of its papers',
    ],
    ['Top papers', at('top/'), 'the 100 most upvoted papers of all time and of each year'],
    ['Rising', at('rising/'), 'the papers of the last 14 days gaining the most upvotes'],
    ['Stats', at('stats/'), 'papers per week, upvotes and code per month, top organizations and keywords per quarter'],
    [
      'Search',
      at('search/'),
      'full-text search in the browser; /search/?q=words&author=&organization=&keyword=&year=&sort= links to a search',
    ],
  ];
  const feeds: Link[] = [
    ['Newest papers (RSS)', at('rss.xml'), 'the newest whole days of papers, newest first'],
    ['Days (RSS)', at('days.xml'), 'the last 60 days, an item a day'],
    [
      'Every feed',
      at('feeds/'),
      'the feeds to follow an organization, a keyword, the week’s and month’s top 20, papers passing 10, 50 and 100 upvotes, each as RSS and JSON Feed',
    ],
    ['Feeds (OPML)', at('feeds.opml'), 'every feed in one OPML file, for a feed reader'],
  ];
  const cite = (period: CitePeriod, key: string, what: string): Link[] =>
    CITE_FORMATS.map(({ format, label }) => [
      `${what} in ${label}`,
      at(citeFilePath(period, key, format)),
      `the papers of ${what.toLowerCase()} in ${label}; every ${period} has one (${citeFilePath(period, period === 'day' ? 'YYYY-MM-DD' : period === 'week' ? 'YYYY-Www' : 'YYYY-MM', format)})`,
    ]);
  const data: Link[] = [
    ...facts.years.map(
      (year): Link => [
        `Papers of ${year} (JSON Lines)`,
        at(jsonlPath(year)),
        `every paper first featured in ${year}, a JSON object per line: the archive's record (arXiv id, title, authors, abstract, publication time, upvotes, comments, submitter, organization, links, AI summary and keywords) and the days that featured it`,
      ],
    ),
    [
      `${facts.newest} as JSON`,
      at(`days/${facts.newest}.json`),
      'a day exactly as the archive holds it (its listing, in order); every day has one at /days/YYYY-MM-DD.json',
    ],
    ...cite('day', facts.newest, 'The newest day'),
    ...cite('week', week, 'The newest week'),
    ...cite('month', month, 'The newest month'),
    ...facts.statsFiles.map(
      (name): Link => [`${name}.csv`, at(`stats/${name}.csv`), 'a table of the stats page, as CSV (RFC 4180)'],
    ),
  ];
  return [
    '# Daily Papers Archive\n',
    `> A lasting, searchable archive of Hugging Face Daily Papers: ${thousands(facts.papers)} papers featured on ${thousands(facts.days)} days, from ${facts.first} to ${facts.newest} (UTC listing days), with their authors, abstracts, organizations, upvotes, comments and links, as static pages, feeds and data files.\n`,
    'Every file is static and made from the archive alone at each build. Papers are named by arXiv id. Upvotes, comments and GitHub stars are the latest the archive fetched; they keep moving for a week or two after a paper’s day.\n',
    section('Pages', pages, url),
    section('Feeds', feeds, url),
    section('Data', data, url),
  ].join('\n');
}
