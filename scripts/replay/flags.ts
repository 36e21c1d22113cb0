// The `npm run replay` command line, turned into ReplayOptions. Its options are one schema built
// with the `papers` command's machinery (scraper/cli/options.ts), so parsing, checks, defaults
// and --help agree, and mistakes read the same. Kept apart from main.ts so that it can be tested
// without starting a process.
import { z } from 'zod';
import { helpText } from '../../scraper/cli/help.ts';
import { opt } from '../../scraper/cli/options.ts';
import { parseOptions } from '../../scraper/cli/parse.ts';
import { UsageError } from '../../scraper/errors.ts';
import { type FaultConfig, FaultConfigError, parseFaultConfig } from './faults.ts';
import type { Layout } from './listing-page.ts';
import { DEFAULT_POLICIES } from './rate-limit.ts';
import type { ReplayOptions } from './server.ts';

export { UsageError };

const DEFAULT_WINDOW_S = 300;
const DEFAULT_RETRY_AFTER_S = 30;
// Every layout, checked by the compiler against the Layout type.
const LAYOUTS = Object.keys({ normal: 0, 'no-embedded-json': 0, 'no-data': 0 } satisfies Record<Layout, 0>) as [
  Layout,
  ...Layout[],
];

export const replayOptions = z.object({
  port: opt.int({ min: 0, max: 65535, default: 8787, help: 'port; 0 picks a free one' }),
  host: opt.text({ arg: 'HOST', default: '127.0.0.1', help: 'address to listen on' }),
  days: opt.path({
    arg: 'DIR',
    defaultText: 'the test fixtures',
    help: 'folder of YYYY-MM-DD.json[.gz] API answers',
  }),
  today: opt.date({ defaultText: 'the day after the newest day', help: "the fake site's current date" }),
  waf: opt.flag({ help: 'challenge page requests without an aws-waf-token cookie (202)' }),
  quota: opt.ints({
    parts: 2,
    arg: 'PAGES[/API]',
    defaultText: `${DEFAULT_POLICIES.pages.quota}/${DEFAULT_POLICIES.api.quota}`,
    help: 'the limits the RateLimit headers report per 5 minutes; a scraper that heeds them pauses when they run out',
  }),
  faults: opt.json({
    section: 'Faults (also switchable at runtime: POST/DELETE /__replay/faults)',
    help: 'a whole FaultConfig as JSON; the flags below add to it',
  }),
  'rate-limit': opt.ints({
    parts: 3,
    arg: 'N[/SECONDS[/RETRY_AFTER]]',
    help: `enforce N requests per window (SECONDS default ${DEFAULT_WINDOW_S})`,
  }),
  'too-many-requests': opt.ints({
    parts: 2,
    arg: 'TIMES[/RETRY_AFTER]',
    help: `the next TIMES requests answer 429 (RETRY_AFTER default ${DEFAULT_RETRY_AFTER_S})`,
  }),
  'server-error': opt.ints({ parts: 2, arg: 'TIMES[/STATUS]', help: 'the next TIMES requests answer 500 (or STATUS)' }),
  slow: opt.ints({ parts: 2, arg: 'MS[/TIMES]', help: 'delay answers by MS (all of them, or TIMES)' }),
  truncate: opt.ints({ parts: 1, arg: 'TIMES', help: 'the next TIMES answers stop halfway' }),
  paths: opt.text({
    arg: 'PATTERN',
    help: 'restrict the four faults above to a path+query: a substring, or a glob where * is any run of characters ("/api/*", "/papers/date/*")',
  }),
  'down-day': opt.many(opt.date({ help: 'this day always answers 503' })),
  layout: opt.choice(LAYOUTS, { help: 'how listing pages are built' }),
  'layout-day': opt.many(opt.date({ help: 'restrict --layout to this day' })),
  'page-era': opt.choice(['2024', '2026'], {
    defaultText: 'by the day: 2024 before 2025-03-01, else 2026',
    help: 'the shape of listing pages (props and cards) as Hugging Face served them that year',
  }),
  'wrong-day': opt.many(
    opt.text({
      arg: 'DAY=OTHER',
      help: "the page for DAY shows OTHER's listing, answering 200 (a page filed under the wrong day)",
    }),
  ),
  'canonical-host': opt.text({
    arg: 'HOST|ORIGIN',
    help: 'redirect every request (301) to the same path on this host or origin, as a site moving to its canonical URL',
  }),
  'redirect-loop': opt.ints({ parts: 1, arg: 'TIMES', help: 'the next TIMES requests redirect in a loop' }),
  'huge-page': opt.ints({
    parts: 2,
    arg: 'BYTES[/TIMES]',
    help: 'listing pages of BYTES bytes (all, or the next TIMES)',
  }),
  'gzip-bomb': opt.ints({
    parts: 2,
    arg: 'BYTES[/TIMES]',
    help: 'as --huge-page, gzip-compressed on the fly (a few KB on the wire)',
  }),
});

