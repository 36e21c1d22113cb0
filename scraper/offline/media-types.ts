// What each file of a built archive is, for the server that serves it: its media type, and
// whether it is worth compressing on the way out. The search index's shards and paper table
// (.bin) are gzipped already and unpacked by the search itself.
import path from 'node:path';

const TYPES: Record<string, { type: string; compress: boolean }> = {
  '.html': { type: 'text/html; charset=utf-8', compress: true },
  '.css': { type: 'text/css; charset=utf-8', compress: true },
  '.js': { type: 'text/javascript; charset=utf-8', compress: true },
  '.mjs': { type: 'text/javascript; charset=utf-8', compress: true },
  '.json': { type: 'application/json; charset=utf-8', compress: true },
  '.xml': { type: 'application/xml; charset=utf-8', compress: true },
  '.opml': { type: 'text/x-opml; charset=utf-8', compress: true },
  '.txt': { type: 'text/plain; charset=utf-8', compress: true },
  '.csv': { type: 'text/csv; charset=utf-8', compress: true },
  '.ris': { type: 'application/x-research-info-systems; charset=utf-8', compress: true },
  '.bib': { type: 'application/x-bibtex; charset=utf-8', compress: true },
  // JSON Lines (/data/papers-2026.jsonl) has no registered type; application/jsonl is the one
  // jsonlines.org's users and OpenAPI's media type registry name for it (x-ndjson is NDJSON's,
  // the same lines under another name), and says what the extension says.
  '.jsonl': { type: 'application/jsonl; charset=utf-8', compress: true },
  // CSL-JSON's registered type, for the double extension of the bulk citation files (mediaType
  // looks for it before path.extname, which sees ".json").
  '.csl.json': { type: 'application/vnd.citationstyles.csl+json; charset=utf-8', compress: true },
  '.svg': { type: 'image/svg+xml', compress: true },
  '.webmanifest': { type: 'application/manifest+json', compress: true },
  '.png': { type: 'image/png', compress: false },
  '.jpg': { type: 'image/jpeg', compress: false },
  '.webp': { type: 'image/webp', compress: false },
  '.ico': { type: 'image/x-icon', compress: false },
  '.woff2': { type: 'font/woff2', compress: false },
  '.wasm': { type: 'application/wasm', compress: false },
};

const BLOB = { type: 'application/octet-stream', compress: false };

/** Extension (".html") → media type: for what serves a copy without this module (the pack's shim). */
export function mediaTypeTable(): Record<string, string> {
  return Object.fromEntries(Object.entries(TYPES).map(([ext, { type }]) => [ext, type]));
}

/** The media type of a file of the site, and whether to compress it. */
export function mediaType(file: string): { type: string; compress: boolean } {
  const lower = file.toLowerCase();
  if (lower.endsWith('.csl.json')) return TYPES['.csl.json']!;
  return TYPES[path.extname(lower)] ?? BLOB;
}
