// The crawl loop, apart from how a day is fetched (sources.ts) and how it is archived
// (archive-day.ts): days go to `concurrency` workers; each day is tried, retried with backoff
// while the failure is one that can pass, then archived; a day that cannot be got is recorded
// as failed and the others go on. A day the page source gives up for a reason the API does not
// meet (a bot check, 403, a layout that cannot be read) is fetched again through the API, when a
// fallback is given, and filed saying so: a blocked or changed page never silences a night.
// Archiving is serialized, and each day's ledger entry is merged into the file on disk. A failure to write the archive itself (no space, no permission, a file
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
  /** A revisit of held days: papers the listing no longer has are kept (archive-day.ts, keepUnlisted). */
  keepUnlisted?: boolean;
  /** Skip days already held whole, and days known to have no listing (older than 3 days). */
  onlyMissing?: boolean;
  today?: string;
  now?: () => Date;
  random?: () => number;
  signal?: AbortSignal;
  onStart?: (total: number, skipped: number) => void;
  onDay?: (report: DayReport, index: number, total: number) => void;
  onRetry?: (date: string, attempt: number, delayMs: number, error: Error) => void;
  /**
   * Asked when `source` gives a day up for a reason `fallback` avoids (fallbackAvoids): the day is
   * then fetched from `fallback` (the API), with retries of its own.
   */
  fallback?: DaySource | undefined;
  onFallback?: (date: string, pageFailure: string) => void;
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

/**
 * The page failures the API does not meet: the site's bot check not passed, the pages refused
 * (401, 403, 451), or a page whose listing cannot be read (the layout changed). The site down,
 * 429 after retries, a timeout, a page too large or an implausible listing are the site's state
 * or the data's, and stay failures.
 */
export function fallbackAvoids(error: unknown): boolean {
  return error instanceof LayoutChangedError || refusesPages(error);
}

/** The site keeps its pages from us (its check not passed, 401/403/451): true of every day, not one. */
function refusesPages(error: unknown): boolean {
  return error instanceof FetchError && error.status !== null && [202, 401, 403, 451].includes(error.status);
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

  type Attempt = { outcome: DayOutcome } | { gaveUp: unknown; reason: string };

  /** One source's tries at one day, retried while the failure may pass; null when interrupted. */
  const attemptWith = async (from: DaySource, date: string): Promise<Attempt | null> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const listing = await from.fetchDay(date, signal);
        const outcome: DayOutcome =
          listing.kind === 'listing'
            ? {
                date,
                kind: 'listing',
                via: from.name,
                source: listing.source,
                fetchedAt: now().toISOString(),
                items: listing.items,
                problems: listing.problems,
              }
            : { date, kind: 'no-listing', via: from.name, reason: listing.reason };
        return { outcome };
      } catch (e) {
        if (signal?.aborted) return null;
        const error = asFetchError(e);
        if (!error.retryable || attempt > retry.retries) {
          const tries = attempt > 1 ? ` (${attempt} attempts)` : '';
          return { gaveUp: e, reason: `${error.message}${tries}` };
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

  // Once the site has refused a page, the other days go straight to the fallback: each would
  // spend its retries (and a browser's wait on the check) to be refused the same way.
  let refused: string | null = null;

  const attemptDay = async (date: string): Promise<DayOutcome | null> => {
    const { fallback } = options;
    const skipped = refused !== null && fallback !== undefined;
    const first: Attempt | null = skipped
      ? { gaveUp: null, reason: `the site refused an earlier page of this run: ${refused}` }
      : await attemptWith(source, date);
    if (first === null) return null;
    if ('outcome' in first) return first.outcome;
    if (refusesPages(first.gaveUp)) refused ??= first.reason;
    if (!fallback || !(skipped || fallbackAvoids(first.gaveUp))) {
      return { date, kind: 'failed', via: source.name, reason: first.reason };
    }
    options.onFallback?.(date, first.reason);
    const second = await attemptWith(fallback, date);
    if (second === null) return null;
    if ('gaveUp' in second) {
      const reason = `the page could not be read (${first.reason}), nor the API: ${second.reason}`;
      return { date, kind: 'failed', via: fallback.name, reason };
    }
    const had = second.outcome;
    return had.kind === 'listing' ? { ...had, fallback: first.reason } : had;
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
          const result = await archiveDay(contentDir, ledger, outcome, {
            force: options.force ?? false,
            keepUnlisted: options.keepUnlisted ?? false,
            now,
          });
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
