// The search benchmark's report (search-bench.ts) as Markdown: the targets of the "search you can
// trust" issue and where they stand, the relevance of the topic queries, the cold searches and
// the Lighthouse audits, every failing accessibility audit with its elements' selectors. The
// same section goes into bench/RESULTS.md from `npm run bench -- site` and, between markers,
// from a standalone run (--into), so that figures taken before a change stay beside those taken
// after it: `npm run bench -- site` rewrites the file and keeps the marked sections. Pure.
import type { LighthouseReport } from './lighthouse-bench.ts';
import type { LhSummary } from './lighthouse-summary.ts';
import { loads, type Machine, machineLine } from './machine.ts';
import type { TopicRow, TopicSummary } from './relevance.ts';
import type { Cold } from './search-browser.ts';

/** The issue's targets, at the 90th percentile of the cold searches (KB of 1,024 bytes). */
export const SEARCH_TARGETS = { p90Bytes: 250 * 1024, p90Ms: 300 } as const;

export type ColdRow = {
  group: 'first 20' | 'phrase and filter';
  label: string;
  query: string;
  /** Medians of the runs. */
  bytes: number;
  deployed: number;
  ms: number;
  status: string;
  runs: Cold[];
};

export type Percentiles = { bytes: number; deployed: number; ms: number };

export type SearchReport = {
  at: string;
  commit: string;
  command: string;
  /** The browser of the cold searches and the relevance runs: its path and version. */
  browser: string;
  machine: Machine;
  load: { start: number[]; end: number[] };
  seconds: { all: number; cold: number; relevance: number; lighthouse: number | null };
  dist: string;
  archive: { path: string; days: number; papers: number };
  runs: number;
  cold: { rows: ColdRow[]; p50: Percentiles; p90: Percentiles };
  titles: { mrr: number; count: number; misses: { title: string; rank: number }[] };
  authors: { p5: number; rows: { name: string; p5: number }[] };
  topics: { rows: TopicRow[]; summary: TopicSummary };
  lighthouse: LighthouseReport | null;
};

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number): string => `${n.toFixed(0)} ms`;
const pct = (x: number): string => `${Math.round(x * 100)}%`;
const int = (x: number): string => Math.round(x).toLocaleString('en-US');
const verdict = (ok: boolean): string => (ok ? 'met' : '**missed**');
const cell = (s: string): string => s.replace(/\|/g, '\\|');
const upvotes = (x: number): string => (Number.isNaN(x) ? '–' : `${x}`);
const times = (n: number): string => (n === 1 ? 'once' : `${n} times`);
const minutes = (s: number): string => `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;

function topicLines(r: SearchReport): string[] {
  const { rows, summary } = r.topics;
  return [
    `### Relevance: ${rows.length} topic queries`,
    '',
    'Each query\'s first 10 results on the search page (`?q=`), judged from the archive\'s own records (title, AI keywords and upvotes from the day files the site was built from, the newest record of each paper), not from the page: a result is on topic when its title or keywords hold every word of the query, case ignored, as whole words (cut at anything not a letter or digit, so `text-to-image` is three words; a plural `s` or `es` added or removed counts as the same word: `model` and `models`; no other stemming). Missing places (fewer than 10 results) count as off topic. "Held" is how many papers of the archive are on topic: the share can reach 100% when it is 10 or more.',
    '',
    '| query | on topic in the first 10 | median upvotes of the first 10 | held |',
    '| --- | --- | --- | --- |',
    ...rows.map((t) => `| ${cell(t.query)} | ${pct(t.share)} | ${upvotes(t.medianUpvotes)} | ${int(t.held)} |`),
    `| **all ${rows.length}** | **${pct(summary.meanShare)}** (mean) | **${upvotes(summary.medianOfMedians)}** (median of the medians) | |`,
    '',
    `Titles as queries: mean reciprocal rank of ${r.titles.count} titles (within the first 10) ${r.titles.mrr.toFixed(3)}${r.titles.misses.map((m) => `; rank ${m.rank || '>10'}: ${cell(m.title)}`).join('')}. Authors' names: precision at 5 of ${r.authors.rows.length} authors ${r.authors.p5.toFixed(3)}.`,
  ];
}

function coldLines(r: SearchReport): string[] {
  const { rows, p50, p90 } = r.cold;
  return [
    `### Cold searches: ${rows.length} queries`,
    '',
    `Each query's URL opened ${times(r.runs)} in a new context of \`${r.browser}\` (Playwright; no HTTP cache), over loopback from the project's server; per query the median of the runs; then the 50th and 90th percentiles over the ${rows.length} queries, nearest rank (the value at rank ⌈p × n⌉ of the sorted medians, always a measured one). "As served": every response, headers and body, as the project's server sent it (text compressed with brotli, as Chromium asks); "as deployed": text gzipped as GitHub Pages sends it. Time: from the page's load event to the first result in the page (or to the final status, when nothing is found). KB are 1,024 bytes.`,
    '',
    '| | as served | as deployed | load → first result |',
    '| --- | --- | --- | --- |',
    `| p50 | ${kb(p50.bytes)} | ${kb(p50.deployed)} | ${ms(p50.ms)} |`,
    `| p90 | ${kb(p90.bytes)} | ${kb(p90.deployed)} | ${ms(p90.ms)} |`,
    '',
    '| query | | as served | as deployed | load → first result (runs) | status |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (c) =>
        `| \`${cell(c.query)}\` | ${c.label} | ${kb(c.bytes)} | ${kb(c.deployed)} | ${ms(c.ms)} (${c.runs.map((x) => x.ms.toFixed(0)).join(', ')}) | ${cell(c.status.slice(0, 70))} |`,
    ),
  ];
}

