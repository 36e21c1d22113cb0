// What related papers (site/lib/related.ts) cost and give on the benchmark's archive: the time of
// computing every paper's list (a median of runs, in this process, as the build computes it once
// on its main thread), and how many listed neighbours share a keyword of Hugging Face's with the
// paper, against five papers drawn at random (seeded) for scale: most keywords belong to one
// paper alone, so even a perfect list shares few.
import { readArchive } from '../../scraper/archive/index.ts';
import { buildArchiveIndex } from '../../site/lib/archive-index.ts';
import { keywordKey } from '../../site/lib/keywords.ts';
import { relatedPapers } from '../../site/lib/related.ts';
import { median } from './stats.ts';

export type RelatedReport = {
  papers: number;
  /** Each run's seconds, and their median. */
  runs: number[];
  seconds: number;
  listed: number;
  /** Papers with fewer than five neighbours. */
  short: number;
  /** Share of listed neighbours sharing at least one keyword with the paper. */
  sharing: number;
  /** The same share for five papers drawn at random for each paper. */
  randomSharing: number;
};

export async function relatedBench(archive: string, runs: number): Promise<RelatedReport> {
  const { days } = await readArchive(archive);
  const entries = [...buildArchiveIndex(days).papers.values()];
  const papers = entries.map((e) => e.paper);
  const times: number[] = [];
  let related = new Map<string, string[]>();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    related = relatedPapers(papers);
    times.push((performance.now() - started) / 1000);
  }
  const keys = new Map(papers.map((p) => [p.id, new Set(p.aiKeywords.map(keywordKey))]));
  const shares = (id: string, other: string) => [...keys.get(other)!].some((k) => keys.get(id)!.has(k));
  let listed = 0;
  let sharing = 0;
  let short = 0;
  for (const [id, list] of related) {
    if (list.length < 5) short++;
    listed += list.length;
    sharing += list.filter((other) => shares(id, other)).length;
  }
  // A fixed linear congruential sequence: the same draw every run.
  let seed = 1;
  const next = () => {
    seed = (seed * 48271) % 2147483647;
    return seed % papers.length;
  };
  let drawn = 0;
  let randomShared = 0;
  for (const p of papers) {
    for (let i = 0; i < 5; i++) {
      const other = papers[next()]!.id;
      if (other === p.id) continue;
      drawn++;
      if (shares(p.id, other)) randomShared++;
    }
  }
  return {
    papers: papers.length,
    runs: times,
    seconds: median(times),
    listed,
    short,
    sharing: sharing / Math.max(1, listed),
    randomSharing: randomShared / Math.max(1, drawn),
  };
}
