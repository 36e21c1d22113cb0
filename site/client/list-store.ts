// The reading list's data, kept in the browser's localStorage and nowhere else: what a star keeps
// of a paper (the citation record the exports need, lib/cite-formats.ts), read back tolerantly
// (storage is the reader's, and anything can be in it: another version, a hand edit, a
// truncated write), and the ids a shared link carries in its fragment. Pure: strings and
// records in, strings and records out; the DOM and storage are the callers' (stars.ts,
// list-page.ts).
import type { CiteRecord } from '../lib/cite-formats.ts';

export type { CiteRecord };

/** The storage key; a new shape of the data gets a new number and an upgrade in parseList. */
export const LIST_KEY = 'dpa-reading-list-v1';
/** Where an unreadable list is set aside before a new one is written: nothing is lost. */
export const LIST_SPARE_KEY = 'dpa-reading-list-unreadable';

/**
 * A kept paper. `complete` is false when the page it was starred from did not hold all of it: a
 * card names at most the first 50 authors, a shared link only the id. The paper's own page
 * completes it (stars.ts), and so does the list page where it can read that page (http).
 */
export type Entry = { record: CiteRecord; complete: boolean; added: number };
export type List = Entry[];

export type Parsed = { list: List; unreadable: boolean };

const ARXIV_ID = /^\d{4}\.\d{4,5}$/;
/** A new-style arXiv id without version, as the archive names papers ("2501.01234"). */
export const isArxivId = (s: unknown): s is string => typeof s === 'string' && ARXIV_ID.test(s);

const isText = (s: unknown, most = 5000): s is string => typeof s === 'string' && s.length <= most;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A record as stored or imported, or null when it is not one. Extra fields are dropped. */
export function checkRecord(value: unknown): CiteRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  if (!isArxivId(r['id']) || !isText(r['title']) || !isText(r['year'], 4)) return null;
  const authors = r['authors'];
  if (!Array.isArray(authors) || authors.length > 10_000 || !authors.every((a) => isText(a, 500))) return null;
  const date = r['date'] ?? null;
  if (date !== null && !(typeof date === 'string' && DAY.test(date))) return null;
  return { id: r['id'], title: r['title'], authors: [...authors], year: r['year'], date };
}

function checkEntry(value: unknown): Entry | null {
  if (typeof value !== 'object' || value === null) return null;
  const e = value as Record<string, unknown>;
  const record = checkRecord(e['record']);
  if (!record) return null;
  const added = typeof e['added'] === 'number' && Number.isFinite(e['added']) ? e['added'] : 0;
  return { record, complete: e['complete'] !== false, added };
}

/**
 * The list in storage. Nothing stored is an empty list; a list of another shape or of bad JSON
 * is `unreadable` (the caller sets the raw text aside before writing); entries that are not
 * entries are dropped one by one, the others kept, each id once.
 */
export function parseList(raw: string | null): Parsed {
  if (raw === null || raw === '') return { list: [], unreadable: false };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { list: [], unreadable: true };
  }
  const items = (data as { v?: unknown; items?: unknown } | null)?.items;
  if ((data as { v?: unknown } | null)?.v !== 1 || !Array.isArray(items)) return { list: [], unreadable: true };
  const seen = new Set<string>();
  const list: List = [];
  for (const item of items) {
    const entry = checkEntry(item);
    if (!entry || seen.has(entry.record.id)) continue;
    seen.add(entry.record.id);
    list.push(entry);
  }
  return { list, unreadable: false };
}

export const serializeList = (list: List): string => JSON.stringify({ v: 1, items: list });

export const has = (list: List, id: string): boolean => list.some((e) => e.record.id === id);

export const without = (list: List, id: string): List => list.filter((e) => e.record.id !== id);

/**
 * The list with a paper kept (first, as the newest), or its entry brought up to date: a complete
 * record replaces an incomplete one, never the other way round.
 */
export function keep(list: List, record: CiteRecord, complete: boolean, now: number): List {
  const old = list.find((e) => e.record.id === record.id);
  if (!old) return [{ record, complete, added: now }, ...list];
  if (old.complete && !complete) return list;
  return list.map((e) => (e === old ? { record, complete, added: old.added } : e));
}

/** Records merged in (an import, a shared list): new ones first, known ones completed. */
export function merge(
  list: List,
  records: readonly CiteRecord[],
  complete: boolean,
  now: number,
): { list: List; added: number } {
  let out = list;
  let added = 0;
  for (const record of [...records].reverse()) {
    if (!has(out, record.id)) added += 1;
    out = keep(out, record, complete, now);
  }
  return { list: out, added };
}

/** The most ids a shared link carries: a link longer than browsers and chats keep is no link. */
export const SHARE_MOST = 500;

/** The fragment of a link that shares these ids: "#ids=2501.01234,2502.00001". */
export const shareFragment = (ids: readonly string[]): string => `#ids=${ids.slice(0, SHARE_MOST).join(',')}`;

/**
 * The ids a link's fragment shares, each checked as an arXiv id (anything else is counted and
 * left out, never shown), each once, at most SHARE_MOST; null when the fragment shares nothing.
 */
export function parseShare(hash: string): { ids: string[]; rejected: number } | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text.startsWith('ids=')) return null;
  let value = text.slice(4);
  try {
    value = decodeURIComponent(value);
  } catch {
    // A malformed escape: read the text as it is; its ids still have to pass the check.
  }
  const ids: string[] = [];
  let rejected = 0;
  for (const part of value.split(',')) {
    const id = part.trim();
    if (id === '') continue;
    if (!isArxivId(id)) rejected += 1;
    else if (!ids.includes(id) && ids.length < SHARE_MOST) ids.push(id);
  }
  return { ids, rejected };
}
