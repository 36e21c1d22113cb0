// bench/RESULTS.md from the site benchmark's report (site-bench.ts): the targets the builds are
// held to and where they stand, then the numbers behind them, then the search's (search-md.ts),
// then the sections a standalone search benchmark marked in the file before (figures taken
// before a change, kept to compare with). Pure: report in, Markdown out.
import { loads, machineLine } from './machine.ts';
import { searchMarkdown } from './search-md.ts';
import type { ScaleRow, SiteReport } from './site-bench.ts';

/** The limits the builds are held to (the issue "builds that scale"). */
export const TARGETS = { fullSeconds: 60, peakBytes: 2 * 1024 ** 3, nightlyShare: 0.4, relatedSeconds: 5 } as const;

const s = (x: number | null): string => (x === null ? '?' : `${x.toFixed(1)} s`);
const gb = (x: number | null): string => (x === null ? '?' : `${(x / 1024 ** 3).toFixed(2)} GB`);
const mb = (x: number): string => `${(x / 1e6).toFixed(1)} MB`;
const int = (x: number): string => Math.round(x).toLocaleString('en-US');
const pct = (x: number): string => `${Math.round(x * 100)}%`;
const verdict = (ok: boolean): string => (ok ? 'met' : '**missed**');

/** Time and memory per paper, relative to the 1× archive: at most 1.0 is "at most linear". */
export function perPaper(rows: readonly ScaleRow[]): { times: number; time: number; memory: number | null }[] {
  const base = rows.find((r) => r.times === 1);
  if (!base) return [];
  return rows.map((r) => {
    const k = r.papers / base.papers;
    const mem =
      r.summary.peakBytes !== null && base.summary.peakBytes !== null
        ? r.summary.peakBytes / base.summary.peakBytes / k
        : null;
    return { times: r.times, time: r.summary.seconds / base.summary.seconds / k, memory: mem };
  });
}

function buildRow(label: string, sum: ScaleRow['summary'], extra: string): string {
  const runs = sum.all.map((x) => x.toFixed(1)).join(', ');
  return `| ${label} | ${s(sum.seconds)} (${runs}) | ${s(sum.cpuSeconds)} | ${s(sum.indexSeconds)} | ${gb(sum.peakBytes)} (${sum.peakProcess ?? '?'}) | ${extra} |`;
}

