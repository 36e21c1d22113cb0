// Turns Hugging Face's item shape (the API answer and the page's embedded JSON are the same)
// into archive records. Every era of the format since 2023 goes through here; fields that
// arrived later are optional, and a record that cannot be trusted is rejected with a reason
// rather than half-kept.
import { type Account, ARXIV_ID, type Paper } from './schema.ts';
import { cleanText, oneLine, unwrapParagraphs } from './text.ts';

export type Rejection = { rank: number; id: string | null; reason: string };
export type ItemResult = { ok: true; paper: Paper } | { ok: false; rejection: Rejection };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const count = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);

function timestamp(v: unknown): string | null {
  if (typeof v !== 'string' || v === '') return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function optionalText(v: unknown): string | null {
  const s = str(v);
  if (s === null) return null;
  const t = cleanText(s).trim();
  return t === '' ? null : t;
}

function account(v: unknown, handleKeys: readonly string[]): Account | null {
  if (!isObj(v)) return null;
  const handle = handleKeys.map((k) => str(v[k])).find((s) => s !== null && oneLine(s) !== '');
  if (handle === undefined || handle === null) return null;
  const name = str(v['fullname']);
  return { handle: oneLine(handle), name: oneLine(name !== null && oneLine(name) !== '' ? name : handle) };
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

/** One item of a listing, at 1-based `rank`. */
export function paperFromItem(item: unknown, rank: number): ItemResult {
  const reject = (id: string | null, reason: string): ItemResult => ({
    ok: false,
    rejection: { rank, id, reason },
  });
  if (!isObj(item)) return reject(null, `is not an object (${item === null ? 'null' : typeof item})`);
  const paper = isObj(item['paper']) ? item['paper'] : null;
  if (!paper) return reject(null, 'has no "paper" object');

  const rawId = paper['id'];
  const problem = idProblem(rawId);
  if (problem) return reject(typeof rawId === 'string' ? rawId : null, problem);
  const id = rawId as string;

  const title = oneLine(str(paper['title']) ?? str(item['title']) ?? '');
  if (!title) return reject(id, 'has no title');

  const authors = Array.isArray(paper['authors'])
    ? paper['authors']
        .map((a) => (isObj(a) ? str(a['name']) : str(a)))
        .filter((n): n is string => n !== null)
        .map(oneLine)
        .filter((n) => n !== '')
    : [];

  const keywords = Array.isArray(paper['ai_keywords'])
    ? paper['ai_keywords']
        .map((k) => str(k))
        .filter((k): k is string => k !== null)
        .map(oneLine)
        .filter((k) => k !== '')
    : [];

  return {
    ok: true,
    paper: {
      rank,
      id,
      title,
      authors,
      abstract: unwrapParagraphs(str(paper['summary']) ?? str(item['summary']) ?? ''),
      publishedAt: timestamp(paper['publishedAt']),
      upvotes: count(paper['upvotes']) ?? 0,
      comments: count(item['numComments']) ?? 0,
      submitter:
        account(item['submittedBy'], ['name', 'user']) ?? account(paper['submittedOnDailyBy'], ['name', 'user']),
      // `organization` from Oct 2025, briefly called `submitterOrganization` before that.
      organization:
        account(item['organization'], ['name']) ??
        account(paper['organization'], ['name']) ??
        account(item['submitterOrganization'], ['name']),
      githubRepo: optionalText(paper['githubRepo']),
      githubStars: count(paper['githubStars']),
      projectPage: optionalText(paper['projectPage']),
      aiSummary: optionalText(paper['ai_summary']),
      aiKeywords: keywords,
      // `thumbnail` replaced `mediaUrl` in June 2024.
      thumbnail: optionalText(item['thumbnail']) ?? optionalText(item['mediaUrl']),
      withdrawnAt: timestamp(paper['withdrawnAt']),
    },
  };
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
