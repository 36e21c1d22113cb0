// The `npm run replay` command line, turned into ReplayOptions. Kept apart from main.ts so that
// it can be tested without starting a process.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../../scraper/errors.ts';
import { type FaultConfig, FaultConfigError, parseFaultConfig } from './faults.ts';
import type { ReplayOptions } from './server.ts';

export const USAGE = `usage: npm run replay -- [options]

  --port N                 port (default 8787; 0 = a free port)
  --host HOST              address to listen on (default 127.0.0.1)
  --days DIR               folder of YYYY-MM-DD.json[.gz] API answers (default: the test fixtures)
  --today YYYY-MM-DD       the fake site's current date (default: the day after the newest day)
  --waf                    challenge page requests without an aws-waf-token cookie (202)
  --quota PAGES[/API]      the limits the RateLimit headers report per 5 minutes (default 100/500);
                           a scraper that heeds them pauses when they run out

faults (also switchable at runtime: POST/DELETE /__replay/faults):
  --faults JSON                           a whole FaultConfig as JSON; the flags below add to it
  --rate-limit N[/SECONDS[/RETRY_AFTER]]  enforce N requests per window (default window 300 s)
  --too-many-requests TIMES[/RETRY_AFTER] the next TIMES requests answer 429 (Retry-After default 30)
  --server-error TIMES[/STATUS]           the next TIMES requests answer 500 (or STATUS)
  --slow MS[/TIMES]                       delay answers by MS (all of them, or TIMES)
  --truncate TIMES                        the next TIMES answers stop halfway
  --paths PATTERN          restrict the four faults above to a path+query: a substring, or a
                           glob where * is any run of characters ("/api/*", "/papers/date/*")
  --down-day DATE          this day always answers 503 (repeatable)
  --layout normal|no-embedded-json|no-data
  --layout-day DATE        restrict --layout to this day (repeatable)
`;

export { UsageError };

function numbers(value: string, flag: string): number[] {
  const nums = value.split('/').map((s) => (/^\d+$/.test(s) ? Number(s) : NaN));
  if (nums.some((n) => Number.isNaN(n)))
    throw new UsageError(`${flag}: expected whole numbers separated by /, got ${value}`);
  return nums;
}

type Values = Record<string, string | boolean | string[] | undefined>;

function faultsOf(v: Values): FaultConfig {
  let f: Record<string, unknown> = {};
  if (typeof v['faults'] === 'string') {
    try {
      f = JSON.parse(v['faults']) as Record<string, unknown>;
    } catch (e) {
      throw new UsageError(`--faults: not JSON: ${(e as Error).message}`);
    }
  }
  const paths = typeof v['paths'] === 'string' ? { paths: v['paths'] } : {};
  if (typeof v['rate-limit'] === 'string') {
    const [limit, seconds = 300, retry] = numbers(v['rate-limit'], '--rate-limit');
    f['rateLimit'] = { limit, windowMs: seconds * 1000, ...(retry !== undefined ? { retryAfterSeconds: retry } : {}) };
  }
  if (typeof v['too-many-requests'] === 'string') {
    const [times, retry = 30] = numbers(v['too-many-requests'], '--too-many-requests');
    f['tooManyRequests'] = { times, retryAfterSeconds: retry, ...paths };
  }
  if (typeof v['server-error'] === 'string') {
    const [times, status] = numbers(v['server-error'], '--server-error');
    f['serverError'] = { times, ...(status !== undefined ? { status } : {}), ...paths };
  }
  if (typeof v['slow'] === 'string') {
    const [delayMs, times] = numbers(v['slow'], '--slow');
    f['slow'] = { delayMs, ...(times !== undefined ? { times } : {}), ...paths };
  }
  if (typeof v['truncate'] === 'string') f['truncate'] = { times: numbers(v['truncate'], '--truncate')[0], ...paths };
  if (Array.isArray(v['down-day'])) f['downDays'] = v['down-day'];
  if (typeof v['layout'] === 'string') f['layout'] = v['layout'];
  if (Array.isArray(v['layout-day'])) f['layoutDays'] = v['layout-day'];
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
  let values: Values;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        days: { type: 'string' },
        today: { type: 'string' },
        waf: { type: 'boolean', default: false },
        quota: { type: 'string' },
        faults: { type: 'string' },
        'rate-limit': { type: 'string' },
        'too-many-requests': { type: 'string' },
        'server-error': { type: 'string' },
        slow: { type: 'string' },
        truncate: { type: 'string' },
        paths: { type: 'string' },
        'down-day': { type: 'string', multiple: true },
        layout: { type: 'string' },
        'layout-day': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values['help'] === true) return { help: true };
  const port = Number(values['port']);
  if (!/^\d+$/.test(String(values['port'])) || port > 65535)
    throw new UsageError(`--port: not a port: ${values['port']}`);
  const options: ReplayOptions = {
    port,
    host: String(values['host']),
    waf: values['waf'] === true,
    faults: faultsOf(values),
  };
  if (typeof values['days'] === 'string') options.daysDir = path.resolve(cwd, values['days']);
  if (typeof values['today'] === 'string') options.today = values['today'];
  if (typeof values['quota'] === 'string') {
    const m = /^(\d+)(?:\/(\d+))?$/.exec(values['quota']);
    if (!m) throw new UsageError(`--quota: expected PAGES or PAGES/API, not ${values['quota']}`);
    options.quota = { pages: Number(m[1]), api: Number(m[2] ?? m[1]) };
  }
  return { help: false, options };
}