export function resultsMarkdown(r: SiteReport, command: string, kept: readonly string[] = []): string {
  const full = r.full.summary;
  const night = r.nightly.summary;
  const share = night.seconds / full.seconds;
  const linear = perPaper(r.scale);
  const worst = linear.filter((l) => l.times > 1);
  const linearOk = worst.every((l) => l.time <= 1.1 && (l.memory === null || l.memory <= 1.1));
  const g = r.growth;
  const out = [
    '# Build benchmarks',
    '',
    `Written by \`${command}\` on ${r.at.slice(0, 10)} (${r.at.slice(11, 16)} UTC). Every time is a median of ${full.runs} runs.`,
    '',
    machineLine(r.machine),
    `- Load average (1, 5, 15 min) at the start: ${loads(r.load.start)}; at the end: ${loads(r.load.end)}. Wall time moves with the machine's other work; CPU time (every process and thread of the build) is the steadier measure.`,
    `- Archive: ${r.corpus.bundled ? 'the bundled archive (`content/`: no `--corpus` given)' : `\`${r.corpus.path}\``}: ${int(r.corpus.days)} days, ${int(r.corpus.papers)} papers, ${r.corpus.first} to ${r.corpus.last}.`,
    '',
    '## Targets',
    '',
    '| target | measured | |',
    '| --- | --- | --- |',
    `| full build (pages and search index) at most ${TARGETS.fullSeconds} s | ${s(full.seconds)} (search index ${s(full.indexSeconds)} alongside the pages; CPU ${s(full.cpuSeconds)}) | ${verdict(full.seconds <= TARGETS.fullSeconds)} |`,
    `| full build peak memory (largest process) at most 2 GB | ${gb(full.peakBytes)} (${full.peakProcess ?? '?'}) | ${verdict(full.peakBytes !== null && full.peakBytes <= TARGETS.peakBytes)} |`,
    `| nightly rebuild (one day added, caches kept) at most ${pct(TARGETS.nightlyShare)} of a full build | ${s(night.seconds)} = ${pct(share)} (CPU ${s(night.cpuSeconds)} = ${night.cpuSeconds !== null && full.cpuSeconds !== null ? pct(night.cpuSeconds / full.cpuSeconds) : '?'}) | ${verdict(share <= TARGETS.nightlyShare)} |`,
    `| related papers add at most ${TARGETS.relatedSeconds} s to a build | ${s(r.related.seconds)} (made once, on the search index's thread while the site is bundled) | ${verdict(r.related.seconds <= TARGETS.relatedSeconds)} |`,
    `| 2× and 3× the archive: time and memory at most linear | per paper, against 1×: ${worst.map((l) => `${l.times}× time ${l.time.toFixed(2)}, memory ${l.memory?.toFixed(2) ?? '?'}`).join('; ') || 'not measured'} | ${worst.length === 0 ? 'not measured' : verdict(linearOk)} |`,
    '',
    '## Full builds',
    '',
    "From nothing (no `dist/`, no cache), as CI and a fresh clone build. A run's folders are moved aside, not deleted, until every timing is taken: on ext4 without a journal (this machine's disk) each file made scans past every inode freed in the last 1 to 6 minutes (scripts/bench/set-aside.ts), which a fresh clone or a CI runner never pays.",
    '',
    '| archive | wall (runs) | CPU | search index (alongside) | peak memory | pages, `dist/` |',
    '| --- | --- | --- | --- | --- | --- |',
    ...r.scale.map((row) =>
      buildRow(
        `${row.times}×: ${int(row.days)} days, ${int(row.papers)} papers`,
        row.summary,
        `${int(row.summary.rendered)} pages; ${mb(row.dist.bytes)}, ${int(row.dist.files)} files`,
      ),
    ),
    '',
    '## Nightly rebuild',
    '',
    `The archive without its newest day (${r.nightly.addedDay}) is built from nothing, which leaves Astro's cache (\`cacheDir\`, what the nightly workflow keeps); the day is added and the votes of the days a real night fetches again moved (the rest of its window and the days 7, 14 and 30 back, through the archive's writer, which records their history: their papers' pages, and the pages listing them, change), \`dist/\` moved aside (a workflow run starts without one), and the site built again.`,
    '',
    '| build | wall (runs) | CPU | search index (alongside) | peak memory | pages |',
    '| --- | --- | --- | --- | --- | --- |',
    buildRow('before the day (from nothing)', r.nightly.seed, `${int(r.nightly.seed.rendered)} rendered`),
    buildRow('nightly, the day added', night, `${int(night.rendered)} rendered, ${int(night.carried)} carried over`),
    '',
    r.nightly.identical
      ? "The nightly's `dist/` is the full build's, file for file and byte for byte, in every run."
      : `**The nightly's \`dist/\` differs from the full build's**:\n\n${r.nightly.differences.map((d) => `- ${d}`).join('\n')}`,
    '',
    '## Related papers',
    '',
    `Every paper's five nearest (site/lib/related.ts: TF-IDF over title, abstract, AI summary and keywords, cosine through an inverted index), timed in the benchmark's process (the build makes them on its search index's thread, as it starts): ${s(r.related.seconds)} for ${int(r.related.papers)} papers (runs ${r.related.runs.map((x) => x.toFixed(2)).join(', ')} s). ${int(r.related.listed)} neighbours listed; ${int(r.related.short)} papers with fewer than five.`,
    '',
    `Neighbours sharing at least one of Hugging Face's keywords with the paper: **${pct(r.related.sharing)}**; of five papers drawn at random: ${pct(r.related.randomSharing)}. (Most keywords belong to one paper alone: 86% of the corpus's.)`,
    '',
    '## `dist/` by year of archive',
    '',
    "A day's page and JSON count for its year, a paper's page for the year it was first featured, weeks and months for their own; the search index is shared out by papers.",
    '',
    '| year | papers | bytes | files |',
    '| --- | --- | --- | --- |',
    ...g.years.map((y) => `| ${y.year} | ${int(y.papers)} | ${mb(y.bytes)} | ${int(y.files)} |`),
    `| shared (home, archive, search page, feeds, sitemap, assets) | | ${mb(g.shared.bytes)} | ${int(g.shared.files)} |`,
    `| all | ${int(r.corpus.papers)} | ${mb(g.total.bytes)} | ${int(g.total.files)} |`,
    '',
    `At the pace of the last 12 months (${mb(g.bytesPerYear)} and ${int(g.filesPerYear)} files a year), \`dist/\` reaches GitHub Pages' 1 GB limit in **${g.limitYear}**.`,
    '',
    '## `dist/` by kind of file',
    '',
    '| kind | files | bytes |',
    '| --- | --- | --- |',
    ...r.kinds.map((k) => `| ${k.kind} | ${int(k.files)} | ${mb(k.bytes)} |`),
    '',
    '## Page sizes and the first search',
    '',
    '`scripts/site/bench.ts` over the full build:',
    '',
    '```',
    ...r.pages,
    '```',
    '',
    ...(r.search === null
      ? [
          '## Search',
          '',
          '`scripts/bench/search-bench.ts` is not in this checkout; once it is, `npm run bench -- site` runs it over the full build (`--dist`) and its output goes here.',
        ]
      : Array.isArray(r.search)
        ? [
            '## Search',
            '',
            '**`scripts/bench/search-bench.ts` failed** over the full build:',
            '',
            '```',
            ...r.search,
            '```',
          ]
        : [searchMarkdown(r.search, 'Search').trimEnd()]),
    '',
    ...kept.flatMap((section) => [section, '']),
  ];
  return out.join('\n');
}
