// Parsing listing pages as the replay server renders them from real days, in both shapes the
// real site has served (2024: the day as `date`, a timestamp; 2026: `dateString`, extra links to
// the paper on each card), and as the site's markup has looked at other times. On real cards the
// "Submitted by" badge is `.leading-none` and comes before the vote box: each field must still
// come from its own part of the card.
import { describe, expect, it } from 'vitest';
import {
  dayOfProps,
  LayoutChangedError,
  listingDateOf,
  parseListingPage,
  TruncatedPageError,
} from '../../../../scraper/fetch/parse-listing.ts';
import { ERA_DAYS, fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { type Era, eraOf, renderListingPage } from '../../../../scripts/replay/listing-page.ts';

const URL_OF = (date: string) => `https://huggingface.co/papers/date/${date}`;
const pageOf = (
  date: string,
  layout: 'normal' | 'no-embedded-json' | 'no-data' = 'normal',
  items = fixtureItems(date),
  era?: Era,
) => renderListingPage({ date, items, prevDate: null, nextDate: null, layout, ...(era ? { era } : {}) });

/** What the embedded data says each card should show. */
const expectedCards = (items: Record<string, any>[]) =>
  items.map((i) => ({
    id: i.paper.id,
    title: i.paper.title,
    upvotes: i.paper.upvotes,
    comments: i.numComments,
    submitterName: i.submittedBy?.name ?? null,
    thumbnail: i.thumbnail ?? i.mediaUrl ?? null,
  }));

describe('parsing a listing page', () => {
  for (const date of [ERA_DAYS.first2023, ERA_DAYS.mid2024, ERA_DAYS.submitterOrg2025, ERA_DAYS.late2026]) {
    it(`reads the embedded items of ${date} exactly, and the day the page names`, () => {
      const page = parseListingPage(pageOf(date), URL_OF(date));
      expect(page.kind).toBe('embedded');
      if (page.kind !== 'embedded') return;
      expect(page.day).toBe(date);
      expect(page.dayKey).toBe(eraOf(date) === '2024' ? 'date' : 'dateString');
      expect(page.items).toEqual(fixtureItems(date).map((i) => ({ ...i, upvoted: false })));
    });
  }

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

describe('the day a page names', () => {
  it('is `dateString` (2026), else the UTC day of `date` (2024), else none', () => {
    expect(dayOfProps({ dateString: '2026-09-28', date: '2024-01-01T00:00:00.000Z' })).toEqual({
      day: '2026-09-28',
      key: 'dateString',
    });
    expect(dayOfProps({ date: '2024-08-01T00:00:00.000Z' })).toEqual({ day: '2024-08-01', key: 'date' });
    expect(dayOfProps({ date: '2024-08-01' })).toEqual({ day: '2024-08-01', key: 'date' });
    for (const props of [{}, null, [], { date: 'yesterday' }, { dateString: 20260928 }, { date: 1722470400000 }])
      expect(dayOfProps(props)).toBeNull();
  });

  it('is null for a page whose data names no day, which is still read', () => {
    const date = ERA_DAYS.late2026;
    const html = pageOf(date).replace(/&quot;dateString&quot;:&quot;2026-08-07&quot;,/, '');
    const page = parseListingPage(html, URL_OF(date));
    expect(page).toMatchObject({ kind: 'embedded', day: null, dayKey: null });
  });

  it('is read from a URL or Location in either form: /papers/date/D, or the 2024 /papers?date=D', () => {
    const base = 'https://huggingface.co/papers/date/2024-08-03';
    expect(listingDateOf('/papers/date/2024-08-02', base)).toBe('2024-08-02');
    expect(listingDateOf('/papers?date=2024-08-02', base)).toBe('2024-08-02');
    expect(listingDateOf('https://hf.co/papers/?date=2024-08-02', base)).toBe('2024-08-02');
    for (const other of [
      '/papers',
      '/papers/trending',
      '/papers/2408.00001',
      '/papers?date=soon',
      '/models?date=2024-08-02',
    ])
      expect(listingDateOf(other, base)).toBeNull();
  });
});

describe('the card fallback on the real markup', () => {
  for (const [date, era] of [
    [ERA_DAYS.late2026, '2026'],
    ['2024-10-10', '2024'],
  ] as const) {
    it(`reads votes, comments, submitter and thumbnail from each ${era} card of ${date}, not the badge`, () => {
      const items = fixtureItems(date);
      const html = pageOf(date, 'no-embedded-json');
      // The trap: the first `.leading-none` of a card is the "Submitted by" badge.
      expect(html).toMatch(/<article[^>]*>(?:(?!<\/article>).)*?class="[^"]*leading-none[^"]*">Submitted by/s);
      const page = parseListingPage(html, URL_OF(date));
      if (page.kind !== 'cards') throw new Error(page.kind);
      expect(page.day).toBeNull();
      expect(
        page.cards.map(({ id, title, upvotes, comments, submitterName, thumbnail }) => ({
          id,
          title,
          upvotes,
          comments,
          submitterName,
          thumbnail,
        })),
      ).toEqual(expectedCards(items));
    });
  }

  it('takes a video card’s poster, or the video itself when it has none', () => {
    const date = ERA_DAYS.late2026;
    const items = fixtureItems(date);
    const withVideo = items.findIndex((i) => (i.mediaUrls ?? []).some((u: string) => u.endsWith('.mp4')));
    expect(withVideo).toBeGreaterThanOrEqual(0);
    const video = items[withVideo]!.mediaUrls.find((u: string) => u.endsWith('.mp4'));
    const html = pageOf(date, 'no-embedded-json');
    expect(html).toContain(`<video src="${video}" poster="${items[withVideo]!.thumbnail}"`);
    const posterless = html.replace(` poster="${items[withVideo]!.thumbnail}"`, '');
    const page = parseListingPage(posterless, URL_OF(date));
    if (page.kind !== 'cards') throw new Error(page.kind);
    expect(page.cards[withVideo]!.thumbnail).toBe(video);
  });

  it('takes the title from the heading, whatever other links to the paper come first (2026)', () => {
    const date = ERA_DAYS.late2026;
    const items = fixtureItems(date);
    const starred = items.findIndex((i) => i.paper.githubStars !== undefined);
    const html = pageOf(date, 'no-embedded-json');
    expect(html).toContain('>View paper</a>');
    expect(html).toContain(`<span>${items[starred]!.paper.githubStars}</span>`);
    // Even with the heading moved after the "View paper" link and the stars.
    const page = parseListingPage(
      html.replace(/(<h3[^>]*>.*?<\/h3>)(.*?)(<a href="[^"]*#community")/gs, '$2$1$3'),
      URL_OF(date),
    );
    if (page.kind !== 'cards') throw new Error(page.kind);
    expect(page.cards.map((c) => [c.id, c.title, c.comments])).toEqual(
      items.map((i) => [i.paper.id, i.paper.title, i.numComments]),
    );
  });

  it('reads the vote box of a signed-in visitor (a label), and the organization or author count', () => {
    const date = ERA_DAYS.late2026;
    const items = fixtureItems(date);
    const html = pageOf(date, 'no-embedded-json')
      .replace(/<a href="\/login\?next=[^"]*"([^>]*)>/g, '<label$1>')
      .replace(/(<div class="leading-none">[^<]*<\/div>)<\/a>/g, '$1</label>');
    const page = parseListingPage(html, URL_OF(date));
    if (page.kind !== 'cards') throw new Error(page.kind);
    expect(page.cards.map((c) => c.upvotes)).toEqual(items.map((i) => i.paper.upvotes));
    expect(page.cards[0]).toMatchObject({ organization: { handle: 'Tsinghua', name: 'Tsinghua University' } });
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
    expect(page.cards.map((c) => [c.id, c.upvotes, c.submitterName])).toEqual(
      items.map((i) => [i.paper.id, i.paper.upvotes, i.submittedBy.name]),
    );
  });

  it('leaves a field it cannot find null rather than reading a neighbour', () => {
    const date = ERA_DAYS.late2026;
    const [item] = fixtureItems(date);
    const html = pageOf(date, 'no-embedded-json', [item!])
      .replace(/<div class="leading-none">[^<]*<\/div>/, '')
      .replace(/<a href="[^"]*#community"[^>]*>.*?<\/a>/s, '')
      .replace(/<img src="https:\/\/cdn-thumbnails[^>]*>/, '');
    const page = parseListingPage(html, URL_OF(date));
    if (page.kind !== 'cards') throw new Error(page.kind);
    expect(page.cards[0]).toMatchObject({ upvotes: null, comments: null, thumbnail: null, submitterName: 'zzzzhw' });
  });
});
