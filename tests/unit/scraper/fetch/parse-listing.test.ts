// Parsing listing pages as the replay server renders them from real days, and as the site's
// markup has looked at other times.
import { describe, expect, it } from 'vitest';
import { LayoutChangedError, parseListingPage, TruncatedPageError } from '../../../../scraper/fetch/parse-listing.ts';
import { ERA_DAYS, fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { renderListingPage } from '../../../../scripts/replay/listing-page.ts';

const URL_OF = (date: string) => `https://huggingface.co/papers/date/${date}`;
const pageOf = (
  date: string,
  layout: 'normal' | 'no-embedded-json' | 'no-data' = 'normal',
  items = fixtureItems(date),
) => renderListingPage({ date, items, prevDate: null, nextDate: null, layout });

describe('parsing a listing page', () => {
  for (const date of [ERA_DAYS.first2023, ERA_DAYS.mid2024, ERA_DAYS.submitterOrg2025, ERA_DAYS.late2026]) {
    it(`reads the embedded items of ${date} exactly`, () => {
      const page = parseListingPage(pageOf(date), URL_OF(date));
      expect(page.kind).toBe('embedded');
      if (page.kind !== 'embedded') return;
      expect(page.dateString).toBe(date);
      expect(page.items).toEqual(fixtureItems(date).map((i) => ({ ...i, upvoted: false })));
    });
  }

  it('falls back to the cards: id, title, votes, comments, organization or author count', () => {
    const date = ERA_DAYS.late2026;
    const items = fixtureItems(date);
    const page = parseListingPage(pageOf(date, 'no-embedded-json'), URL_OF(date));
    expect(page.kind).toBe('cards');
    if (page.kind !== 'cards') return;
    expect(page.cards.map((c) => c.id)).toEqual(items.map((i) => i.paper.id));
    expect(page.cards[0]).toMatchObject({
      title: items[0]!.paper.title,
      upvotes: items[0]!.paper.upvotes,
      comments: items[0]!.numComments,
      submitterName: 'Zi-Han Wang',
      organization: { handle: 'Tsinghua', name: 'Tsinghua University' },
    });
    const noOrg = page.cards.find((_c, i) => !items[i]!.organization)!;
    expect(noOrg.organization).toBeNull();
    expect(noOrg.authorCount).toBe(items.find((i) => i.paper.id === noOrg.id)!.paper.authors.length);
  });

  it('reads cards that are divs (the markup before May 2025), and "-" for no votes', () => {
    const date = ERA_DAYS.late2026;
    const items = fixtureItems(date).slice(0, 3);
    items[1]!.paper.upvotes = 0;
    const html = pageOf(date, 'no-embedded-json', items)
      .replace(/<article\b/g, '<div')
      .replace(/<\/article>/g, '</div>');
    const page = parseListingPage(html, URL_OF(date));
    if (page.kind !== 'cards') throw new Error(page.kind);
    expect(page.cards.map((c) => [c.id, c.upvotes])).toEqual(items.map((i) => [i.paper.id, i.paper.upvotes]));
  });

  it('says the layout changed, naming the URL, when neither data nor cards are there', () => {
    const date = ERA_DAYS.late2026;
    expect(() => parseListingPage(pageOf(date, 'no-data'), URL_OF(date))).toThrow(LayoutChangedError);
    expect(() => parseListingPage(pageOf(date, 'no-data'), URL_OF(date))).toThrow(
      'https://huggingface.co/papers/date/2026-08-07: no DailyPapers embedded data and no paper cards; the page layout changed',
    );
  });

  it('takes an answer cut off before </html> for a truncated one, worth a retry', () => {
    const html = pageOf(ERA_DAYS.late2026);
    expect(() => parseListingPage(html.slice(0, html.length / 2), URL_OF('2026-08-07'))).toThrow(TruncatedPageError);
  });
});
