// The day page as a reader sees it (site/components/PaperCard.astro, DayView.astro): five papers
// above the fold on a laptop and two on a phone with nothing cut off or overlapping, a header of
// one row, thumbnails that load lazily in a box of fixed size with a placeholder when the CDN is
// out of reach, at most three keyword chips that all lead to other papers, and no serious axe
// violation in the phone layout. One browser context per screen size for the whole file.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seriousViolations } from './axe.ts';
import { TEST_BASE as BASE, FIXTURE_DATES } from './fixture.ts';
import { fixtureDay, type ServedSite, serveFixtureSite } from './site-helpers.ts';

const CDN = 'https://cdn-thumbnails.huggingface.co/';
/** A 4×2 PNG: a thumbnail of another shape than its box, which must not change the box. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0AAAAEElEQVR4nGNocFCAIwZkDgBeGgcBzSxwNQAAAABJRU5ErkJggg==',
  'base64',
);

const SCREENS = {
  desktop: { viewport: { width: 1280, height: 800 }, titles: 5 },
  phone: { viewport: { width: 390, height: 844 }, titles: 2, isMobile: true, hasTouch: true },
} as const;
type Screen = keyof typeof SCREENS;

let site: ServedSite;
const contexts = new Map<Screen, BrowserContext>();
/** Thumbnails asked of the CDN, in order; the CDN answers only while `cdnUp` is true. */
const cdnRequests: string[] = [];
let cdnUp = false;

beforeAll(async () => {
  site = await serveFixtureSite();
  for (const [name, { titles: _, ...options }] of Object.entries(SCREENS) as [Screen, (typeof SCREENS)[Screen]][]) {
    const context = await site.browser.newContext(options);
    // The test never reaches the real CDN: it is "down" (the archive read offline) or answers
    // with a small image of the wrong shape.
    await context.route(`${CDN}**`, async (route) => {
      cdnRequests.push(route.request().url());
      if (cdnUp) await route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
      else await route.abort('internetdisconnected');
    });
    contexts.set(name, context);
  }
});
afterAll(async () => {
  await site?.close();
});

async function open(screen: Screen, path: string): Promise<Page> {
  const page = await contexts.get(screen)!.newPage();
  const response = await page.goto(site.at(path));
  expect(response?.status(), path).toBe(200);
  return page;
}

/** The fixture's days have four papers or fewer: a longer day is made by repeating its cards. */
async function repeatCards(page: Page, times: number): Promise<void> {
  await page.$eval(
    '.cards',
    (cards, n) => {
      const originals = [...cards.children];
      for (let i = 1; i < n; i++) for (const card of originals) cards.append(card.cloneNode(true));
    },
    times,
  );
}

type Layout = {
  titlesAbove: number;
  overlaps: number;
  clippedTitles: number;
  pageWidth: number;
  header: { height: number; rows: number; right: number };
};

async function layout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const rect = (e: Element) => e.getBoundingClientRect();
    const titles = [...document.querySelectorAll('.card-title')];
    const cards = [...document.querySelectorAll('.cards > .card')].map(rect);
    const bar = [...(document.querySelector('.site-header .bar')?.children ?? [])].filter(
      (e) => getComputedStyle(e).display !== 'none',
    );
    const tops = new Set(bar.map((e) => Math.round(rect(e).top / 12)));
    return {
      titlesAbove: titles.filter((t) => rect(t).top >= 0 && rect(t).bottom <= innerHeight).length,
      overlaps: cards.filter((c, i) => i > 0 && c.top < cards[i - 1]!.bottom).length,
      clippedTitles: titles.filter((t) => t.scrollHeight > t.clientHeight + 1 || t.scrollWidth > t.clientWidth + 1)
        .length,
      pageWidth: document.documentElement.scrollWidth,
      header: {
        height: rect(document.querySelector('.site-header')!).height,
        rows: tops.size,
        right: Math.max(...bar.map((e) => rect(e).right)),
      },
    };
  });
}

