// Every URL the site links to, under its base path. Pages are folders ("/days/2026-08-07/"),
// so links end with a slash and work the same from a server and from GitHub Pages.

export type SitePaths = ReturnType<typeof sitePaths>;

export function sitePaths(base: string) {
  const root = base.endsWith('/') ? base : `${base}/`;
  const at = (p: string): string => `${root}${p}`;
  return {
    base: root,
    home: root,
    archive: at('archive/'),
    search: at('search/'),
    /** What is rising: the papers gaining the most upvotes now (pages/rising.astro). */
    rising: at('rising/'),
    /** The archive in numbers: charts, tables and CSV files (pages/stats.astro). */
    stats: at('stats/'),
    /** One of the stats page's CSV files, by name (lib/stats-tables.ts). */
    statsCsv: (name: string): string => at(`stats/${name}.csv`),
    /** The papers starred in this browser (pages/list.astro). */
    list: at('list/'),
    /** Every feed, for people (pages/feeds/index.astro); the OPML beside it lists them for readers. */
    feeds: at('feeds/'),
    papersFeed: at('rss.xml'),
    daysFeed: at('days.xml'),
    day: (date: string): string => at(`days/${date}/`),
    dayJson: (date: string): string => at(`days/${date}.json`),
    paper: (id: string): string => at(`papers/${id}/`),
    week: (week: string): string => at(`weeks/${week}/`),
    month: (month: string): string => at(`months/${month}/`),
    /** The search page with its form filled in: what a keyword or organization links to. */
    searchFor: (params: Record<string, string>): string => `${at('search/')}?${new URLSearchParams(params)}`,
    asset: (p: string): string => at(p.replace(/^\/+/, '')),
  };
}

/** Absolute URL of a site path, for canonical links, feeds and JSON-LD. */
export function absoluteUrl(siteUrl: string, pathWithBase: string): string {
  return new URL(pathWithBase, `${siteUrl}/`).href;
}
