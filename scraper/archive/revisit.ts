// A revisit (the nightly's fetch of a day held 7, 14 or 30 days back) is for the numbers: what
// Hugging Face shows of the day's papers now, for their history. By then Hugging Face sometimes
// no longer lists a paper it listed (withdrawn, merged into another day); the regression guard
// would refuse the whole day for it (store.ts), and so the numbers of every other paper. The day
// fetched again is taken with the papers it lost put back as the archive holds them: the papers
// still listed get their numbers, and nothing is lost. Pure: two days in, one day out.
import type { Day } from './schema.ts';

const IDS_SHOWN = 5;

/**
 * `fetched` with the papers of `held` it no longer lists after its own, as held, ranks following
 * on (they have no place in Hugging Face's listing now); `unlisted`: their ids, in held order.
 */
export function keepUnlisted(held: Day, fetched: Day): { day: Day; unlisted: string[] } {
  const listed = new Set(fetched.papers.map((p) => p.id));
  const gone = held.papers.filter((p) => !listed.has(p.id));
  if (gone.length === 0) return { day: fetched, unlisted: [] };
  const papers = [...fetched.papers, ...gone].map((p, i) => ({ ...p, rank: i + 1 }));
  return { day: { ...fetched, papers }, unlisted: gone.map((p) => p.id) };
}

/** "1 paper no longer listed by Hugging Face (2608.06001), kept as the archive holds it". */
export function describeUnlisted(ids: readonly string[]): string {
  const shown = ids.slice(0, IDS_SHOWN).join(', ') + (ids.length > IDS_SHOWN ? ', …' : '');
  const one = ids.length === 1;
  return `${ids.length} paper${one ? '' : 's'} no longer listed by Hugging Face (${shown}), kept as the archive holds ${one ? 'it' : 'them'}`;
}
