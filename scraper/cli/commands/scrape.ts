// `papers scrape`: listing days from Hugging Face into the archive, politely, checking that each
// page is the day asked for.
import { z } from 'zod';
import { addDays, dateRange, utcToday } from '../../archive/dates.ts';
import { HF_ORIGIN } from '../../archive/links.ts';
import { FIRST_DAY } from '../../archive/schema.ts';
import { DEFAULT_MAX_PAGE_BYTES } from '../../fetch/limits.ts';
import { DEFAULT_RETRY } from '../../fetch/retry.ts';
import { type Command, contentOption, EXIT_FAILED, EXIT_OK, jsonOption, UsageError, waitOption } from '../command.ts';
import { opt } from '../options.ts';

/** The published anonymous limits: 100 page loads and 500 API calls per 5 minutes. */
export const DEFAULT_PAGE_RATE = 20;
export const DEFAULT_API_RATE = 100;
/** 100 a second: more than any site should get; the pacer's interval stays at 10 ms or more. */
const MAX_RATE = 6000;
/** Ten years, well past the first Daily Papers day (2023-05-04): more is a typo, not a backfill. */
export const MAX_LAST_DAYS = 3650;
export const LATEST = 'the latest UTC day';

/**
 * How days are fetched and where they go: every scrape option but which days. `papers nightly`
 * takes these same fields (nightly.ts), so each is declared once, here.
 */
export const fetchOptions = z.object({
  'base-url': opt.url({ env: 'HF_BASE_URL', default: HF_ORIGIN, help: 'site to fetch from' }),
  content: contentOption,
  source: opt.choice(['page', 'api'], {
    default: 'page',
    help: 'listing pages through Chromium, or the JSON API with paging',
  }),
  concurrency: opt.int({ min: 1, max: 16, default: 2, help: 'days fetched at once' }),
  rate: opt.int({
    min: 1,
    max: MAX_RATE,
    defaultText: `${DEFAULT_PAGE_RATE}, or ${DEFAULT_API_RATE} with --source api`,
    help: 'most page loads a minute, or API calls with --source api',
  }),
  'api-rate': opt.int({
    min: 1,
    max: MAX_RATE,
    default: DEFAULT_API_RATE,
    help: 'most API calls a minute when the page source fills papers from the API',
  }),
  retries: opt.int({
    min: 0,
    max: 20,
    default: DEFAULT_RETRY.retries,
    help: 'tries after the first for 429, 5xx, timeouts, cut-off answers',
  }),
  backoff: opt.seconds({
    min: 0,
    max: DEFAULT_RETRY.maxDelayMs / 1000,
    default: DEFAULT_RETRY.baseDelayMs / 1000,
    help: `first retry delay, doubling each time up to ${DEFAULT_RETRY.maxDelayMs / 1000} s, with jitter`,
  }),
  // Node timers hold at most 2^31-1 ms (24.8 days); a longer one fires after 1 ms.
  timeout: opt.seconds({ min: 1, max: 600, default: 30, help: 'time a request may take before it is given up' }),
  'max-page-mb': opt.int({
    arg: 'MB',
    min: 1,
    max: 1000,
    default: DEFAULT_MAX_PAGE_BYTES / 1_000_000,
    help: 'most megabytes one answer may hold once decoded; a bigger one fails its day',
  }),
  chromium: opt.path({
    help: 'the Chromium or Chrome to drive',
    defaultText:
      "$PAPERS_CHROMIUM, else Playwright's own, else the system's chromium, chromium-browser or google-chrome",
  }),
  render: opt.flag({ help: 'render every page in the browser instead of requesting it with its cookies' }),
  'no-fallback': opt.flag({
    help: 'with --source page, fail a day whose page cannot be read (bot check not passed, 401/403/451, layout changed) instead of fetching it through the API',
  }),
  force: opt.flag({ help: 'replace archived days even with fewer papers, an empty or a partial listing' }),
  wait: waitOption,
  json: jsonOption,
});

export const scrapeOptions = z.object({
  date: opt.date({ arg: 'D', help: 'one day', defaultText: LATEST }),
  from: opt.date({ arg: 'D', help: 'first day of a range' }),
  to: opt.date({ arg: 'D', help: 'last day of a range', defaultText: LATEST }),
  last: opt.int({ min: 1, max: MAX_LAST_DAYS, help: `the N days ending with ${LATEST}` }),
  'only-missing': opt.flag({ help: 'skip days already held whole and days known to have no listing' }),
  ...fetchOptions.shape,
});

type ScrapeValues = z.output<typeof scrapeOptions>;

export const scrapeCommand: Command<typeof scrapeOptions> = {
  name: 'scrape',
  summary: 'Fetch listing days from Hugging Face into the archive.',
  usage: 'papers scrape [--date D | --from D [--to D] | --last N] [options]',
  options: scrapeOptions,
  details: [
    'Each day is checked against the day asked for: a redirect to another day means that day has',
    'no listing, never a copy of the other day. Pages are paced (--rate), and Retry-After and',
    'RateLimit headers are honoured. A failed or partial fetch never replaces a good day.',
    '',
    'Exit status: 0 when every requested day is ok or has no listing, 1 when any failed, was',
    'partial or was refused, 2 on usage errors.',
  ].join('\n'),
  async run({ values }, io) {
    const today = utcToday();
    const dates = requestedDates(values, today);
    const [{ runScrape }, { withArchiveLock }] = await Promise.all([
      import('../scrape-run.ts'),
      import('../../archive/lock.ts'),
    ]);
    const lock = { command: 'papers scrape', waitMs: values.wait * 1000 };
    const run = await withArchiveLock(values.content, lock, () =>
      runScrape(values, { dates, today, command: 'papers scrape' }, io),
    );
    return run.clean ? EXIT_OK : EXIT_FAILED;
  },
};

function requestedDates({ date, from, to, last }: ScrapeValues, today: string): string[] {
  const given = [date && '--date', (from || to) && '--from/--to', last !== undefined && '--last'].filter(Boolean);
  if (given.length > 1) throw new UsageError(`give one of --date, --from/--to and --last, not ${given.join(' and ')}`);
  if (to && !from) throw new UsageError('--to needs --from');
  let dates: string[];
  if (date) dates = [date];
  else if (from) dates = dateRange(from, to ?? today);
  else if (last !== undefined) {
    const first = addDays(today, 1 - last);
    if (first < FIRST_DAY)
      throw new UsageError(`--last ${last} reaches back to ${first}, before Daily Papers began (${FIRST_DAY})`);
    dates = dateRange(first, today);
  } else dates = [today];
  if (dates.length === 0) throw new UsageError(`--from ${from} is after --to ${to}`);
  const future = dates.find((d) => d > today);
  if (future) throw new UsageError(`${future} is in the future (today is ${today} UTC)`);
  return dates;
}
