// Faults the replay server can inject, to test how a scraper copes with what the real site does
// on a bad day. The config is data; `consume` is the one place counters move.
import { isDate } from './calendar.ts';
import type { Era, Layout } from './listing-page.ts';

export type FaultConfig = {
  /** Enforce a sliding-window limit per client IP and bucket (pages, api): past `limit` in `windowMs`, 429. */
  rateLimit?: { limit: number; windowMs: number; retryAfterSeconds?: number };
  /** The next `times` matching requests answer 429 with Retry-After, then normal. */
  tooManyRequests?: { times: number; retryAfterSeconds: number; paths?: string };
  /** The next `times` matching requests answer `status` (default 500). */
  serverError?: { times: number; status?: number; paths?: string };
  /** Delay matching requests by `delayMs` before answering; `times` of them, or all when unset. */
  slow?: { delayMs: number; times?: number; paths?: string };
  /** The next `times` matching answers stop halfway (full content-length sent) and the socket is destroyed. */
  truncate?: { times: number; paths?: string };
  /** Listing pages and API days for these dates answer 503, always. */
  downDays?: string[];
  layout?: Layout;
  /** Restrict `layout` to these dates (default: every listing page). */
  layoutDays?: string[];
  /** Listing pages in this era's shape whatever their day (default: each day's own era, see eraOf). */
  pageEra?: Era;
  /**
   * Matching requests that did not come to `to`'s host answer `status` (default 301) to the same
   * path and query there: the site sending a URL to its canonical origin, or (for a scraper to
   * refuse) to a foreign host. `to` is an origin, or a host name on this server's own port.
   * Without `paths`, every request, static files included.
   */
  canonicalRedirect?: { to: string; status?: number; paths?: string };
  /**
   * Matching requests answer 301 to the same path on this server's other loopback name
   * (127.0.0.1 ↔ localhost): every hop looks canonical, and the chain never ends. `times` counts
   * requests (hops); without it, forever.
   */
  redirectLoop?: { times?: number; paths?: string };
  /** Matching answers are padded to `bytes` and streamed as they are made, without content-length. */
  hugePage?: { bytes: number; times?: number; paths?: string };
  /** As `hugePage`, gzip-compressed on the fly (content-encoding: gzip): ~1 KB on the wire per MB. */
  gzipBomb?: { bytes: number; times?: number; paths?: string };
  /** The listing page of each key day is served (200, at its own URL) with the listing of the value day. */
  wrongDayPages?: Record<string, string>;
  /**
   * Every listing page (`/papers…`) is kept from every client, the browser included: 202 is the
   * bot check's puzzle for people, with no script (a check that never passes), 403 a refusal.
   * The API still answers.
   */
  blockPages?: { status: 202 | 403 };
};

/** Kinds of request: faults without `paths` touch only `page` and `api` requests. */
export type RequestClass = 'page' | 'api' | 'asset';

export type CountedFault =
  | 'tooManyRequests'
  | 'serverError'
  | 'slow'
  | 'truncate'
  | 'redirectLoop'
  | 'hugePage'
  | 'gzipBomb';

/**
 * The `paths` rule: matched against the request's path and query string (e.g.
 * "/api/daily_papers?date=2026-08-07&limit=100"). Without a `*` it is a substring; with one it
 * is a glob over the whole string where `*` stands for any run of characters, `/` and `?`
 * included ("/papers/date/*" is every listing page, "/api/*" the whole API, "*2026-08-07*"
 * anything naming that day). Left out, a fault matches every page and API request but not the
 * static files (challenge.js, thumbnails, stylesheets), so a browser's extra loads do not eat the
 * counters; a given `paths` can name static files too.
 */
export function pathMatches(paths: string | undefined, target: string, cls: RequestClass): boolean {
  if (paths === undefined || paths === '') return cls !== 'asset';
  if (!paths.includes('*')) return target.includes(paths);
  const source = paths
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 's').test(target);
}

/**
 * Whether `kind` fires for this request, and the config after it did. A counter runs down by one
 * per matching request and the fault is removed at zero; `slow` without `times` never runs out.
 */
export function consume(
  config: FaultConfig,
  kind: CountedFault,
  target: string,
  cls: RequestClass,
): { fired: boolean; next: FaultConfig } {
  const fault = config[kind];
  if (!fault || !pathMatches(fault.paths, target, cls)) return { fired: false, next: config };
  if (fault.times === undefined) return { fired: true, next: config };
  if (fault.times <= 0) return { fired: false, next: withoutKey(config, kind) };
  const left = fault.times - 1;
  return { fired: true, next: left > 0 ? { ...config, [kind]: { ...fault, times: left } } : withoutKey(config, kind) };
}

function withoutKey(config: FaultConfig, kind: keyof FaultConfig): FaultConfig {
  const next = { ...config };
  delete next[kind];
  return next;
}