describe.each(Object.keys(SCREENS) as Screen[])('on a %s screen', (screen) => {
  const { viewport, titles } = SCREENS[screen];

  test(`a day page shows at least ${titles} papers’ titles before scrolling, nothing cut off or overlapping`, async () => {
    // The densest fixture day: every card has authors, an organization, chips, a TL;DR.
    const page = await open(screen, 'days/2026-06-30/');
    await repeatCards(page, 3);
    const seen = await layout(page);
    expect(seen.titlesAbove).toBeGreaterThanOrEqual(titles);
    expect(seen.overlaps).toBe(0);
    expect(seen.clippedTitles).toBe(0);
    expect(seen.pageWidth).toBeLessThanOrEqual(viewport.width);
    // The header: one row, all of it on the screen.
    expect(seen.header.rows).toBe(1);
    expect(seen.header.height).toBeLessThan(60);
    expect(seen.header.right).toBeLessThanOrEqual(viewport.width);
    await page.close();
  });

  test('authors and the TL;DR take one line each, the whole text still in the page', async () => {
    const page = await open(screen, 'days/2026-06-30/');
    const paper = fixtureDay('2026-06-30').papers[1]!;
    const card = page.locator('.card').nth(1);
    const lines = await card.evaluate((c) =>
      ['details.authors > summary', '.tldr'].map((s) => {
        const el = c.querySelector(s)!;
        return el.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(el).lineHeight);
      }),
    );
    for (const n of lines) expect(n).toBeLessThan(1.5);
    expect(await card.locator('.tldr').textContent()).toContain(paper.aiSummary!);
    await page.close();
  });

  test('with the CDN out of reach, each thumbnail is a placeholder of the same size', async () => {
    cdnUp = false;
    const page = await open(screen, 'days/2026-06-30/');
    await page.waitForLoadState('networkidle');
    const thumbs = await page.$$eval('.card .thumb', (ts) =>
      ts.map((t) => {
        const img = t.querySelector('img')!;
        return {
          width: t.getBoundingClientRect().width,
          height: t.getBoundingClientRect().height,
          background: getComputedStyle(t).backgroundImage,
          broken: img.complete && img.naturalWidth === 0,
          // A failed image draws its ::before: the placeholder over the browser's broken icon.
          cover: getComputedStyle(img, '::before').backgroundImage,
        };
      }),
    );
    expect(thumbs).toHaveLength(4);
    for (const t of thumbs) {
      expect(t.broken).toBe(true);
      expect(t.background).toContain('gradient');
      expect(t.cover).toContain('gradient');
      expect([Math.round(t.width), Math.round(t.height)]).toEqual([
        Math.round(thumbs[0]!.width),
        Math.round(thumbs[0]!.height),
      ]);
    }
    await page.close();
  });
});

describe('thumbnails', () => {
  test('load lazily, from Hugging Face’s CDN only, described, with their size set so nothing moves', async () => {
    cdnUp = false;
    const page = await open('desktop', 'days/2026-06-30/');
    const imgs = await page.$$eval('.card .thumb img', (is) =>
      is.map((i) => ({
        src: i.getAttribute('src'),
        alt: i.getAttribute('alt'),
        loading: i.getAttribute('loading'),
        decoding: i.getAttribute('decoding'),
        width: i.getAttribute('width'),
        height: i.getAttribute('height'),
        referrer: i.getAttribute('referrerpolicy'),
      })),
    );
    const papers = fixtureDay('2026-06-30').papers;
    expect(imgs.map((i) => i.src)).toEqual(papers.map((p) => p.thumbnail));
    expect(imgs.map((i) => i.alt)).toEqual(papers.map((p) => `Thumbnail: ${p.title}`));
    for (const img of imgs) {
      expect(img).toMatchObject({ loading: 'lazy', decoding: 'async', width: '160', height: '90' });
      expect(img.referrer).toBe('no-referrer');
      expect(img.src!.startsWith(CDN)).toBe(true);
    }
    const before = await page.$$eval('.card', (cs) => cs.map((c) => c.getBoundingClientRect().height));

    // The same page with the CDN up: the images arrive, of another shape, and no card moves.
    cdnUp = true;
    await page.reload();
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.card .thumb img')].every(
        (i) => i.complete && i.naturalWidth > 0,
      ),
    );
    const after = await page.$$eval('.card', (cs) => cs.map((c) => c.getBoundingClientRect().height));
    expect(after).toEqual(before);
    cdnUp = false;
    await page.close();
  });

  test('a card whose thumbnail is not an https URL on the CDN shows the placeholder and asks nothing', async () => {
    const requested = cdnRequests.length;
    const page = await open('desktop', 'days/2026-07-30/'); // javascript: and null thumbnails
    expect(await page.locator('.card .thumb').count()).toBe(2);
    expect(await page.locator('.card .thumb img').count()).toBe(0);
    expect(cdnRequests.length).toBe(requested);
    await page.close();
  });
});

