// The scraper on the replay server (in its own process, as a remote site would be), over the
// same 100 listing days: the page source as shipped (a browser passes the site's check, then
// plain requests with its cookies) at concurrency 1 and 4, the page source rendering every page,
// the API source, and plain HTTP + cheerio with no browser at all (the floor).
import { type ChildProcess, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { realClock } from '../../scraper/fetch/clock.ts';
import { crawl } from '../../scraper/fetch/crawl.ts';
import { createPacer } from '../../scraper/fetch/pacer.ts';
import { DEFAULT_RETRY } from '../../scraper/fetch/retry.ts';
import { type DaySource, openApiSource, openPageSource, openPlainPageSource } from '../../scraper/fetch/sources.ts';
import { REPO_ROOT as ROOT } from '../../scraper/repo.ts';
import { type Measure, measure } from './stats.ts';

/** Starts `npm run replay` as a child process on a free port; resolves with its URL. */
async function startReplay(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/replay/main.ts'), '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c;
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`replay server exited (${code}) before printing its URL`)));
  });
  return { url, child };
}

type Variant = {
  name: string;
  waf: boolean;
  open: (baseUrl: string, concurrency: number) => Promise<DaySource>;
  concurrency: number;
};

const fast = () => createPacer({ ratePerMinute: 1e9, clock: realClock });
const common = (baseUrl: string) => ({ baseUrl, pacer: fast(), apiPacer: fast(), timeoutMs: 30_000 });

const VARIANTS: Variant[] = [
  {
    name: 'plain HTTP + cheerio, no browser (floor), c=1',
    waf: false,
    concurrency: 1,
    open: async (u) => openPlainPageSource(common(u)),
  },
  {
    name: 'plain HTTP + cheerio, no browser (floor), c=4',
    waf: false,
    concurrency: 4,
    open: async (u) => openPlainPageSource(common(u)),
  },
  {
    name: 'page source (browser check + cookies), c=1',
    waf: true,
    concurrency: 1,
    open: (u, c) => openPageSource({ ...common(u), concurrency: c }),
  },
  {
    name: 'page source (browser check + cookies), c=4',
    waf: true,
    concurrency: 4,
    open: (u, c) => openPageSource({ ...common(u), concurrency: c }),
  },
  {
    name: 'page source rendering every page, c=4',
    waf: true,
    concurrency: 4,
    open: (u, c) => openPageSource({ ...common(u), concurrency: c, render: true }),
  },
  { name: 'api source, c=4', waf: false, concurrency: 4, open: async (u) => openApiSource(common(u)) },
];

export async function benchScrape(dates: string[], runs: number): Promise<{ rows: Measure[]; ratio: number }> {
  // Quotas high enough that the scraper never has a reason to pause: this measures its speed.
  const quota = ['--quota', '100000000'];
  const servers = { waf: await startReplay(['--waf', ...quota]), plain: await startReplay(quota) };
  const rows: Measure[] = [];
  try {
    for (const v of VARIANTS) {
      const rates: number[] = [];
      for (let i = 0; i < runs; i++) {
        const content = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-scrape-'));
        const url = (v.waf ? servers.waf : servers.plain).url;
        // Opening the source (launching Chromium) is part of the run: a nightly pays it too.
        const t = performance.now();
        const source = await v.open(url, v.concurrency);
        try {
          const result = await crawl({
            contentDir: content,
            dates,
            source,
            pacer: fast(),
            concurrency: v.concurrency,
            retry: DEFAULT_RETRY,
            clock: realClock,
          });
          const ok = result.reports.filter((r) => r.status === 'ok').length;
          if (ok !== dates.length) throw new Error(`${v.name}: ${ok} of ${dates.length} days ok`);
        } finally {
          await source.close();
        }
        rates.push(dates.length / ((performance.now() - t) / 1000));
        process.stderr.write(`  ${v.name}: run ${i + 1}: ${rates.at(-1)!.toFixed(1)} days/s\n`);
        await fs.rm(content, { recursive: true, force: true });
      }
      rows.push(measure(v.name, 'days/s', rates));
    }
  } finally {
    servers.waf.child.kill();
    servers.plain.child.kill();
  }
  const page4 = rows.find((r) => r.name.startsWith('page source (browser check') && r.name.endsWith('c=4'))!.median;
  const plain4 = rows.find((r) => r.name.startsWith('plain') && r.name.endsWith('c=4'))!.median;
  return { rows, ratio: plain4 / page4 };
}