/** A median with each run's value in brackets. */
const withRuns = (m: number | null, runs: readonly (number | null)[], f: (x: number) => string): string =>
  m === null ? '?' : `${f(m)} (${runs.map((x) => (x === null ? '?' : f(x))).join(', ')})`;

const scoreCell = (s: LhSummary, c: string): string => {
  const v = s.scores[c];
  return v === null || v === undefined ? '?' : `${v} (${s.scoreRuns[c]!.map((x) => x ?? '?').join(', ')})`;
};

/** One line per failing audit of a page: the form factors it fails in, how often, and its elements. */
export function failingLines(type: string, byFormFactor: Record<string, LhSummary>): string[] {
  const ids = [...new Set(Object.values(byFormFactor).flatMap((s) => s.failing.map((f) => f.id)))].sort();
  return ids.map((id) => {
    const where = Object.entries(byFormFactor).flatMap(([ff, s]) => {
      const f = s.failing.find((x) => x.id === id);
      return f ? [{ ff, f, runs: s.runs }] : [];
    });
    const selectors = [...new Set(where.flatMap((w) => w.f.selectors))];
    const distinct = Math.max(...where.map((w) => w.f.distinct), selectors.length);
    const counts = where.map(
      (w) => `${w.ff} ${w.f.inRuns} of ${w.runs} runs, ${w.f.elements} element${w.f.elements === 1 ? '' : 's'}`,
    );
    const more = distinct > selectors.length ? `, and ${distinct - selectors.length} more` : '';
    return `- ${type}: \`${id}\` (“${where[0]!.f.title.replace(/\.$/, '')}”: ${counts.join('; ')}): ${selectors.map((x) => `\`${cell(x)}\``).join(', ')}${more}`;
  });
}

/** Why the audits reach no network but a stand-in of Hugging Face's image hosts, and what it served. */
export function standInLine(lh: Pick<LighthouseReport, 'thumbnails'>): string {
  const { hosts, image, served } = lh.thumbnails;
  return (
    `no audit reaches the network, every host but 127.0.0.1 is unresolvable, but for Hugging Face's image hosts (${hosts.map((h) => `\`${h}\``).join(', ')}), ` +
    `which lead to a local stand-in over HTTPS (\`scripts/bench/thumbnail-host.ts\`, its self-signed certificate made for the run and trusted by its key's hash alone) ` +
    `serving one generated PNG of ${image.width}×${image.height} (the size of Hugging Face's social thumbnails; ${int(image.bytes)} bytes) for every card's thumbnail ` +
    `(${int(served.images)} served, ${int(served.notFound)} other requests answered 404). ` +
    `Without it each card's thumbnail cannot load, as for a reader offline, and every one is an error in the console that costs the pages with cards their best-practices score for what is the machine's doing, not the page's: online those images load`
  );
}

