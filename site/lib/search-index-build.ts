// The search index of every paper, made from the archive on every build: the keys each paper
// holds (search-index-format.ts says which), sorted and cut into shards, the manifest that finds
// them, each paper's record (what a result shows and its excerpt is cut from), the paper table
// and the organization list. One index, made whole each time in a few seconds: no part of it is
// kept from an earlier build, so what a search answers never depends on how the site was built.
// Pure: papers in index order in, files' contents out (site/integrations/search-index.ts writes
// them).
import type { PaperEntry } from './archive-index.ts';
import {
  FIELD,
  INDEX_FORMAT,
  idKey,
  type Manifest,
  phraseKey,
  SHARD_BYTES,
  ShardWriter,
} from './search-index-format.ts';
import { keywordKey, nameKeys, titleKey } from './search-keys.ts';
import { type OrganizationList, organizationList, organizationNumbers } from './search-organizations.ts';
import type { TableRow } from './search-table.ts';
import { STOP_STEMS, stemOf, wordsOf } from './search-text.ts';

/** What a result shows of a paper, and the text its excerpt is cut from. */
export type PaperDoc = {
  id: string;
  title: string;
  authors: string[];
  organization: string | null;
  keywords: string[];
  /** The day it was first featured. */
  day: string;
  upvotes: number;
  /** The AI summary, then the abstract, as one text: what the excerpt is cut from. */
  body: string;
};

export type BuiltIndex = {
  manifest: Manifest;
  /** Each shard's bytes, not yet gzipped. */
  shards: Uint8Array[];
  papers: PaperDoc[];
  table: TableRow[];
  organizations: OrganizationList;
};

const byFirstFeatured = (a: PaperEntry, b: PaperEntry): number =>
  a.firstDate.localeCompare(b.firstDate) || a.id.localeCompare(b.id);

/**
 * The order the index numbers papers in: by the day first featured, then arXiv id. The paper
 * table and the paper records are in the same order, and a paper's place in it is the last key
 * of every order the search gives (search-rank.ts), so that order is fixed.
 */
export function indexOrder(papers: Iterable<PaperEntry>): PaperEntry[] {
  return [...papers].sort(byFirstFeatured);
}

/** The paper's body: its AI summary, then its abstract (a paper with neither: its title). */
export function bodyOf({ paper }: PaperEntry): string {
  const body = [paper.aiSummary ?? '', paper.abstract].map((t) => t.trim()).filter(Boolean);
  return body.length > 0 ? body.join('\n\n') : paper.title;
}

/** Each key's postings, flat: for a word's stem [paper, fields, count, …], else [paper, …]. */
type Keys = Map<string, number[]>;

/** Adds paper `i` to a lookup or phrase key, once. */
function addPaper(keys: Keys, key: string, i: number): void {
  const list = keys.get(key);
  if (!list) keys.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

/** Stems are looked up once a word: the archive has some 60,000 words and 3 million in all. */
const stems = new Map<string, string>();
function stemCached(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = stemOf(word);
    stems.set(word, stem);
  }
  return stem;
}

const stemsOf = (text: string): string[] => wordsOf(text).map(stemCached);

/** The keys of one paper: its words with where they are, its phrases, its exact lookups. */
function paperKeys(keys: Keys, entry: PaperEntry, i: number, body: string): number {
  const { paper } = entry;
  const words = new Map<string, { fields: number; count: number }>();
  const note = (list: string[], field: number): string[] => {
    for (const stem of list) {
      const seen = words.get(stem);
      if (seen) {
        seen.fields |= field;
        if (field === FIELD.body) seen.count += 1;
      } else words.set(stem, { fields: field, count: field === FIELD.body ? 1 : 0 });
    }
    return list;
  };
  const titleStems = note(stemsOf(paper.title), FIELD.title);
  note(stemsOf(paper.aiKeywords.join(' , ')), FIELD.keywords);
  const bodyStems = note(stemsOf(body), FIELD.body);
  note(stemsOf(paper.authors.join(' , ')), FIELD.authors);
  if (paper.organization) note(stemsOf(paper.organization.name), FIELD.organization);
  if (paper.submitter) note(stemsOf(`${paper.submitter.name} ${paper.submitter.handle}`), FIELD.submitter);
  for (const [stem, w] of words) {
    const list = keys.get(stem);
    if (list) list.push(i, w.fields, w.count);
    else keys.set(stem, [i, w.fields, w.count]);
  }
  // Phrases within the title and within the body, never across them, over stop words ("mixture
  // of experts" is "mixtur expert"): a third fewer keys, and what a phrase means either way.
  const phrases = new Set<string>();
  for (const list of [titleStems, bodyStems]) {
    const kept = list.filter((stem) => !STOP_STEMS.has(stem));
    for (let k = 0; k + 1 < kept.length; k++) phrases.add(phraseKey(kept[k]!, kept[k + 1]!));
  }
  for (const key of phrases) addPaper(keys, key, i);
  addPaper(keys, idKey(paper.id), i);
  addPaper(keys, titleKey(paper.title), i);
  for (const author of paper.authors) for (const key of nameKeys(author)) addPaper(keys, key, i);
  for (const keyword of paper.aiKeywords) addPaper(keys, keywordKey(keyword), i);
  return bodyStems.length;
}

/** Sorted keys cut into shards of about SHARD_BYTES. */
function shardsOf(keys: Keys): { shards: Uint8Array[]; firsts: string[] } {
  // Sorted by UTF-16 code units, as the engine compares keys (`<`).
  const sorted = [...keys.keys()].sort();
  const shards: Uint8Array[] = [];
  const firsts: string[] = [];
  let writer = new ShardWriter();
  for (const key of sorted) {
    if (writer.count > 0 && writer.size >= SHARD_BYTES) {
      shards.push(writer.finish());
      writer = new ShardWriter();
    }
    if (writer.count === 0) firsts.push(key);
    writer.add(key, keys.get(key)!);
  }
  if (writer.count > 0) shards.push(writer.finish());
  return { shards, firsts };
}

export function buildIndex(ordered: readonly PaperEntry[]): BuiltIndex {
  const organizations = organizationList(ordered);
  const numberOf = organizationNumbers(organizations);
  const keys: Keys = new Map();
  const papers: PaperDoc[] = [];
  const table: TableRow[] = [];
  let words = 0;
  ordered.forEach((entry, i) => {
    const { paper } = entry;
    const body = bodyOf(entry);
    const length = paperKeys(keys, entry, i, body);
    words += length;
    papers.push({
      id: paper.id,
      title: paper.title,
      authors: paper.authors,
      organization: paper.organization?.name ?? null,
      keywords: paper.aiKeywords,
      day: entry.firstDate,
      upvotes: paper.upvotes,
      body,
    });
    table.push({
      day: entry.firstDate,
      upvotes: paper.upvotes,
      code: paper.githubRepo !== null,
      organization: numberOf(paper.organization?.name),
      length,
    });
  });
  const { shards, firsts } = shardsOf(keys);
  const newest = ordered.at(-1)?.firstDate ?? '';
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    // Named by the build's integration, from every file it writes (site/integrations/search-index.ts).
    build: '',
    papers: ordered.length,
    meanLength: ordered.length > 0 ? Math.round((words / ordered.length) * 10) / 10 : 0,
    newest,
    shards: firsts,
  };
  return { manifest, shards, papers, table, organizations };
}
