// Feed items carry scraped text as text: what a feed reader decodes from <description> as HTML
// is the original string, never markup.
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';
import { dayItems, htmlText, MAX_PAPER_ITEMS, paperItems } from '../../../../site/lib/feeds.ts';
import { sitePaths } from '../../../../site/lib/paths.ts';

const paths = sitePaths('/dpa/');
const SITE = 'https://archive.example.org';
const evil = '<img src=x onerror=alert(1)> & "AT&T" <script>alert(2)</script>';
const days = [
  dayRecord('2026-08-06', [
    paperRecord('2608.00001', { title: evil, authors: ['<b>Bold</b> Author'], abstract: 'An <i>abstract</i>.' }),
  ]),
  dayRecord('2026-08-07', [paperRecord('2608.00002'), paperRecord('2608.00003')]),
];

/** What a feed reader shows for a description: the text of it read as HTML. */
const shown = (html: string) => cheerio.load(html).root().text();

describe('feed items', () => {
  it('escape scraped text so a reader decodes it back to the text, with no elements', () => {
    expect(htmlText(evil)).toBe(
      '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;AT&amp;T&quot; &lt;script&gt;alert(2)&lt;/script&gt;',
    );
    const [item] = paperItems(days, paths).filter((i) => i.link === '/dpa/papers/2608.00001/');
    expect(cheerio.load(item!.description)('img, script, b, i').length).toBe(0);
    expect(shown(item!.description)).toBe('<b>Bold</b> Author — An <i>abstract</i>.');
    expect(item!.title).toBe(evil);
    const day = dayItems(days, paths, SITE).find((i) => i.link === '/dpa/days/2026-08-06/')!;
    expect(cheerio.load(day.description)('img, script').length).toBe(0);
    expect(shown(day.description)).toBe(`1. ${evil}`);
  });

  it("link each paper of a day's item to its page, absolutely", () => {
    const day = dayItems(days, paths, SITE).find((i) => i.link === '/dpa/days/2026-08-07/')!;
    const $ = cheerio.load(day.description);
    expect(
      $('p')
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual(['1. Paper 2608.00002', '2. Paper 2608.00003']);
    expect(
      $('a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual([
      'https://archive.example.org/dpa/papers/2608.00002/',
      'https://archive.example.org/dpa/papers/2608.00003/',
    ]);
  });

  it('list the newest day first, in listing order, whole days only, at most 100 papers but the newest day whole', () => {
    expect(paperItems(days, paths).map((i) => i.link)).toEqual([
      '/dpa/papers/2608.00002/',
      '/dpa/papers/2608.00003/',
      '/dpa/papers/2608.00001/',
    ]);
    const many = Array.from({ length: 30 }, (_, d) =>
      dayRecord(
        `2026-07-${String(d + 1).padStart(2, '0')}`,
        [1, 2, 3, 4].map((i) => paperRecord(`2607.${d}000${i}`)),
      ),
    );
    expect(paperItems(many, paths)).toHaveLength(MAX_PAPER_ITEMS);
    // Days of 22 papers: four whole days (88), not a fifth cut after 12.
    const big = Array.from({ length: 6 }, (_, d) =>
      dayRecord(
        `2026-07-0${d + 1}`,
        Array.from({ length: 22 }, (_, i) => paperRecord(`2607.${d}${String(i).padStart(4, '0')}`)),
      ),
    );
    const items = paperItems(big, paths);
    expect(items).toHaveLength(88);
    expect(new Set(items.map((i) => i.pubDate.toISOString().slice(0, 10)))).toEqual(
      new Set(['2026-07-06', '2026-07-05', '2026-07-04', '2026-07-03']),
    );
    // A day bigger than the feed is still given whole.
    const huge = [
      dayRecord(
        '2026-07-01',
        Array.from({ length: 130 }, (_, i) => paperRecord(`2607.${String(i).padStart(5, '0')}`)),
      ),
    ];
    expect(paperItems(huge, paths)).toHaveLength(130);
  });
});