function lighthouseLines(lh: LighthouseReport): string[] {
  const search = lh.pages.find((p) => p.page.full);
  const out = [
    '### Lighthouse',
    '',
    `Lighthouse ${lh.version} (npm \`lighthouse\`), run from Node.js (\`scripts/bench/lighthouse-bench.ts\`) against \`${lh.chrome}\`, started once by chrome-launcher with \`${lh.flags.join(' ')}\`: ${standInLine(lh)}. Each page audited ${times(lh.runs)} per form factor, scores the median (runs in brackets). Lighthouse's own form factors: ${Object.values(lh.formFactors).join('; ')}. Lighthouse's benchmark index of this machine: ${Math.min(...lh.benchmarkIndex)} to ${Math.max(...lh.benchmarkIndex)}. The audits took ${minutes(lh.seconds)}.`,
    '',
  ];
  if (search) {
    out.push(
      `The search page with results (\`/${search.page.path}\`; the results' fragments fetched before the audit ended, in every run: at least ${Math.min(...Object.values(search.byFormFactor).map((s) => s.fragments))}):`,
      '',
      '| form factor | performance | accessibility | best practices | SEO | CLS | TBT |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...Object.entries(search.byFormFactor).map(
        ([ff, s]) =>
          `| ${ff} | ${scoreCell(s, 'performance')} | ${scoreCell(s, 'accessibility')} | ${scoreCell(s, 'best-practices')} | ${scoreCell(s, 'seo')} | ${withRuns(s.cls, s.clsRuns, (x) => x.toFixed(3))} | ${withRuns(s.tbtMs, s.tbtRuns, (x) => x.toFixed(0))} ms |`,
      ),
      '',
      ...Object.entries(search.byFormFactor).map(
        ([ff, s]) =>
          `- Layout shifts (${ff}), largest first: ${s.shifted.map((x) => `\`${x}\``).join(', ') || 'none'}.`,
      ),
      '',
    );
  }
  out.push(
    'Accessibility and best practices by type of page (the newest day, week, month and paper):',
    '',
    '| page | path | accessibility, mobile | accessibility, desktop | best practices, mobile | best practices, desktop | failing accessibility audits | failing best-practices audits |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...lh.pages.map((p) => {
      const ids = (pick: (s: LhSummary) => { id: string }[]): string =>
        [...new Set(Object.values(p.byFormFactor).flatMap((s) => pick(s).map((f) => f.id)))]
          .map((i) => `\`${i}\``)
          .join(', ') || 'none';
      const { mobile, desktop } = p.byFormFactor;
      return `| ${p.page.type} | \`/${cell(p.page.path)}\` | ${scoreCell(mobile, 'accessibility')} | ${scoreCell(desktop, 'accessibility')} | ${scoreCell(mobile, 'best-practices')} | ${scoreCell(desktop, 'best-practices')} | ${ids((s) => s.failing)} | ${ids((s) => s.failingPractices)} |`;
    }),
    '',
  );
  const failing = lh.pages.flatMap((p) => failingLines(p.page.type, p.byFormFactor));
  out.push(failing.length ? 'Failing accessibility audits, with their elements:' : 'No accessibility audit fails.', '');
  if (failing.length) out.push(...failing, '');
  const errors = lh.pages.flatMap((p) =>
    Object.values(p.byFormFactor).flatMap((s) => s.errors.map((e) => `- ${p.page.type}: ${e}`)),
  );
  if (errors.length) out.push('Lighthouse errors:', '', ...errors, '');
  return out;
}

/** The section, its heading at `level` (## in bench/RESULTS.md). */
export function searchMarkdown(r: SearchReport, title: string, level = 2): string {
  const { p90 } = r.cold;
  const sub = (lines: string[]): string[] =>
    lines.map((l) => (l.startsWith('### ') ? `${'#'.repeat(level + 1)} ${l.slice(4)}` : l));
  const s = r.seconds;
  return [
    `${'#'.repeat(level)} ${title}`,
    '',
    `Written by \`${r.command}\` on ${r.at.slice(0, 10)} (${r.at.slice(11, 16)} UTC), commit ${r.commit}, over \`${r.dist}\` built from \`${r.archive.path}\` (${int(r.archive.days)} days, ${int(r.archive.papers)} papers).`,
    '',
    machineLine(r.machine),
    `- Load average (1, 5, 15 min) at the start: ${loads(r.load.start)}; at the end: ${loads(r.load.end)}.`,
    `- The run took ${minutes(s.all)}: cold searches ${minutes(s.cold)}, relevance ${minutes(s.relevance)}${s.lighthouse === null ? ' (no Lighthouse: --lighthouse not given)' : `, Lighthouse ${minutes(s.lighthouse)}`}.`,
    '',
    `${'#'.repeat(level + 1)} Targets`,
    '',
    '| target | measured | |',
    '| --- | --- | --- |',
    `| cold search at most ${SEARCH_TARGETS.p90Bytes / 1024} KB transferred (gzipped, as deployed) at the 90th percentile | ${kb(p90.deployed)} (p50 ${kb(r.cold.p50.deployed)}) | ${verdict(p90.deployed <= SEARCH_TARGETS.p90Bytes)} |`,
    `| cold search at most ${SEARCH_TARGETS.p90Ms} ms from load to first result at the 90th percentile | ${ms(p90.ms)} (p50 ${ms(r.cold.p50.ms)}) | ${verdict(p90.ms <= SEARCH_TARGETS.p90Ms)} |`,
    '',
    ...sub(topicLines(r)),
    '',
    ...sub(coldLines(r)),
    '',
    ...(r.lighthouse ? sub(lighthouseLines(r.lighthouse)) : []),
  ].join('\n');
}

const BEGIN = (title: string): string => `<!-- search-bench section: ${title} -->`;
const END = '<!-- end of search-bench section -->';

/** `doc` with the marked section of this title replaced by `markdown`, or with it appended. */
export function upsertSection(doc: string, title: string, markdown: string): string {
  const block = `${BEGIN(title)}\n${markdown.trimEnd()}\n${END}\n`;
  const start = doc.indexOf(BEGIN(title));
  if (start === -1) return `${doc.trimEnd()}${doc.trim() ? '\n\n' : ''}${block}`;
  const end = doc.indexOf(END, start);
  if (end === -1) return `${doc.slice(0, start)}${block}`;
  return `${doc.slice(0, start)}${block}${doc.slice(end + END.length).replace(/^\n/, '')}`;
}

/** The marked sections of a results file, markers included: what a rewrite of it keeps. */
export function keptSections(doc: string): string[] {
  const out: string[] = [];
  const re = /<!-- search-bench section: [^\n]*? -->\n[\s\S]*?<!-- end of search-bench section -->/g;
  for (const m of doc.matchAll(re)) out.push(m[0]);
  return out;
}
