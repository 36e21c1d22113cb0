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

test('the bulk files: BibTeX, RIS, CSL-JSON (a double extension) and JSON Lines', () => {
  expect(mediaType('days/2026-08-05.bib').type).toBe('application/x-bibtex; charset=utf-8');
  expect(mediaType('weeks/2026-W32.ris').type).toBe('application/x-research-info-systems; charset=utf-8');
  expect(mediaType('months/2026-08.CSL.JSON')).toEqual({
    type: 'application/vnd.citationstyles.csl+json; charset=utf-8',
    compress: true,
  });
  // A day's JSON is still JSON.
  expect(mediaType('days/2026-08-05.json').type).toBe('application/json; charset=utf-8');
  expect(mediaType('data/papers-2026.jsonl')).toEqual({ type: 'application/jsonl; charset=utf-8', compress: true });
});
