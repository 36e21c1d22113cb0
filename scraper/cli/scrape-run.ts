// One scrape run: the source opened (Chromium or the API, and the API behind Chromium for pages
// that cannot be read, unless --no-fallback), the days crawled, each reported as it
// lands and a summary at the end. `papers scrape` and `papers nightly` both run it, with the same
// options; which days, and the archive's lock, are the caller's (the lock is taken before the
// browser starts, so a busy archive is told at once and nothing is fetched).
import type { z } from 'zod';
import type { DayReport } from '../archive/archive-day.ts';
import { DEFAULT_RETRY } from '../fetch/retry.ts';
import type { DaySource } from '../fetch/sources.ts';
import type { Io } from './command.ts';
import { DEFAULT_API_RATE, DEFAULT_PAGE_RATE, type fetchOptions } from './commands/scrape.ts';

export type FetchValues = z.output<typeof fetchOptions> & { 'only-missing'?: boolean };

export type ScrapeRun = {
  reports: DayReport[];
  /** Days not tried because the run was interrupted (Ctrl-C, SIGTERM). */
  notAttempted: string[];
  /** Every day ok or without a listing, none refused, none left untried. */
  clean: boolean;
};

/** Days whose outcome needs no one's attention: ok, or no listing; nothing refused. */
export const isCleanDay = (r: DayReport): boolean =>
  (r.status === 'ok' || r.status === 'no-listing') && r.action !== 'refused';

/**
 * A revisited day (nightly --revisit) needs no one's attention either when it could not be
 * fetched: the archive holds it as it was, and the night is the window's.
 */
export const isCleanRevisit = (r: DayReport): boolean => isCleanDay(r) || r.notFetched === true;

export async function runScrape(
  values: FetchValues,
  {
    dates,
    today,
    command,
    revisit = false,
  }: {
    dates: readonly string[];
    today: string;
    command: string;
    /** Days held, fetched again for their numbers: papers no longer listed are kept (revisit.ts). */
    revisit?: boolean;
  },
  io: Io,
): Promise<ScrapeRun> {
  const { content: contentDir, 'base-url': baseUrl, source: sourceName, concurrency, json } = values;
  const rate = values.rate ?? (sourceName === 'api' ? DEFAULT_API_RATE : DEFAULT_PAGE_RATE);
  const timeoutMs = values.timeout * 1000;
  const maxPageBytes = values['max-page-mb'] * 1_000_000;

  // Loaded here, not at the top: `papers --help` should not pay for a browser driver.
  const [{ realClock }, { crawl }, { createPacer }, { openApiSource, openPageSource }, progress] = await Promise.all([
    import('../fetch/clock.ts'),
    import('../fetch/crawl.ts'),
    import('../fetch/pacer.ts'),
    import('../fetch/sources.ts'),
    import('./progress.ts'),
  ]);
  const clock = realClock;
  const pacer = createPacer({ ratePerMinute: rate, clock });
  const apiPacer = sourceName === 'api' ? pacer : createPacer({ ratePerMinute: values['api-rate'], clock });
  const source: DaySource =
    sourceName === 'api'
      ? openApiSource({ baseUrl, pacer, apiPacer, timeoutMs, maxPageBytes })
      : await openPageSource({
          baseUrl,
          pacer,
          apiPacer,
          timeoutMs,
          maxPageBytes,
          concurrency,
          chromium: values.chromium,
          render: values.render,
        });

  // The API behind the page source, for days whose page cannot be read (crawl.ts, fallbackAvoids).
  const fallback =
    sourceName === 'page' && !values['no-fallback']
      ? openApiSource({ baseUrl, pacer: apiPacer, apiPacer, timeoutMs, maxPageBytes })
      : undefined;

  const abort = new AbortController();
  const onSignal = () => abort.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const reporter = progress.createReporter(progress.progressMode(io, json), io);
  const started = performance.now();
  const say = (jsonLine: object, text: string) =>
    json ? io.stdout.write(`${JSON.stringify(jsonLine)}\n`) : io.stderr.write(`${command}: ${text}\n`);
  try {
    const result = await crawl({
      contentDir,
      dates,
      source,
      pacer,
      concurrency,
      retry: { ...DEFAULT_RETRY, retries: values.retries, baseDelayMs: values.backoff * 1000 },
      clock,
      today,
      force: values.force,
      keepUnlisted: revisit,
      onlyMissing: values['only-missing'] ?? false,
      signal: abort.signal,
      onStart: (total, skipped) => {
        reporter.start(total);
        if (skipped > 0 && !json)
          io.stderr.write(`${command}: ${skipped} days already held or known empty, skipped (--only-missing)\n`);
      },
      onDay: (report, i, total) => reporter.day(report, i, total),
      fallback,
      onFallback: (date, pageFailure) =>
        say(
          { type: 'fallback', date, via: 'api', pageFailure },
          `${date}: the page could not be read (${pageFailure}); fetching it through the API`,
        ),
      onRetry: (date, attempt, delayMs, error) =>
        say(
          { type: 'retry', date, attempt, delayMs: Math.round(delayMs), error: error.message },
          `${date}: ${error.message}; retry ${attempt} in ${(delayMs / 1000).toFixed(1)} s`,
        ),
    });
    reporter.end(progress.summarize('Scraped', result.reports, (performance.now() - started) / 1000));
    if (result.notAttempted.length > 0) {
      say(
        { type: 'interrupted', notAttempted: result.notAttempted },
        `interrupted: ${result.notAttempted.length} days not tried: ${result.notAttempted.join(', ')}`,
      );
    }
    return {
      reports: result.reports,
      notAttempted: result.notAttempted,
      clean: result.notAttempted.length === 0 && result.reports.every(revisit ? isCleanRevisit : isCleanDay),
    };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await source.close();
  }
}
