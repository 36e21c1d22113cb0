// The crawl loop, apart from how a day is fetched (sources.ts) and how it is archived
// (archive-day.ts): days go to `concurrency` workers; each day is tried, retried with backoff
// while the failure is one that can pass, then archived; a day that cannot be got is recorded
// as failed and the others go on. Archiving is serialized, and each day's ledger entry is merged
// into the file on disk. A failure to write the archive itself (no space, no permission, a file
// where a folder should be) is not a day's failure: it stops every worker at once and is thrown,
// with no entry written for the days it interrupted.
import { archiveDay, type DayOutcome, type DayReport } from '../archive/archive-day.ts';
import { addDays } from '../archive/dates.ts';
import { mergeIntoLedger, readLedger } from '../archive/ledger.ts';
import { listDayFiles, readDay } from '../archive/store.ts';
import type { Clock } from './clock.ts';
import type { Pacer } from './pacer.ts';
import { LayoutChangedError, TruncatedPageError } from './parse-listing.ts';
import { backoffDelay, FetchError, type RetryOptions } from './retry.ts';
import type { DaySource } from './sources.ts';

export type CrawlOptions = {
  contentDir: string;
  dates: readonly string[];
  source: DaySource;
  pacer: Pacer;
  concurrency: number;
  retry: RetryOptions;
  clock: Clock;
  force?: boolean;
  /** Skip days already held whole, and days known to have no listing (older than 3 days). */
  onlyMissing?: boolean;
  today?: string;
  now?: () => Date;
  random?: () => number;
  signal?: AbortSignal;
  onStart?: (total: number, skipped: number) => void;
  onDay?: (report: DayReport, index: number, total: number) => void;
  onRetry?: (date: string, attempt: number, delayMs: number, error: Error) => void;
};

export type CrawlResult = {
  reports: DayReport[];
  /** Days left out by --only-missing. */
  skipped: string[];
  /** Days not tried because the run was interrupted. */
  notAttempted: string[];
};

/**
 * The one place a failure becomes "retry" or "give up". FetchErrors say it themselves: a 429,
 * 5xx, timeout or cut-off answer may pass; a page over the size bound (TooLargeError), a redirect
 * loop or one off the site (RedirectError) and an implausible listing will not.
 */
function asFetchError(e: unknown): FetchError {
  if (e instanceof FetchError) return e;
  if (e instanceof TruncatedPageError) return new FetchError(e.message, { retryable: true });
  if (e instanceof LayoutChangedError) return new FetchError(e.message, { retryable: false });
  return new FetchError(e instanceof Error ? e.message : String(e), { retryable: false });
}

async function daysToSkip(contentDir: string, dates: readonly string[], today: string): Promise<Set<string>> {
  const ledger = await readLedger(contentDir);
  const files = new Set((await listDayFiles(contentDir)).map((f) => f.date));
  const settled = addDays(today, -3);
  // A day is held whole when the ledger says ok and its file reads as a day with papers: an
  // empty or unreadable file is fetched again.
  const readsWhole = (date: string) =>
    readDay(contentDir, date).then(
      (day) => day !== null && day.papers.length > 0,
      () => false,
    );
  const skip = new Set<string>();
  for (const date of dates) {
    const entry = ledger.days[date];
    if (entry?.status === 'ok' && files.has(date) && (await readsWhole(date))) skip.add(date);
    // A listing grows during its day: only an older "no listing" is final.
    else if (entry?.status === 'no-listing' && date < settled) skip.add(date);
  }
  return skip;
}

export async function crawl(options: CrawlOptions): Promise<CrawlResult> {
  const { contentDir, source, pacer, retry, clock } = options;
  // Aborted by the caller (Ctrl-C) or by a fatal failure to write the archive.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  let fatal: { error: unknown } | null = null;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const today = options.today ?? now().toISOString().slice(0, 10);

  const skip = options.onlyMissing ? await daysToSkip(contentDir, options.dates, today) : new Set<string>();
  const queue = options.dates.filter((d) => !skip.has(d));
  let ledger = await readLedger(contentDir);
  options.onStart?.(queue.length, skip.size);

  const reports: DayReport[] = [];
  const attempted = new Set<string>();
  let archiving: Promise<unknown> = Promise.resolve();

  const attemptDay = async (date: string): Promise<DayOutcome | null> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const listing = await source.fetchDay(date, signal);
        return listing.kind === 'listing'
          ? {
              date,
              kind: 'listing',
              via: source.name,
              source: listing.source,
              fetchedAt: now().toISOString(),
              items: listing.items,
              problems: listing.problems,
            }
          : { date, kind: 'no-listing', via: source.name, reason: listing.reason };
      } catch (e) {
        if (signal?.aborted) return null;
        const error = asFetchError(e);
        if (!error.retryable || attempt > retry.retries) {
          const tries = attempt > 1 ? ` (${attempt} attempts)` : '';
          return { date, kind: 'failed', via: source.name, reason: `${error.message}${tries}` };
        }
        if (error.retryAfterMs !== null) pacer.pauseFor(error.retryAfterMs);
        const delay = backoffDelay(attempt, retry, error.retryAfterMs, random);
        options.onRetry?.(date, attempt, delay, error);
        try {
          await clock.sleep(delay, signal);
        } catch {
          return null;
        }
      }
    }
  };

  let nextIndex = 0;
  const worker = async () => {
    while (!signal?.aborted && nextIndex < queue.length) {
      const date = queue[nextIndex++]!;
      attempted.add(date);
      const outcome = await attemptDay(date);
      if (!outcome) {
        attempted.delete(date);
        return;
      }
      // Archive one day at a time: the ledger is read-modify-write.
      const step = archiving.then(async () => {
        if (fatal) return;
        try {
          const result = await archiveDay(contentDir, ledger, outcome, { force: options.force ?? false, now });
          const entry = result.ledger.days[date];
          ledger =
            result.ledger !== ledger && entry ? await mergeIntoLedger(contentDir, { [date]: entry }) : result.ledger;
          reports.push(result.report);
          options.onDay?.(result.report, reports.length - 1, queue.length);
        } catch (error) {
          fatal = { error };
          attempted.delete(date);
          stop.abort(error);
        }
      });
      archiving = step;
      await step;
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, queue.length)) }, worker));
  } finally {
    await archiving;
  }
  if (fatal) throw (fatal as { error: unknown }).error;
  return {
    reports,
    skipped: options.dates.filter((d) => skip.has(d)),
    notAttempted: queue.filter((d) => !attempted.has(d)),
  };
}