type Values = z.output<typeof replayOptions>;

export const USAGE = helpText({
  usage: 'npm run replay -- [options]',
  summary: 'A local stand-in for huggingface.co, serving the fixture days (see scripts/replay/README.md).',
  options: replayOptions,
});

function faultsOf(v: Values): FaultConfig {
  const given = v.faults === undefined ? {} : v.faults;
  if (typeof given !== 'object' || given === null || Array.isArray(given))
    throw new UsageError(`--faults must be a JSON object, not ${JSON.stringify(given)}`);
  const f: Record<string, unknown> = { ...given };
  const paths = v.paths !== undefined ? { paths: v.paths } : {};
  if (v['rate-limit']) {
    const [limit, seconds = DEFAULT_WINDOW_S, retry] = v['rate-limit'];
    f['rateLimit'] = { limit, windowMs: seconds * 1000, ...(retry !== undefined ? { retryAfterSeconds: retry } : {}) };
  }
  if (v['too-many-requests']) {
    const [times, retry = DEFAULT_RETRY_AFTER_S] = v['too-many-requests'];
    f['tooManyRequests'] = { times, retryAfterSeconds: retry, ...paths };
  }
  if (v['server-error']) {
    const [times, status] = v['server-error'];
    f['serverError'] = { times, ...(status !== undefined ? { status } : {}), ...paths };
  }
  if (v.slow) {
    const [delayMs, times] = v.slow;
    f['slow'] = { delayMs, ...(times !== undefined ? { times } : {}), ...paths };
  }
  if (v.truncate) f['truncate'] = { times: v.truncate[0], ...paths };
  if (v['down-day'].length > 0) f['downDays'] = v['down-day'];
  if (v.layout !== undefined) f['layout'] = v.layout;
  if (v['layout-day'].length > 0) f['layoutDays'] = v['layout-day'];
  if (v['page-era'] !== undefined) f['pageEra'] = v['page-era'];
  if (v['wrong-day'].length > 0) {
    const pairs = v['wrong-day'].map((pair) => {
      const m = /^(\d{4}-\d{2}-\d{2})=(\d{4}-\d{2}-\d{2})$/.exec(pair);
      if (!m) throw new UsageError(`--wrong-day must be DAY=OTHER (two dates YYYY-MM-DD), not ${JSON.stringify(pair)}`);
      return [m[1]!, m[2]!] as const;
    });
    f['wrongDayPages'] = Object.fromEntries(pairs);
  }
  if (v['canonical-host'] !== undefined) f['canonicalRedirect'] = { to: v['canonical-host'] };
  if (v['redirect-loop']) f['redirectLoop'] = { times: v['redirect-loop'][0] };
  for (const [flag, key] of [
    ['huge-page', 'hugePage'],
    ['gzip-bomb', 'gzipBomb'],
  ] as const) {
    const given = v[flag];
    if (given) f[key] = { bytes: given[0], ...(given[1] !== undefined ? { times: given[1] } : {}), ...paths };
  }
  try {
    return parseFaultConfig(f);
  } catch (e) {
    if (e instanceof FaultConfigError) throw new UsageError(e.message);
    throw e;
  }
}

/**
 * Options for startReplayServer from the command line. `cwd` is where relative paths start: npm
 * runs scripts from the package root, so main.ts passes the directory the user ran npm from.
 */
export function parseReplayArgs(argv: string[], cwd: string): { help: true } | { help: false; options: ReplayOptions } {
  const parsed = parseOptions(replayOptions, argv, { cwd });
  if (parsed.help) return { help: true };
  const v = parsed.values;
  const options: ReplayOptions = { port: v.port, host: v.host, waf: v.waf, faults: faultsOf(v) };
  if (v.days !== undefined) options.daysDir = v.days;
  if (v.today !== undefined) options.today = v.today;
  if (v.quota) options.quota = { pages: v.quota[0]!, api: v.quota[1] ?? v.quota[0]! };
  return { help: false, options };
}
