import { addDays, dateRange, utcToday } from '../../archive/dates.ts';
import { HF_ORIGIN } from '../../archive/links.ts';
import { DEFAULT_RETRY } from '../../fetch/retry.ts';
import type { DaySource } from '../../fetch/sources.ts';
import {
  CONTENT_OPTION,
  type Command,
  contentDirOf,
  dateOption,
  EXIT_FAILED,
  EXIT_OK,
  type Io,
  JSON_OPTION,
  numberOption,
  type ParsedArgs,
  UsageError,
} from '../command.ts';

/** The published anonymous limits: 100 page loads and 500 API calls per 5 minutes. */
export const DEFAULT_PAGE_RATE = 20;
export const DEFAULT_API_RATE = 100;

export const scrapeCommand: Command = {
  name: 'scrape',
  summary: 'Fetch listing days from Hugging Face into the archive.',
  usage: 'papers scrape [--date D | --from D [--to D] | --last N] [options]',
  options: {
    date: { type: 'string', arg: 'D', help: 'one day (YYYY-MM-DD); default: the latest UTC day' },
    from: { type: 'string', arg: 'D', help: 'first day of a range' },
    to: { type: 'string', arg: 'D', help: 'last day of a range (default: the latest UTC day)' },
    last: { type: 'string', arg: 'N', help: 'the N days ending with the latest UTC day' },
    'base-url': { type: 'string', arg: 'URL', help: `site to fetch from (default: $HF_BASE_URL, else ${HF_ORIGIN})` },
    content: CONTENT_OPTION,
    source: { type: 'string', arg: 'page|api', help: 'listing pages through Chromium (default), or the JSON API' },
    concurrency: { type: 'string', arg: 'N', help: 'days fetched at once (default 2)' },
    rate: {
      type: 'string',
      arg: 'N',
      help: `most requests a minute (default ${DEFAULT_PAGE_RATE} page loads, or ${DEFAULT_API_RATE} API calls with --source api)`,
    },
    'api-rate': {
      type: 'string',
      arg: 'N',
      help: `most API calls a minute when the page source fills papers from the API (default ${DEFAULT_API_RATE})`,
    },
    retries: {
      type: 'string',
      arg: 'N',
      help: `tries after the first for 429, 5xx, timeouts, cut-off answers (default ${DEFAULT_RETRY.retries})`,
    },
    backoff: {
      type: 'string',
      arg: 'S',
      help: `first retry delay in seconds, doubling each time up to ${DEFAULT_RETRY.maxDelayMs / 1000} s, with jitter (default ${DEFAULT_RETRY.baseDelayMs / 1000})`,
    },
    timeout: { type: 'string', arg: 'S', help: 'seconds before a request is given up (default 30)' },
    'only-missing': { type: 'boolean', help: 'skip days already held whole and days known to have no listing' },
    chromium: {
      type: 'string',
      arg: 'PATH',
      help: "the Chromium or Chrome to drive (default: $PAPERS_CHROMIUM, Playwright's, the system's)",
    },
    render: { type: 'boolean', help: 'render every page in the browser instead of requesting it with its cookies' },
    force: { type: 'boolean', help: 'replace archived days even with fewer papers or a partial listing' },
    json: JSON_OPTION,
  },
  details: [
    'Each day is checked against the day asked for: a redirect to another day means that day has',
    'no listing, never a copy of the other day. Pages are paced (--rate), and Retry-After and',
    'RateLimit headers are honoured. A failed or partial fetch never replaces a good day.',
    '',
    'Exit status: 0 when every requested day is ok or has no listing, 1 when any failed, was',
    'partial or was refused, 2 on usage errors.',
  ].join('\n'),
  async run(args, io) {
    const today = utcToday();
    const dates = requestedDates(args, today);
    const contentDir = contentDirOf(args, io);
    const baseUrl = baseUrlOf(args, io);
    const sourceName = (args.values['source'] as string | undefined) ?? 'page';
    if (sourceName !== 'page' && sourceName !== 'api')
      throw new UsageError(`--source must be page or api, not ${JSON.stringify(sourceName)}`);
    const concurrency = numberOption(args, 'concurrency', 2);
    const rate = numberOption(args, 'rate', sourceName === 'api' ? DEFAULT_API_RATE : DEFAULT_PAGE_RATE);
    const retries = numberOption(args, 'retries', DEFAULT_RETRY.retries, { min: 0 });
    const timeoutMs = numberOption(args, 'timeout', 30, { min: 0.001, integer: false }) * 1000;
    const baseDelayMs =
      numberOption(args, 'backoff', DEFAULT_RETRY.baseDelayMs / 1000, { min: 0, integer: false }) * 1000;
    const json = args.values['json'] === true;

    // Loaded here, not at the top: `papers --help` should not pay for a browser driver.
    const [
      { realClock },
      { crawl },
      { createPacer },
      { openApiSource, openPageSource },
      { createReporter, progressMode, summarize },
    ] = await Promise.all([
      import('../../fetch/clock.ts'),
      import('../../fetch/crawl.ts'),
      import('../../fetch/pacer.ts'),
      import('../../fetch/sources.ts'),
      import('../progress.ts'),
    ]);
    const clock = realClock;
    const pacer = createPacer({ ratePerMinute: rate, clock });
    const apiRate = numberOption(args, 'api-rate', DEFAULT_API_RATE);
    const apiPacer = sourceName === 'api' ? pacer : createPacer({ ratePerMinute: apiRate, clock });
    const source: DaySource =
      sourceName === 'api'
        ? openApiSource({ baseUrl, pacer, apiPacer, timeoutMs })
        : await openPageSource({
            baseUrl,
            pacer,
            apiPacer,
            timeoutMs,
            concurrency,
            chromium: args.values['chromium'] as string | undefined,
            render: args.values['render'] === true,
          });

    const abort = new AbortController();
    const onSignal = () => abort.abort(new Error('interrupted'));
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const reporter = createReporter(progressMode(io, json), io);
    const started = performance.now();
    try {
      const result = await crawl({
        contentDir,
        dates,
        source,
        pacer,
        concurrency,
        retry: { ...DEFAULT_RETRY, retries, baseDelayMs },
        clock,
        today,
        force: args.values['force'] === true,
        onlyMissing: args.values['only-missing'] === true,
        signal: abort.signal,
        onStart: (total, skipped) => {
          reporter.start(total);
          if (skipped > 0 && !json)
            io.stderr.write(`papers scrape: ${skipped} days already held or known empty, skipped (--only-missing)\n`);
        },
        onDay: (report, i, total) => reporter.day(report, i, total),
        onRetry: (date, attempt, delayMs, error) => {
          const line = json
            ? JSON.stringify({ type: 'retry', date, attempt, delayMs: Math.round(delayMs), error: error.message })
            : `papers scrape: ${date}: ${error.message}; retry ${attempt} in ${(delayMs / 1000).toFixed(1)} s`;
          (json ? io.stdout : io.stderr).write(`${line}\n`);
        },
      });
      reporter.end(summarize('Scraped', result.reports, (performance.now() - started) / 1000));
      if (result.notAttempted.length > 0) {
        const line = `interrupted: ${result.notAttempted.length} days not tried: ${result.notAttempted.join(', ')}`;
        (json ? io.stdout : io.stderr).write(
          json
            ? `${JSON.stringify({ type: 'interrupted', notAttempted: result.notAttempted })}\n`
            : `papers scrape: ${line}\n`,
        );
      }
      const clean =
        result.notAttempted.length === 0 &&
        result.reports.every((r) => (r.status === 'ok' || r.status === 'no-listing') && r.action !== 'refused');
      return clean ? EXIT_OK : EXIT_FAILED;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await source.close();
    }
  },
};

