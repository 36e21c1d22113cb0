// The site's data files (site/lib/site-files.ts), made on the search index's thread and written
// by site/integrations/site-files-write.ts: every feed under /feeds/ in both formats and every
// day's, week's and month's citation files and every year's JSON Lines, each path once and inside
// the site, each text the feed's, citation format's or JSON Lines' own, nothing else; and a path
// that would leave the folder is refused.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSiteArchive } from '../../../../site/data/read-archive.ts';
import { insidePath } from '../../../../site/integrations/carry-over.ts';
import { writeSiteFiles } from '../../../../site/integrations/site-files-write.ts';
import { buildArchiveIndex } from '../../../../site/lib/archive-index.ts';
import { citeRecords, periodPapers } from '../../../../site/lib/bulk-cite.ts';
import { formatCitations } from '../../../../site/lib/cite-formats.ts';
import { feedsOf } from '../../../../site/lib/feed-list.ts';
import { jsonFeedFile, rssFile } from '../../../../site/lib/feed-render.ts';
import { dataYears, papersJsonl } from '../../../../site/lib/papers-jsonl.ts';
import { sitePaths } from '../../../../site/lib/paths.ts';
import { siteFiles } from '../../../../site/lib/site-files.ts';
import { SITE_FIXTURE } from '../../../e2e/site/fixture.ts';
import { tempDir } from '../../../helpers/temp.ts';

const ORIGIN = 'https://example.org';
const paths = sitePaths('/archive/');

describe('siteFiles', async () => {
  const { days, histories } = await readSiteArchive(SITE_FIXTURE);
  const index = buildArchiveIndex(days);
  const files = [...siteFiles(index, histories, paths, ORIGIN)];
  const byPath = new Map(files.map((f) => [f.path, f.body]));

  test('each path once, inside the site, relative to its base', () => {
    expect(byPath.size).toBe(files.length);
    for (const f of files) expect(insidePath(f.path), f.path).toBe(true);
  });

  test('every feed under /feeds/ in both formats, as the feed renders it; the two RSS pages left to theirs', () => {
    const feeds = feedsOf(index, histories, paths, ORIGIN);
    const under = feeds.filter((f) => f.json.startsWith('/archive/feeds/'));
    expect(under.length).toBeGreaterThan(4);
    for (const feed of under) {
      expect(byPath.get(feed.json.slice('/archive/'.length))).toBe(jsonFeedFile(feed, ORIGIN, paths.home));
      if (feed.rss.startsWith('/archive/feeds/'))
        expect(byPath.get(feed.rss.slice('/archive/'.length))).toBe(rssFile(feed, ORIGIN));
    }
    expect(byPath.has('rss.xml')).toBe(false);
    expect(byPath.has('days.xml')).toBe(false);
  });

  test("every day's, week's and month's papers in the three formats", () => {
    const stems = [
      ...index.days.map((d) => ['day', d.date, `days/${d.date}`] as const),
      ...index.weekKeys.map((w) => ['week', w, `weeks/${w}`] as const),
      ...index.monthKeys.map((m) => ['month', m, `months/${m}`] as const),
    ];
    for (const [period, key, stem] of stems) {
      const records = citeRecords(periodPapers(index, period, key));
      expect(byPath.get(`${stem}.bib`)).toBe(formatCitations('bibtex', records));
      expect(byPath.get(`${stem}.ris`)).toBe(formatCitations('ris', records));
      expect(byPath.get(`${stem}.csl.json`)).toBe(formatCitations('csl-json', records));
    }
    const cites = files.filter((f) => /\.(bib|ris|csl\.json)$/.test(f.path));
    expect(cites).toHaveLength(stems.length * 3);
  });

  test("every year's papers as JSON Lines, and no file but the feeds, the citation files and these", () => {
    const years = dataYears(index);
    expect(years.length).toBeGreaterThan(0);
    for (const year of years) expect(byPath.get(`data/papers-${year}.jsonl`)).toBe(papersJsonl(index, year));
    const others = files.filter((f) => !/^feeds\/|\.(bib|ris|csl\.json)$/.test(f.path));
    expect(others.map((f) => f.path).sort()).toEqual(years.map((y) => `data/papers-${y}.jsonl`));
  });

  test('written as given; a path that leaves the folder refused', () => {
    const dir = tempDir('site-files-');
    expect(writeSiteFiles(dir, files.slice(0, 5))).toBe(5);
    for (const f of files.slice(0, 5)) expect(readFileSync(path.join(dir, f.path), 'utf8')).toBe(f.body);
    const other = tempDir('site-files-');
    expect(() => writeSiteFiles(other, [{ path: '../escaped.xml', body: 'x' }])).toThrow(/leaves the site/);
    expect(readdirSync(other)).toEqual([]);
  });
});
