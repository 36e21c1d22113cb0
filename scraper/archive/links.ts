// URLs the archive derives from ids and dates, and the one rule for which URLs from the data
// may become links.

export const HF_ORIGIN = 'https://huggingface.co';

export const arxivAbsUrl = (id: string): string => `https://arxiv.org/abs/${id}`;
export const arxivPdfUrl = (id: string): string => `https://arxiv.org/pdf/${id}`;
export const hfPaperUrl = (id: string, origin = HF_ORIGIN): string => `${origin}/papers/${id}`;
export const hfDayUrl = (date: string, origin = HF_ORIGIN): string => `${origin}/papers/date/${date}`;
export const hfApiDayUrl = (date: string, origin = HF_ORIGIN, page = 0, limit = 100): string =>
  `${origin}/api/daily_papers?date=${date}&limit=${limit}&p=${page}`;
export const hfAccountUrl = (handle: string, origin = HF_ORIGIN): string => `${origin}/${encodeURIComponent(handle)}`;

/**
 * Only absolute http(s) URLs from scraped data are ever rendered as links: a `javascript:`,
 * `data:` or relative value stays text.
 */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * A site's base path as "/" or "/a/b/" (leading and trailing slash, no empty, "." or ".."
 * segments, URL-safe characters only), or null when `raw` is not one. The site's build options
 * and `papers serve` read base paths alike.
 */
export function normalizeBasePath(raw: string): string | null {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed === '/') return '/';
  const parts = trimmed.split('/').filter(Boolean);
  const ok = parts.every((part) => /^[A-Za-z0-9._~-]+$/.test(part) && part !== '.' && part !== '..');
  return ok ? `/${parts.join('/')}/` : null;
}
