// The JSON API: /api/daily_papers (one day, paged) and /api/papers/<id>.
import { type Answer, jsonAnswer } from './answer.ts';
import { isDate } from './calendar.ts';
import type { Site } from './days.ts';
import { paperObject } from './paper-page.ts';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 100;

function nonNegativeInt(s: string | null, fallback: number): number | null {
  if (s === null || s === '') return fallback;
  return /^\d+$/.test(s) ? Number(s) : null;
}

/**
 * One page of a day's items. `url` is the request's absolute URL: the `Link` to the next page is
 * the same URL with `p` moved on, so any other query parameters survive.
 */
export function dailyPapersAnswer(site: Site, url: URL): Answer {
  const date = url.searchParams.get('date');
  if (date === null || !isDate(date)) return jsonAnswer(400, { error: 'Invalid date' });
  const limit = nonNegativeInt(url.searchParams.get('limit'), DEFAULT_LIMIT);
  if (limit === null || limit < 1) return jsonAnswer(400, { error: 'Invalid limit' });
  if (limit > MAX_LIMIT) return jsonAnswer(400, { error: 'Too big' });
  const p = nonNegativeInt(url.searchParams.get('p'), 0);
  if (p === null) return jsonAnswer(400, { error: 'Invalid page' });
  // The real API refuses a day that has not begun rather than answering an empty list.
  if (date > site.today) return jsonAnswer(400, { error: 'Invalid date' });

  const items = site.days.get(date) ?? [];
  const start = p * limit;
  const headers: Record<string, string> = {};
  if (start + limit < items.length) {
    const next = new URL(url);
    next.searchParams.set('p', String(p + 1));
    headers['link'] = `<${next.href}>; rel="next"`;
  }
  return jsonAnswer(200, items.slice(start, start + limit), headers);
}

export function paperApiAnswer(site: Site, id: string): Answer {
  const found = site.papers.get(id);
  return found ? jsonAnswer(200, paperObject(found.item)) : jsonAnswer(404, { error: 'Paper not found' });
}
