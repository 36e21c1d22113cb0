// What a star button carries of its paper beyond what the card or page shows (the title and the
// authors are read from those, client/star-record.ts): the id, and the arXiv day a citation
// gives, and its year only where the day does not say it. Few bytes: every card has a star.
import type { Paper } from '../../scraper/archive/index.ts';

// The day and year by citeRecord's rule (lib/cite-formats.ts): the list's records and the site's exports agree.
export function starData(paper: Pick<Paper, 'id' | 'publishedAt'>): Record<string, string> {
  const date = paper.publishedAt?.slice(0, 10) ?? null;
  return date
    ? { 'data-star': paper.id, 'data-date': date }
    : { 'data-star': paper.id, 'data-year': `20${paper.id.slice(0, 2)}` };
}
