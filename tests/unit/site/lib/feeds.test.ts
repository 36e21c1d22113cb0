// Feed items carry scraped text as text: what a feed reader decodes from <description> as HTML
// is the original string, never markup.
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';
import { dayItems, htmlText, MAX_PAPER_ITEMS, paperItems } from '../../../../site/lib/feeds.ts';
import { sitePaths } from '../../../../site/lib/paths.ts';

const paths = sitePaths('/dpa/');
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
    const day = dayItems(days, paths).find((i) => i.link === '/dpa/days/2026-08-06/')!;
    expect(cheerio.load(day.description)('img, script').length).toBe(0);
    expect(shown(day.description)).toBe(`1. ${evil}`);
  });

  it('list the newest day first, in listing order, at most 100 papers', () => {
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
  });
});
