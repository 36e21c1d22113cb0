// What `papers serve` and a packed copy say each file is (scraper/offline/media-types.ts): the
// stats page's CSV files open as text in a browser, and what is not known is a download.
import { expect, test } from 'vitest';
import { mediaType, mediaTypeTable } from '../../../../scraper/offline/media-types.ts';

test('text files are text, compressed; pictures are not compressed again; the unknown is a download', () => {
  expect(mediaType('stats/papers-per-week.csv')).toEqual({ type: 'text/csv; charset=utf-8', compress: true });
  expect(mediaType('days/2026-08-05/index.html').type).toBe('text/html; charset=utf-8');
  expect(mediaType('thumb.PNG')).toEqual({ type: 'image/png', compress: false });
  expect(mediaType('archive.tar.zst')).toEqual({ type: 'application/octet-stream', compress: false });
  expect(mediaTypeTable()['.csv']).toBe('text/csv; charset=utf-8');
  // The list of every feed (/feeds.opml), which a reader imports.
  expect(mediaType('feeds.opml')).toEqual({ type: 'text/x-opml; charset=utf-8', compress: true });
});
