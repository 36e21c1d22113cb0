// The built site's pages rewritten for a copy opened straight from disk (file://), where there is
// no server to map "/base/days/2026-08-07/" to a file: every link, source and form target under
// the site's base becomes a path relative to the page, and a folder's URL names its index.html.
// Module scripts become classic deferred scripts (Chromium runs no module script from file://;
// disk-copy.ts rewrites their files to match), preloads go (they could only fail), and every
// page loads the disk shim (disk-shim.ts) first. A copy is a snapshot: its footer says so instead
// of "Updated", and it never says the archive may have stopped updating. Pure: a page's HTML and where it sits in, the
// page's HTML for the disk out.
//
// The pages are our own build's output, with double-quoted attributes throughout (Astro writes
// them so), which is why a pattern over attributes suffices and keeps every other byte as it was.

import { SNAPSHOT_LABEL } from '../../archive/site-files.ts';

/** Where the disk shim and the data files live in the disk copy, from its root. */
export const DISK_DIR = '_disk';

/** Attributes whose value is a link: a folder's URL gets its index.html. */
const LINK_ATTRIBUTES = ['href', 'src', 'action', 'poster'];
/** Attributes whose value is a prefix the page's scripts add paths to (the search form's). */
const PREFIX_ATTRIBUTES = ['data-base', 'data-archive'];

/** The path from a page's folder to the site's root: "" at the root, "../../" two folders down. */
export function rootFrom(pagePath: string): string {
  const depth = pagePath.split('/').length - 1;
  return '../'.repeat(depth);
}

/**
 * A URL path under the site's base as a path relative to the page at `pagePath` (relative to the
 * site's root, "days/2026-08-07/index.html"); null when the URL is not a path under the base.
 * `folderIndex`: a folder's URL names its index.html.
 */
export function diskUrl(url: string, pagePath: string, base: string, folderIndex = true): string | null {
  if (!url.startsWith(base) || url.startsWith('//')) return null;
  const cut = url.search(/[?#]/);
  const pathPart = cut === -1 ? url : url.slice(0, cut);
  const rest = cut === -1 ? '' : url.slice(cut);
  let target = pathPart.slice(base.length);
  if (folderIndex && (target === '' || target.endsWith('/'))) target += 'index.html';
  const relative = `${rootFrom(pagePath)}${target}`;
  // A bare fragment or query on the page itself still needs a file before it.
  return relative === '' ? (folderIndex ? 'index.html' : './') + rest : relative + rest;
}

const ATTRIBUTE = new RegExp(`(\\s(${[...LINK_ATTRIBUTES, ...PREFIX_ATTRIBUTES].join('|')})=")([^"]*)(")`, 'g');
const MODULE_SCRIPT = /<script\b([^>]*)\btype="module"([^>]*)>/g;
const INLINE_MODULE = /<script\b[^>]*\btype="module"(?![^>]*\bsrc=)[^>]*>/;
/** Preloads (the search page's, of its index): a copy on disk cannot preload, only fail to. */
const PRELOAD = /<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*>/g;

/**
 * The footer's "Updated …" (site/lib/updated-stamp.ts): a copy is not kept up to date, so it says
 * what it is, a snapshot as of the archive's last check of a listing.
 */
const UPDATED_LABEL = /(<p class="updated">)Updated (<time )/;
/** The notice that the archive may have stopped updating (site/components/Freshness.astro): not for a snapshot. */
const STALE_NOTICE = /<p class="stale-notice"[^>]*\bdata-stale-notice\b[^>]*>[\s\S]*?<\/p>/g;

export type DiskPage = { html: string; scripts: string[] };

/**
 * A page of the built site for the disk copy, and the site-root paths of the module scripts it
 * loads (which the disk copy must make classic). An inline module script is an error: the site
 * has none, and one added later must be handled here rather than left broken on disk.
 */
export function diskPage(html: string, pagePath: string, base: string): DiskPage {
  if (INLINE_MODULE.test(html)) throw new Error(`${pagePath}: an inline module script, which a disk copy cannot run`);
  const scripts: string[] = [];
  let out = html.replace(PRELOAD, '').replace(MODULE_SCRIPT, (_tag, before: string, after: string) => {
    const src = /\bsrc="([^"]*)"/.exec(`${before}${after}`)?.[1];
    if (src?.startsWith(base)) scripts.push(src.slice(base.length));
    // Deferred, as a module script is: it runs once the page is parsed, in document order.
    return `<script ${[before.trim(), 'defer', after.trim()].filter(Boolean).join(' ')}>`;
  });
  out = out.replace(ATTRIBUTE, (whole, start: string, name: string, value: string, end: string) => {
    const rewritten = diskUrl(decodeEntities(value), pagePath, base, LINK_ATTRIBUTES.includes(name));
    return rewritten === null ? whole : `${start}${escapeAttribute(rewritten)}${end}`;
  });
  out = out.replace(UPDATED_LABEL, `$1${SNAPSHOT_LABEL} $2`).replace(STALE_NOTICE, '');
  const root = rootFrom(pagePath);
  const shim = `<script src="${root}${DISK_DIR}/disk.js" data-root="${root}"></script>`;
  out = out.replace(/<head>|<head\s[^>]*>/, (head) => `${head}${shim}`);
  return { html: out, scripts };
}

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** A stylesheet's `url(/base/…)` references, relative to the stylesheet at `cssPath`. */
export function diskCss(css: string, cssPath: string, base: string): string {
  return css.replace(/url\((["']?)([^)"']*)\1\)/g, (whole, quote: string, url: string) => {
    const rewritten = diskUrl(url, cssPath, base, false);
    return rewritten === null ? whole : `url(${quote}${rewritten}${quote})`;
  });
}
