// The organizations the search filters by, and how a name typed finds them: by its words, case
// and accents ignored, as a researcher writes them ("Meta" finds "AI at Meta" and "Meta Research",
// "alibaba" every Alibaba lab), or, when none has those words, the nearest names offered instead.
// The build writes the list (search/organizations.json, most papers first), and the paper table
// numbers each paper's organization by its place in it (search-table.ts). Pure.
import type { PaperEntry } from './archive-index.ts';
import { filterKey } from './search-keys.ts';
import { wordsOf } from './search-text.ts';
import { distance } from './search-vocabulary.ts';

/** Name and papers, most papers first, then by name. */
export type OrganizationList = [name: string, papers: number][];

export function organizationList(papers: Iterable<PaperEntry>): OrganizationList {
  const counts = new Map<string, number>();
  for (const { paper } of papers) {
    if (paper.organization) counts.set(paper.organization.name, (counts.get(paper.organization.name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Each paper's organization as its place in the list, from 1 (0: none). */
export function organizationNumbers(list: OrganizationList): (name: string | null | undefined) => number {
  const place = new Map(list.map(([name], i) => [name, i + 1]));
  return (name) => (name ? (place.get(name) ?? 0) : 0);
}

/**
 * The organizations (places in the list, from 1) a typed name finds: the one named exactly, and
 * every one whose name holds each typed word as a whole word.
 */
export function matchOrganizations(typed: string, list: OrganizationList): number[] {
  const key = filterKey(typed);
  const words = wordsOf(typed);
  if (words.length === 0) return [];
  const found: number[] = [];
  for (const [i, [name]] of list.entries()) {
    const held = new Set(wordsOf(name));
    if (filterKey(name) === key || words.every((w) => held.has(w))) found.push(i + 1);
  }
  return found;
}

/**
 * Names near a typed one that finds none: each typed word one edit from a word of the name (two
 * for a word of seven letters or more), the names with most papers first.
 */
export function nearOrganizations(typed: string, list: OrganizationList, count = 5): string[] {
  const words = wordsOf(typed).filter((w) => w.length >= 3);
  if (words.length === 0) return [];
  const near = list.filter(([name]) => {
    const held = wordsOf(name);
    return words.every((w) => held.some((h) => distance(w, h, w.length >= 7 ? 2 : 1) <= (w.length >= 7 ? 2 : 1)));
  });
  return near.slice(0, count).map(([name]) => name);
}
