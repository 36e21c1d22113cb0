// Turns Hugging Face's item shape (the API answer and the page's embedded JSON are the same)
// into archive records. Every era of the format since 2023 goes through here; fields that
// arrived later are optional (absent, or null), but a field that is there with the wrong type
// (votes as the string "0", an author list that is null) makes the record untrustworthy: it is
// rejected with the field named, never coerced into something that looks right.
import { type Account, ARXIV_ID, type Paper } from './schema.ts';
import { cleanText, oneLine, unwrapParagraphs } from './text.ts';

export type Rejection = { rank: number; id: string | null; reason: string };
export type ItemResult = { ok: true; paper: Paper } | { ok: false; rejection: Rejection };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const absent = (v: unknown): v is null | undefined => v === undefined || v === null;

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v)}`;
  if (typeof v === 'number') return `the number ${v}`;
  return `a ${typeof v}`;
}

/** Reads the fields of one item, noting every field whose type is wrong. */
class FieldReader {
  readonly wrong: string[] = [];

  #bad(name: string, v: unknown, expected: string): null {
    this.wrong.push(`${name} is ${typeName(v)}, not ${expected}`);
    return null;
  }

  /** A string, or null when absent; wrong when another type. */
  text(name: string, v: unknown): string | null {
    if (absent(v)) return null;
    return typeof v === 'string' ? v : this.#bad(name, v, 'text');
  }

  /** A whole number ≥ 0, or null when absent. */
  count(name: string, v: unknown): number | null {
    if (absent(v)) return null;
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : this.#bad(name, v, 'a whole number');
  }

  /** A time, as ISO UTC, or null when absent. */
  time(name: string, v: unknown): string | null {
    if (absent(v) || v === '') return null;
    const ms = typeof v === 'string' ? Date.parse(v) : Number.NaN;
    return Number.isNaN(ms) ? this.#bad(name, v, 'a time') : new Date(ms).toISOString();
  }

  /** A list, or [] when absent. */
  list(name: string, v: unknown): unknown[] {
    if (v === undefined) return [];
    return Array.isArray(v) ? v : (this.#bad(name, v, 'a list') ?? []);
  }

  /** An object, or null when absent. */
  object(name: string, v: unknown): Obj | null {
    if (absent(v)) return null;
    return isObj(v) ? v : this.#bad(name, v, 'an object');
  }
}

function optionalText(s: string | null): string | null {
  if (s === null) return null;
  const t = cleanText(s).trim();
  return t === '' ? null : t;
}

function account(fields: FieldReader, name: string, raw: unknown, handleKeys: readonly string[]): Account | null {
  const v = fields.object(name, raw);
  if (!v) return null;
  const handle = handleKeys
    .map((k) => (typeof v[k] === 'string' ? (v[k] as string) : null))
    .find((s) => s !== null && oneLine(s) !== '');
  if (handle === undefined || handle === null) return null;
  const full = typeof v['fullname'] === 'string' ? oneLine(v['fullname']) : '';
  return { handle: oneLine(handle), name: full !== '' ? full : oneLine(handle) };
}

/** Why `id` cannot name a paper (and so can never become a path), or null when it can. */
export function idProblem(id: unknown): string | null {
  if (id === undefined || id === null) return 'has no paper id';
  if (typeof id === 'number') {
    return `has a numeric id (${id}); arXiv ids are strings (2503.02130 is not the number 2503.0213)`;
  }
  if (typeof id !== 'string') return `has an id of type ${typeof id}`;
  if (id === '') return 'has an empty id';
  if (!ARXIV_ID.test(id)) return `has an id that is not an arXiv id: ${JSON.stringify(id.slice(0, 80))}`;
  return null;
}

/** Author names, from `[{ name }]` (the API) or `["name"]` (older dumps). */
function authorNames(fields: FieldReader, raw: unknown): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    fields.list('paper.authors', raw);
    return [];
  }
  const names: string[] = [];
  raw.forEach((a, i) => {
    const name = isObj(a) ? a['name'] : a;
    const text = fields.text(`paper.authors[${i}].name`, name);
    if (text !== null && oneLine(text) !== '') names.push(oneLine(text));
  });
  return names;
}

/** One item of a listing, at 1-based `rank`. */
export function paperFromItem(item: unknown, rank: number): ItemResult {
  const reject = (id: string | null, reason: string): ItemResult => ({ ok: false, rejection: { rank, id, reason } });
  if (!isObj(item)) return reject(null, `is not an object (${item === null ? 'null' : typeof item})`);
  const paper = isObj(item['paper']) ? item['paper'] : null;
  if (!paper) return reject(null, 'has no "paper" object');

  const rawId = paper['id'];
  const problem = idProblem(rawId);
  if (problem) return reject(typeof rawId === 'string' ? rawId : null, problem);
  const id = rawId as string;

  const f = new FieldReader();
  const title = oneLine(f.text('paper.title', paper['title']) ?? f.text('title', item['title']) ?? '');
  const authors = authorNames(f, paper['authors']);
  const keywords = f
    .list('paper.ai_keywords', paper['ai_keywords'])
    .map((k, i) => f.text(`paper.ai_keywords[${i}]`, k))
    .filter((k): k is string => k !== null)
    .map(oneLine)
    .filter((k) => k !== '');
  const abstract = unwrapParagraphs(
    f.text('paper.summary', paper['summary']) ?? f.text('summary', item['summary']) ?? '',
  );
  const record: Paper = {
    rank,
    id,
    title,
    authors,
    abstract,
    publishedAt: f.time('paper.publishedAt', paper['publishedAt']),
    upvotes: f.count('paper.upvotes', paper['upvotes']) ?? 0,
    comments: f.count('numComments', item['numComments']) ?? 0,
    submitter:
      account(f, 'submittedBy', item['submittedBy'], ['name', 'user']) ??
      account(f, 'paper.submittedOnDailyBy', paper['submittedOnDailyBy'], ['name', 'user']),
    // `organization` from Oct 2025, briefly called `submitterOrganization` before that.
    organization:
      account(f, 'organization', item['organization'], ['name']) ??
      account(f, 'paper.organization', paper['organization'], ['name']) ??
      account(f, 'submitterOrganization', item['submitterOrganization'], ['name']),
    githubRepo: optionalText(f.text('paper.githubRepo', paper['githubRepo'])),
    githubStars: f.count('paper.githubStars', paper['githubStars']),
    projectPage: optionalText(f.text('paper.projectPage', paper['projectPage'])),
    aiSummary: optionalText(f.text('paper.ai_summary', paper['ai_summary'])),
    aiKeywords: keywords,
    // `thumbnail` replaced `mediaUrl` in June 2024.
    thumbnail:
      optionalText(f.text('thumbnail', item['thumbnail'])) ?? optionalText(f.text('mediaUrl', item['mediaUrl'])),
    withdrawnAt: f.time('paper.withdrawnAt', paper['withdrawnAt']),
  };
  if (f.wrong.length > 0) return reject(id, `has fields of the wrong type: ${f.wrong.slice(0, 3).join('; ')}`);
  if (!title) return reject(id, 'has no title');
  return { ok: true, paper: record };
}

export type ListingResult = { papers: Paper[]; rejected: Rejection[] };

/**
 * A whole listing, in order. Rejected items leave no gap: ranks are the positions among the
 * papers kept, so a day file always reads 1..n; the rejections say what was dropped.
 */
export function papersFromItems(items: readonly unknown[]): ListingResult {
  const papers: Paper[] = [];
  const rejected: Rejection[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const result = paperFromItem(item, i + 1);
    if (!result.ok) {
      rejected.push(result.rejection);
    } else if (seen.has(result.paper.id)) {
      rejected.push({ rank: i + 1, id: result.paper.id, reason: 'is listed twice on this day' });
    } else {
      seen.add(result.paper.id);
      papers.push({ ...result.paper, rank: papers.length + 1 });
    }
  });
  return { papers, rejected };
}

export function describeRejection(r: Rejection): string {
  return `item ${r.rank}${r.id ? ` (${r.id})` : ''} ${r.reason}`;
}
