// How related papers (lib/related.ts) computed on the build's archive thread reach the pages.
// Computing them takes seconds on the full archive; the search index's thread
// (integrations/search-index-worker.ts) reads the archive as the build starts, so it computes
// them first, while the main thread is still bundling the site, and hands them over here: the
// pages' bundle then waits for them, if at all, instead of computing them. Two copies of this
// module meet through a registered symbol, as the page keys do (page-keys.ts): the integration's
// and the bundle's. Lists not made from exactly the papers the pages read (the archive changed
// between the two reads), or none handed over (the dev server, a build whose thread failed), are
// computed here instead.
import { createHash } from 'node:crypto';
import { type RelatedInput, relatedPapers } from '../lib/related.ts';

export type RelatedLists = ReadonlyMap<string, readonly string[]>;

/** The lists, and a digest of the papers they were made from. */
export type Handed = { lists: RelatedLists; digest: string };

const CHANNEL = Symbol.for('daily-papers-archive.related-papers');

type Channel = { [CHANNEL]?: Promise<Handed> };

/** A digest of what related papers are made from: every paper's id and words, in id order. */
export function inputsDigest(papers: readonly RelatedInput[]): string {
  const hash = createHash('sha256');
  for (const p of [...papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    hash.update(JSON.stringify([p.id, p.title, p.abstract, p.aiSummary, p.aiKeywords]));
  return hash.digest('base64url');
}

/** The thread's side: the lists it makes, with the digest of their papers. */
export function handOver(papers: readonly RelatedInput[]): Handed {
  return { lists: relatedPapers(papers), digest: inputsDigest(papers) };
}

/** The integration's side: the lists to come from its thread. */
export function publishRelated(lists: Promise<Handed>): void {
  lists.catch(() => {});
  (globalThis as Channel)[CHANNEL] = lists;
}

export function clearPublishedRelated(): void {
  delete (globalThis as Channel)[CHANNEL];
}

/** The pages' side: the lists handed over when made of these very papers, else computed now. */
export async function relatedFor(papers: readonly RelatedInput[]): Promise<RelatedLists> {
  const handed = await ((globalThis as Channel)[CHANNEL] ?? Promise.resolve(null)).catch(() => null);
  return handed && handed.digest === inputsDigest(papers) ? handed.lists : relatedPapers(papers);
}
