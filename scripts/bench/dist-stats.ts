// What a built site weighs, and how that grows with the archive: dist/'s files by the year of
// the archive they belong to (a day's page and JSON by its date, a paper's page by the day it
// was first featured, a week or month by its own year; the search index shared out by papers),
// the rate of the last twelve months, and the year at which GitHub Pages' size limit is reached
// at that rate. Also: whether two builds are the same, file for file and byte for byte.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { addDays, type Day } from '../../scraper/archive/index.ts';

/** GitHub Pages: "Published GitHub Pages sites may be no larger than 1 GB" (taken as 10^9 bytes). */
export const PAGES_LIMIT_BYTES = 1_000_000_000;

export type DistFile = { rel: string; size: number };

/** Every file under `dir`, as a path relative to it with forward slashes, sorted. */
export async function listFiles(dir: string): Promise<DistFile[]> {
  const out: DistFile[] = [];
  const walk = async (sub: string): Promise<void> => {
    for (const entry of await fs.readdir(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(rel);
      else out.push({ rel, size: (await fs.stat(path.join(dir, rel))).size });
    }
  };
  await walk('');
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** The files only one of two builds has, and those whose bytes differ. Empty lists: the same site. */
export async function compareDirs(
  a: string,
  b: string,
): Promise<{ onlyA: string[]; onlyB: string[]; differ: string[] }> {
  const [fa, fb] = await Promise.all([listFiles(a), listFiles(b)]);
  const sizes = new Map(fb.map((f) => [f.rel, f.size]));
  const inA = new Set(fa.map((f) => f.rel));
  const differ: string[] = [];
  for (const f of fa) {
    if (!sizes.has(f.rel)) continue;
    if (sizes.get(f.rel) !== f.size) differ.push(f.rel);
    else if (!(await fs.readFile(path.join(a, f.rel))).equals(await fs.readFile(path.join(b, f.rel))))
      differ.push(f.rel);
  }
  return {
    onlyA: fa.filter((f) => !sizes.has(f.rel)).map((f) => f.rel),
    onlyB: fb.filter((f) => !inA.has(f.rel)).map((f) => f.rel),
    differ,
  };
}

/** Each paper's first featured day, from the archive's days. */
export function firstFeatured(days: readonly Day[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const day of [...days].sort((x, y) => x.date.localeCompare(y.date))) {
    for (const p of day.papers) if (!first.has(p.id)) first.set(p.id, day.date);
  }
  return first;
}

/** The search index's files: search/ but for the search page itself. */
const isSearchIndex = (rel: string): boolean => rel.startsWith('search/') && rel !== 'search/index.html';

/** The archive day a file of dist/ belongs to, "search" for the search index, null for the rest. */
export function fileDate(rel: string, first: ReadonlyMap<string, string>): string | 'search' | null {
  if (isSearchIndex(rel)) return 'search';
  // A day's page, its JSON and its citation files (days/DATE.bib, .ris, .csl.json).
  const day = /^days\/(\d{4}-\d{2}-\d{2})(?:\/|\.)/.exec(rel);
  if (day) return day[1]!;
  const paper = /^papers\/([^/]+)\//.exec(rel);
  if (paper) return first.get(paper[1]!) ?? null;
  const month = /^months\/(\d{4}-\d{2})[/.]/.exec(rel);
  if (month) return `${month[1]}-01`;
  const week = /^weeks\/(\d{4})-W\d{2}[/.]/.exec(rel);
  if (week) return `${week[1]}-01-01`;
  return null;
}

/** What a file of dist/ is for: the rows of the benchmark's table of kinds. */
export const FILE_KINDS = [
  'pages',
  'feeds (RSS, JSON Feed, OPML)',
  'citation files (BibTeX, RIS, CSL-JSON)',
  'data files (JSON Lines, day JSON, CSV, llms.txt)',
  'search index',
  'other (scripts, styles, images, sitemaps)',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** The kind of a file of dist/, by its path alone. */
export function fileKind(rel: string): FileKind {
  if (rel.endsWith('.html')) return 'pages';
  if (isSearchIndex(rel)) return 'search index';
  if (/^(?:rss|days)\.xml$|^feeds[/.]|\.opml$/.test(rel)) return 'feeds (RSS, JSON Feed, OPML)';
  if (/\.(?:bib|ris|csl\.json)$/.test(rel)) return 'citation files (BibTeX, RIS, CSL-JSON)';
  if (/\.(?:jsonl|csv)$|^days\/[^/]+\.json$|^llms\.txt$/.test(rel))
    return 'data files (JSON Lines, day JSON, CSV, llms.txt)';
  return 'other (scripts, styles, images, sitemaps)';
}

/** Files and bytes of each kind, in FILE_KINDS's order. */
export function byKind(files: readonly DistFile[]): { kind: FileKind; files: number; bytes: number }[] {
  const rows = FILE_KINDS.map((kind) => ({ kind, files: 0, bytes: 0 }));
  for (const f of files) {
    const row = rows[FILE_KINDS.indexOf(fileKind(f.rel))]!;
    row.files += 1;
    row.bytes += f.size;
  }
  return rows;
}

export type YearRow = { year: string; bytes: number; files: number; papers: number };

export type Growth = {
  years: YearRow[];
  /** Bytes and files no year owns (home, archive, search page, feeds, sitemap, assets). */
  shared: { bytes: number; files: number };
  total: { bytes: number; files: number };
  /** Bytes a year at the pace of the last 365 days, the search index's share included. */
  bytesPerYear: number;
  filesPerYear: number;
  /** The year dist/ passes PAGES_LIMIT_BYTES at that pace, from the archive's last day. */
  limitYear: number;
};

/** Shares the search index out by papers (its size follows the words indexed, which follow them). */
export function growth(files: readonly DistFile[], days: readonly Day[]): Growth {
  const first = firstFeatured(days);
  const last =
    [...days]
      .map((d) => d.date)
      .sort()
      .at(-1) ?? '1970-01-01';
  const yearAgo = addDays(last, -365);
  const byYear = new Map<string, YearRow>();
  const row = (year: string): YearRow => {
    const r = byYear.get(year) ?? { year, bytes: 0, files: 0, papers: 0 };
    byYear.set(year, r);
    return r;
  };
  for (const date of first.values()) row(date.slice(0, 4)).papers += 1;
  const recentPapers = [...first.values()].filter((d) => d > yearAgo).length;
  let search = { bytes: 0, files: 0 };
  const shared = { bytes: 0, files: 0 };
  let recent = { bytes: 0, files: 0 };
  for (const f of files) {
    const date = fileDate(f.rel, first);
    if (date === 'search') search = { bytes: search.bytes + f.size, files: search.files + 1 };
    else if (date === null) {
      shared.bytes += f.size;
      shared.files += 1;
    } else {
      const r = row(date.slice(0, 4));
      r.bytes += f.size;
      r.files += 1;
      if (date > yearAgo) recent = { bytes: recent.bytes + f.size, files: recent.files + 1 };
    }
  }
  const papers = Math.max(first.size, 1);
  for (const r of byYear.values()) {
    r.bytes += Math.round((search.bytes * r.papers) / papers);
    r.files += Math.round((search.files * r.papers) / papers);
  }
  const total = files.reduce((t, f) => ({ bytes: t.bytes + f.size, files: t.files + 1 }), { bytes: 0, files: 0 });
  const bytesPerYear = recent.bytes + (search.bytes * recentPapers) / papers;
  const filesPerYear = recent.files + (search.files * recentPapers) / papers;
  const lastYear = Number(last.slice(0, 4)) + (Number(last.slice(5, 7)) - 1) / 12;
  const limitYear = Math.floor(lastYear + Math.max(0, PAGES_LIMIT_BYTES - total.bytes) / Math.max(bytesPerYear, 1));
  return {
    years: [...byYear.values()].sort((a, b) => a.year.localeCompare(b.year)),
    shared,
    total,
    bytesPerYear,
    filesPerYear,
    limitYear,
  };
}