describe('keyword chips', () => {
  /** Keyword (lower case) → how many fixture papers carry it. */
  const shared = new Map<string, number>();
  const papers = new Map(FIXTURE_DATES.flatMap((d) => fixtureDay(d).papers.map((p) => [p.id, p])));
  for (const p of papers.values()) {
    for (const k of new Set(p.aiKeywords.map((x) => x.toLowerCase()))) shared.set(k, (shared.get(k) ?? 0) + 1);
  }

  test('a card shows at most three, each one other papers share, in the paper’s own order', async () => {
    const page = await open('desktop', '');
    let chips = 0;
    for (const date of FIXTURE_DATES) {
      await page.goto(site.at(`days/${date}/`));
      const cards = await page.$$eval('.card', (cs) =>
        cs.map((c) => ({
          id: c.getAttribute('aria-labelledby')!.replace('title-', ''),
          chips: [...c.querySelectorAll('.keywords a')].map((a) => a.textContent ?? ''),
        })),
      );
      for (const card of cards) {
        const expected = papers
          .get(card.id)!
          .aiKeywords.filter((k) => (shared.get(k.toLowerCase()) ?? 0) > 1)
          .slice(0, 3);
        expect(card.chips, `${date} ${card.id}`).toEqual(expected);
        chips += card.chips.length;
      }
    }
    // Of the fixture's 81 keywords, one is shared, by two papers: one chip on each of their cards.
    expect(chips).toBe(2);
    await page.close();
  });

  test('a chip leads to the papers that share it, the one it came from and another', async () => {
    const page = await open('desktop', 'days/2026-06-30/');
    const chip = page.locator('.card').nth(1).locator('.keywords a');
    expect(await chip.getAttribute('href')).toBe(`${BASE}search/?keyword=supervised+fine-tuning`);
    await chip.click();
    await page.waitForFunction(() => /found/.test(document.querySelector('#search-status')?.textContent ?? ''));
    const titles = await page.$$eval('.result-title', (hs) => hs.map((h) => h.textContent));
    expect(new Set(titles)).toEqual(new Set([papers.get('2606.30616')!.title, papers.get('2606.28436')!.title]));
    await page.close();
  });
});

describe('axe, phone layout', () => {
  test.each([
    ['light', 'days/2026-06-30/'],
    ['dark', 'days/2026-06-30/'],
    ['dark', 'months/2026-07/'],
  ] as const)('%s, %s: no serious or critical violation', async (colorScheme, path) => {
    const page = await open('phone', path);
    await page.emulateMedia({ colorScheme });
    await page.$$eval('details', (ds) => {
      for (const d of ds) (d as HTMLDetailsElement).open = true;
    });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('the header', () => {
  // From the narrowest phone (320 px, where WCAG's reflow asks for no sideways scrolling) to a
  // laptop, at each width where something in it is hidden or shown and either side of those.
  const WIDTHS = [320, 360, 384, 385, 390, 480, 481, 600, 704, 705, 760, 832, 833, 900, 1024, 1280];

  test('keeps one row, all of it on the screen, at every width', async () => {
    const page = await contexts.get('desktop')!.newPage();
    await page.goto(site.at('days/2026-06-30/'));
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 700 });
      const seen = await page.evaluate(() => {
        const shown = [...document.querySelectorAll('.site-header a, .site-header button, .site-header input')]
          .map((e) => e.getBoundingClientRect())
          .filter((r) => r.width > 1);
        return {
          pageWidth: document.documentElement.scrollWidth,
          right: Math.max(...shown.map((r) => r.right)),
          // One row: every control overlaps every other's line.
          oneRow: Math.max(...shown.map((r) => r.top)) < Math.min(...shown.map((r) => r.bottom)),
        };
      });
      expect(seen.pageWidth, `${width} px`).toBeLessThanOrEqual(width);
      expect(seen.right, `${width} px`).toBeLessThanOrEqual(width);
      expect(seen.oneRow, `${width} px: one row`).toBe(true);
    }
    await page.close();
  });
});