export function isDownDay(config: FaultConfig, date: string | null): boolean {
  return date !== null && (config.downDays ?? []).includes(date);
}

/** The day whose listing the page for `date` shows (itself, unless `wrongDayPages` says otherwise). */
export function servedDay(config: FaultConfig, date: string): string {
  return config.wrongDayPages?.[date] ?? date;
}

export function layoutFor(config: FaultConfig, date: string): Layout {
  if (!config.layout) return 'normal';
  if (config.layoutDays && !config.layoutDays.includes(date)) return 'normal';
  return config.layout;
}

export class FaultConfigError extends Error {}

function check(ok: boolean, message: string): void {
  if (!ok) throw new FaultConfigError(message);
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

function checkObject(
  v: unknown,
  name: string,
  keys: Record<string, (x: unknown) => boolean>,
  required: string[],
): void {
  check(typeof v === 'object' && v !== null && !Array.isArray(v), `${name}: an object`);
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) check(k in keys, `${name}.${k}: unknown field`);
  for (const k of required) check(o[k] !== undefined, `${name}.${k}: required`);
  for (const [k, valid] of Object.entries(keys))
    check(o[k] === undefined || valid(o[k]), `${name}.${k}: invalid value`);
}

const isString = (v: unknown) => typeof v === 'string';

/** "http://localhost:8788" (an origin), or "localhost" (a host name, on the server's own port). */
function isOriginOrHost(v: unknown): boolean {
  if (typeof v !== 'string' || v === '') return false;
  if (/^[a-z0-9.-]+$/i.test(v) || /^\[[0-9a-f:]+\]$/i.test(v)) return true;
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === v.replace(/\/$/, '');
  } catch {
    return false;
  }
}
const isDates = (v: unknown) => Array.isArray(v) && v.every((d) => typeof d === 'string' && isDate(d));

/** Checks a config that came from outside (HTTP body, CLI); throws FaultConfigError naming the field. */
export function parseFaultConfig(value: unknown): FaultConfig {
  checkObject(
    value,
    'faults',
    {
      rateLimit: () => true,
      tooManyRequests: () => true,
      serverError: () => true,
      slow: () => true,
      truncate: () => true,
      downDays: isDates,
      layout: (v) => v === 'normal' || v === 'no-embedded-json' || v === 'no-data',
      layoutDays: isDates,
      pageEra: (v) => v === '2024' || v === '2026',
      canonicalRedirect: () => true,
      redirectLoop: () => true,
      hugePage: () => true,
      gzipBomb: () => true,
      blockPages: (v) =>
        typeof v === 'object' &&
        v !== null &&
        Object.keys(v).every((k) => k === 'status') &&
        [202, 403].includes((v as { status?: unknown }).status as number),
      wrongDayPages: (v) =>
        typeof v === 'object' &&
        v !== null &&
        !Array.isArray(v) &&
        Object.entries(v).every(([from, to]) => isDate(from) && typeof to === 'string' && isDate(to)),
    },
    [],
  );
  const c = value as Record<string, unknown>;
  if (c['rateLimit'] !== undefined)
    checkObject(
      c['rateLimit'],
      'rateLimit',
      { limit: isCount, windowMs: (v) => isCount(v) && v > 0, retryAfterSeconds: isCount },
      ['limit', 'windowMs'],
    );
  if (c['tooManyRequests'] !== undefined)
    checkObject(
      c['tooManyRequests'],
      'tooManyRequests',
      { times: isCount, retryAfterSeconds: isCount, paths: isString },
      ['times', 'retryAfterSeconds'],
    );
  if (c['serverError'] !== undefined)
    checkObject(
      c['serverError'],
      'serverError',
      { times: isCount, status: (v) => isCount(v) && v >= 500 && v <= 599, paths: isString },
      ['times'],
    );
  if (c['slow'] !== undefined)
    checkObject(c['slow'], 'slow', { delayMs: isCount, times: isCount, paths: isString }, ['delayMs']);
  if (c['truncate'] !== undefined)
    checkObject(c['truncate'], 'truncate', { times: isCount, paths: isString }, ['times']);
  if (c['canonicalRedirect'] !== undefined)
    checkObject(
      c['canonicalRedirect'],
      'canonicalRedirect',
      { to: isOriginOrHost, status: (v) => v === 301 || v === 302 || v === 307 || v === 308, paths: isString },
      ['to'],
    );
  if (c['redirectLoop'] !== undefined)
    checkObject(c['redirectLoop'], 'redirectLoop', { times: isCount, paths: isString }, []);
  for (const kind of ['hugePage', 'gzipBomb'] as const) {
    if (c[kind] !== undefined)
      checkObject(c[kind], kind, { bytes: (v) => isCount(v) && v > 0, times: isCount, paths: isString }, ['bytes']);
  }
  return structuredClone(c) as FaultConfig;
}