function requestedDates(args: ParsedArgs, today: string): string[] {
  const date = dateOption(args, 'date');
  const from = dateOption(args, 'from');
  const to = dateOption(args, 'to');
  const lastRaw = args.values['last'];
  const given = [date && '--date', (from || to) && '--from/--to', lastRaw !== undefined && '--last'].filter(Boolean);
  if (given.length > 1) throw new UsageError(`give one of --date, --from/--to and --last, not ${given.join(' and ')}`);
  if (to && !from) throw new UsageError('--to needs --from');
  let dates: string[];
  if (date) dates = [date];
  else if (from) dates = dateRange(from, to ?? today);
  else if (lastRaw !== undefined) dates = dateRange(addDays(today, 1 - numberOption(args, 'last', 1)), today);
  else dates = [today];
  if (dates.length === 0) throw new UsageError(`--from ${from} is after --to ${to}`);
  const future = dates.find((d) => d > today);
  if (future) throw new UsageError(`${future} is in the future (today is ${today} UTC)`);
  return dates;
}

function baseUrlOf(args: ParsedArgs, io: Io): string {
  const raw = (args.values['base-url'] as string | undefined) ?? (io.env['HF_BASE_URL'] || HF_ORIGIN);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--base-url must be an http(s) URL, not ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--base-url must be an http(s) URL, not ${JSON.stringify(raw)}`);
  }
  return url.href.replace(/\/+$/, '');
}
