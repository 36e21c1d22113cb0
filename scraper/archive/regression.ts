// What a re-fetch of a day lost compared with the day the archive holds. A listing can shrink
// in ways a paper count does not show: a changed page or API that drops every author list, the
// abstracts, or the votes is "a day with as many papers" and would otherwise be written over a
// good one. Pure: two days in, the losses out, each naming the field, how many and which papers.
import type { Day, Paper } from './schema.ts';

const IDS_SHOWN = 3;

type Loss = { field: string; lost: (before: Paper, after: Paper) => boolean; threshold: (n: number) => number };

/** A field lost on any paper is a loss; votes are lost when most papers that had some fall to 0. */
const LOSSES: readonly Loss[] = [
  { field: 'title', lost: (b, a) => b.title !== '' && a.title === '', threshold: () => 1 },
  { field: 'authors', lost: (b, a) => b.authors.length > 0 && a.authors.length === 0, threshold: () => 1 },
  { field: 'abstract', lost: (b, a) => b.abstract !== '' && a.abstract === '', threshold: () => 1 },
  // One paper's votes can fall back to 0 (a withdrawn vote); most of a day's cannot.
  { field: 'votes', lost: (b, a) => b.upvotes > 0 && a.upvotes === 0, threshold: (n) => Math.floor(n / 2) + 1 },
];

/** "authors gone for 20 of 20 papers (2608.05987, 2608.06001, …)" for each field lost; [] when none. */
export function lostFields(held: Day, next: Day): string[] {
  const after = new Map(next.papers.map((p) => [p.id, p]));
  const pairs = held.papers.flatMap((b) => {
    const a = after.get(b.id);
    return a ? [[b, a] as const] : [];
  });
  const out: string[] = [];
  for (const loss of LOSSES) {
    const had = loss.field === 'votes' ? pairs.filter(([b]) => b.upvotes > 0).length : pairs.length;
    const ids = pairs.filter(([b, a]) => loss.lost(b, a)).map(([b]) => b.id);
    if (ids.length === 0 || ids.length < loss.threshold(had)) continue;
    const shown = ids.slice(0, IDS_SHOWN).join(', ') + (ids.length > IDS_SHOWN ? ', …' : '');
    const what = loss.field === 'votes' ? 'votes fell to 0' : `${loss.field} gone`;
    out.push(`${what} for ${ids.length} of ${had} papers (${shown})`);
  }
  return out;
}
