// A crawl as `papers scrape` runs it (the same crawl(), sources, pacers and retry rules, the real
// replay server over HTTP), minus the process and the browser, on a ManualClock: pacing, backoff
// and Retry-After cost virtual time only, so a scenario that would wait minutes runs in
// milliseconds and its waits can be asserted exactly.
import { ManualClock } from '../../../../scraper/fetch/clock.ts';
import { type CrawlOptions, type CrawlResult, crawl } from '../../../../scraper/fetch/crawl.ts';
import type { HttpGet } from '../../../../scraper/fetch/http.ts';
import { createPacer, type Pacer } from '../../../../scraper/fetch/pacer.ts';
import { DEFAULT_RETRY } from '../../../../scraper/fetch/retry.ts';
import { openApiSource, openPlainPageSource } from '../../../../scraper/fetch/sources.ts';
import type { ReplayServer } from '../../../../scripts/replay/server.ts';
import { replayServer } from '../../../helpers/replay.ts';

/** The "today" of every crawl here: the Monday after the newest fixture day. */
const TODAY = '2026-08-10';

/**
 * The replay server for a file of crawls. Quotas are raised: the RateLimit headers count real
 * requests over real minutes, and would otherwise pause these crawls (virtually) and blur their
 * timings.
 */
export const useReplay = () => replayServer({ quota: { pages: 1e9, api: 1e9 } });

export type RetryEvent = { date: string; attempt: number; delayMs: number; message: string };

export type CrawlRun = CrawlResult & {
  clock: ManualClock;
  /** Every retry, with the virtual delay before it. */
  retries: RetryEvent[];
  /** Virtual time at which each page load (or API call of the api source) was let through. */
  starts: number[];
};

export type ReplayCrawlOptions = Partial<Omit<CrawlOptions, 'source' | 'pacer' | 'clock' | 'retry' | 'fallback'>> & {
  contentDir: string;
  dates: readonly string[];
  source?: 'page' | 'api';
  /** The API behind the page source, as `papers scrape` has it unless --no-fallback. */
  fallback?: boolean;
  retries?: number;
  /** The real request timeout (AbortSignal.timeout): it is the only real wait a crawl can have. */
  timeoutMs?: number;
  /** Wraps the HTTP client, to watch or interrupt requests. */
  get?: HttpGet;
  /** The site to crawl (default the replay server's URL). */
  baseUrl?: string;
  maxPageBytes?: number;
};

function recording(pacer: Pacer, clock: ManualClock, starts: number[]): Pacer {
  return {
    intervalMs: pacer.intervalMs,
    pauseFor: (ms) => pacer.pauseFor(ms),
    acquire: async (signal) => {
      await pacer.acquire(signal);
      starts.push(clock.now());
    },
  };
}

/**
 * Crawls `dates` from the replay server with the published rates (20 pages, 100 API calls a
 * minute) and the default retry policy, jitter fixed at its midpoint.
 */
export async function crawlReplay(replay: ReplayServer, options: ReplayCrawlOptions): Promise<CrawlRun> {
  const {
    source: sourceName = 'page',
    fallback: withFallback = false,
    retries: retryCount,
    timeoutMs = 5_000,
    get,
    baseUrl = replay.url,
    maxPageBytes,
    ...rest
  } = options;
  const clock = new ManualClock();
  const starts: number[] = [];
  const retries: RetryEvent[] = [];
  const apiPacer = createPacer({ ratePerMinute: 100, clock });
  const pacer =
    sourceName === 'api'
      ? recording(apiPacer, clock, starts)
      : recording(createPacer({ ratePerMinute: 20, clock }), clock, starts);
  const sourceOptions = { baseUrl, pacer, apiPacer, timeoutMs, maxPageBytes, ...(get ? { get } : {}) };
  const source = sourceName === 'api' ? openApiSource(sourceOptions) : openPlainPageSource(sourceOptions);
  const fallback = withFallback ? openApiSource({ ...sourceOptions, pacer: apiPacer }) : undefined;
  const result = await clock.run(
    crawl({
      concurrency: 1,
      today: TODAY,
      now: () => new Date(`${TODAY}T06:00:00Z`),
      random: () => 0.5,
      ...rest,
      source,
      fallback,
      pacer,
      clock,
      retry: { ...DEFAULT_RETRY, retries: retryCount ?? DEFAULT_RETRY.retries },
      onRetry: (date, attempt, delayMs, error) => {
        retries.push({ date, attempt, delayMs, message: error.message });
        rest.onRetry?.(date, attempt, delayMs, error);
      },
    }),
  );
  await source.close();
  return { ...result, clock, retries, starts };
}

/** The statuses of a crawl's reports, by date. */
export function statuses(run: CrawlResult): Record<string, string> {
  return Object.fromEntries(run.reports.map((r) => [r.date, r.status]));
}
