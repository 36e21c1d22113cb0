// A search as its URL says it: words (?q=), an author (?author=), filters and a sort. The URL
// is the whole state of a search (what a link to it, a keyword or author link, the history and
// the form all read and write), so it is read and written here only. Pure: the search page and
// the unit tests import it.

export const FILTERS = ['year', 'month', 'from', 'to', 'upvotes', 'organization', 'keyword', 'code'] as const;
export type Filter = (typeof FILTERS)[number];

export const SORTS = ['upvotes', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];

export type SearchRequest = {
  q: string;
  author: string;
  filters: Partial<Record<Filter, string>>;
  sort: Sort | '';
};

/** One line: what a value from a URL or a field may be (trimmed, spaces collapsed, bounded). */
function clean(value: string | null | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim().slice(0, 500);
}

const isSort = (value: string): value is Sort => (SORTS as readonly string[]).includes(value);

/**
 * A day a date range begins (`end` false) or ends at, from YYYY-MM-DD, YYYY-MM or YYYY: a month
 * or a year from its first day, to its last. Null for anything else.
 */
export function rangeDay(value: string, end: boolean): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null];
  if (month !== null && (month < 1 || month > 12)) return null;
  let time: number;
  if (day !== null) time = Date.UTC(year, month! - 1, day);
  else if (month !== null) time = end ? Date.UTC(year, month, 0) : Date.UTC(year, month - 1, 1);
  else time = end ? Date.UTC(year, 11, 31) : Date.UTC(year, 0, 1);
  const iso = new Date(time).toISOString().slice(0, 10);
  // A day that does not exist (2025-02-30) rolls over: refused.
  return day !== null && iso !== value ? null : iso;
}

/** A filter's value as the search reads it, or "" when it is none it can read. */
function filterValue(key: Filter, value: string): string {
  if (key === 'from' || key === 'to') return rangeDay(value, key === 'to') ?? '';
  if (key === 'upvotes') return /^\d{1,6}$/.test(value) ? String(Number(value)) : '';
  return value;
}

export function readRequest(params: URLSearchParams): SearchRequest {
  const filters: SearchRequest['filters'] = {};
  for (const key of FILTERS) {
    const value = filterValue(key, clean(params.get(key)));
    if (value) filters[key] = value;
  }
  const sort = clean(params.get('sort'));
  return { q: clean(params.get('q')), author: clean(params.get('author')), filters, sort: isSort(sort) ? sort : '' };
}

/** The request's URL parameters, always in the same order, empty ones left out. */
export function requestParams(request: SearchRequest): URLSearchParams {
  const params = new URLSearchParams();
  if (request.q) params.set('q', request.q);
  if (request.author) params.set('author', request.author);
  for (const key of FILTERS) {
    const value = request.filters[key];
    if (value) params.set(key, value);
  }
  if (request.sort) params.set('sort', request.sort);
  return params;
}

export function sameRequest(a: SearchRequest, b: SearchRequest): boolean {
  return requestParams(a).toString() === requestParams(b).toString();
}

/** Nothing asked: no words, no author, no filter, no sort. */
export function isEmptyRequest(request: SearchRequest): boolean {
  return requestParams(request).toString() === '';
}

/** What narrows a request, each with the request without it: the "drop this" links of no results. */
export function narrowings(request: SearchRequest): { label: string; without: SearchRequest }[] {
  const out: { label: string; without: SearchRequest }[] = [];
  if (request.author) out.push({ label: `by ${request.author}`, without: { ...request, author: '' } });
  for (const key of FILTERS) {
    const value = request.filters[key];
    if (!value) continue;
    const { [key]: _, ...rest } = request.filters;
    const label =
      key === 'code'
        ? 'with code'
        : key === 'upvotes'
          ? `at least ${value} upvote${value === '1' ? '' : 's'}`
          : `${key} ${value}`;
    out.push({ label, without: { ...request, filters: rest } });
  }
  return out;
}
