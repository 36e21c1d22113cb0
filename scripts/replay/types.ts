// The replay server's public shapes: its options, its request log, and the handle a test or
// the command gets back. Apart from server.ts so that the flags and the tests can name them
// without the server's code.
import type { FaultConfig } from './faults.ts';
import type { Bucket } from './rate-limit.ts';

export type ReplayOptions = {
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Folder of YYYY-MM-DD.json[.gz] API answers; relative paths are from the repository root. */
  daysDir?: string;
  /** The data itself (date -> API items), instead of `daysDir`. */
  days?: Map<string, unknown[]>;
  /** The fake site's current UTC date; default the day after the newest day with papers. */
  today?: string;
  faults?: FaultConfig;
  /** Challenge page requests that lack a valid aws-waf-token cookie. Default false. */
  waf?: boolean;
  /**
   * The limits the RateLimit headers report (default: the published 100 pages and 500 API
   * calls per 5 minutes). A scraper that heeds them pauses when they run out, so tests and
   * benchmarks that make many requests raise them.
   */
  quota?: Partial<Record<Bucket, number>>;
};

export type RequestLogEntry = {
  /** Date.now() when the request arrived. */
  at: number;
  method: string;
  /** Path and query string. */
  path: string;
  status: number;
  cookie?: string;
  userAgent?: string;
  /** Time from arrival to the answer's first byte (delays from `slow` included). */
  ms: number;
  /** The client address the rate limits are kept for. */
  ip: string;
  /** What answered instead of the site, if anything: a fault name or "waf". */
  fault?:
    | 'rateLimit'
    | 'tooManyRequests'
    | 'serverError'
    | 'downDays'
    | 'truncate'
    | 'waf'
    | 'blockPages'
    | 'canonicalRedirect'
    | 'redirectLoop'
    | 'hugePage'
    | 'gzipBomb';
  /** For a streamed answer (hugePage, gzipBomb): body bytes made (before gzip) until it ended or the client left. */
  bytes?: number;
};

export type ReplayServer = {
  url: string;
  faults: { set(f: FaultConfig): void; clear(): void; get(): FaultConfig };
  requests: RequestLogEntry[];
  setDay(date: string, items: unknown[] | null): void;
  /** Moves the fake site's "today"; undefined goes back to the day after the newest day. */
  setToday(date: string | undefined): void;
  /** First and last day with papers, and how many days have papers. */
  summary(): { days: number; first: string | null; last: string | null; today: string };
  close(): Promise<void>;
};
