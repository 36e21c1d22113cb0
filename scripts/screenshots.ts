// `npm run screenshots`: pictures of the site for the README (docs/screenshots/*.png), made from
// the built site so they show what the code renders today and are remade in one command after
// a change. A day page (the newest with AI summaries) and a paper page (the one whose chart of
// votes has the most points, or --paper) on a laptop (1280×800) and a phone (390×844), light and
// dark; `--all` adds every kind of page (the organizations index and the
// page of the organization with the most papers among them, and the stats page), for reviewing
// a change by eye (into --out, not the README's folder); `--only stats,day` takes those alone,
// `--full-page` the whole length of each page rather than the screen's.
// Thumbnails come from Hugging Face's CDN: where it is unreachable, the pictures show the
// placeholders a reader offline sees.
//
//   npm run screenshots [-- --build] [--dist dist] [--out docs/screenshots] [--all] [--only NAME,…]
//                       [--full-page] [--day YYYY-MM-DD] [--paper ID]
// The site is served under $PAPERS_BASE (default /), as it was built.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../scraper/fetch/chromium.ts';
import { REPO_ROOT } from '../scraper/repo.ts';
import { normalizeBase } from '../site/lib/options.ts';
import { serveStatic } from './site/serve.ts';

type Shot = { name: string; path: string };
type Screen = { name: string; width: number; height: number; phone: boolean };

const SCREENS: Screen[] = [
  { name: 'desktop', width: 1280, height: 800, phone: false },
  { name: 'phone', width: 390, height: 844, phone: true },
];
const SCHEMES = ['light', 'dark'] as const;

/**
 * The day the README shows: the newest day of the built site whose cards have Hugging Face's AI
 * summaries (a day's summaries come in after it), so the pictures show every part of a card;
 * else the newest day.
 */
function shownDay(dist: string): string {
  const days = readdirSync(path.join(dist, 'days'))
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && existsSync(path.join(dist, 'days', d, 'index.html')))
    .sort()
    .reverse();
  const html = (d: string) => readFileSync(path.join(dist, 'days', d, 'index.html'), 'utf8');
  const withCards = days.filter((d) => html(d).includes('class="card"'));
  const newest = withCards[0];
  if (!newest) throw new Error(`${dist} holds no day page with papers: build the site first (--build)`);
  return withCards.find((d) => html(d).split('class="tldr"').length > 3) ?? newest;
}

/** A weekend day of the built site's range, for the "no papers" page. */
function weekendDay(dist: string): string | null {
  const days = readdirSync(path.join(dist, 'days')).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  return days.reverse().find((d) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) ?? null;
}

/** The organization with the most papers: the first on /organizations/ (null before it existed). */
function biggestOrganization(dist: string): string | null {
  const index = path.join(dist, 'organizations', 'index.html');
  if (!existsSync(index)) return null;
  const list = readFileSync(index, 'utf8').split('class="org-list"')[1] ?? '';
  return /href="[^"]*\/(organizations\/[^"/]+\/)"/.exec(list)?.[1] ?? null;
}

/** The paper whose chart of votes has the most points (the first paper when none has a chart). */
function chartedPaper(dist: string): string | null {
  let best: [string, number] | null = null;
  for (const p of readdirSync(path.join(dist, 'papers')).filter((p) => /^\d{4}\.\d{4,5}$/.test(p))) {
    const dots = readFileSync(path.join(dist, 'papers', p, 'index.html'), 'utf8').split('class="dot"').length - 1;
    if (!best || dots > best[1]) best = [p, dots];
  }
  return best?.[0] ?? null;
}

const USAGE = `npm run screenshots [-- options]: pictures of the built site, desktop and phone, light and dark.
  --build              build the site first (else the dist/ there is, built if missing)
  --dist DIR           the built site (dist)
  --out DIR            where the pictures go (docs/screenshots)
  --all                every kind of page, not only the README's day and paper
  --only NAME,…        those pages only (day, paper, home, rising, stats, week, month, top, archive, …)
  --full-page          the whole page, not one screen of it
  --day YYYY-MM-DD     the day page shown (else the newest with AI summaries)
  --paper ID           the paper page shown (else the one whose chart has the most points)
`;

function shots(dist: string, day: string, all: boolean, chosen: string | undefined): Shot[] {
  const paper = chosen ?? chartedPaper(dist);
  const list: Shot[] = [
    { name: 'day', path: `days/${day}/` },
    ...(paper ? [{ name: 'paper', path: `papers/${paper}/` }] : []),
  ];
  if (!all) return list;
  const weekend = weekendDay(dist);
  const month = day.slice(0, 7);
  const week = readdirSync(path.join(dist, 'weeks'))
    .filter((w) => /^\d{4}-W\d{2}$/.test(w))
    .sort()
    .at(-1);
  const organization = biggestOrganization(dist);
  return [
    ...list,
    { name: 'home', path: '' },
    { name: 'rising', path: 'rising/' },
    { name: 'feeds', path: 'feeds/' },
    // Opened from a shared link: the list's page with papers in it, filled in from their pages.
    ...(paper ? [{ name: 'list', path: `list/#ids=${paper}` }] : []),
    { name: 'stats', path: 'stats/' },
    ...(weekend ? [{ name: 'no-papers', path: `days/${weekend}/` }] : []),
    ...(week ? [{ name: 'week', path: `weeks/${week}/` }] : []),
    { name: 'month', path: `months/${month}/` },
    { name: 'top', path: 'top/' },
    { name: 'archive', path: 'archive/' },
    { name: 'days', path: 'days/' },
    { name: 'weeks', path: 'weeks/' },
    ...(organization
      ? [
          { name: 'organizations', path: 'organizations/' },
          { name: 'organization', path: organization },
        ]
      : []),
    { name: 'not-found', path: `abs/${paper ?? '2608.05987'}v2` },
  ];
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      build: { type: 'boolean', default: false },
      dist: { type: 'string', default: 'dist' },
      out: { type: 'string' },
      all: { type: 'boolean', default: false },
      day: { type: 'string' },
      paper: { type: 'string' },
      only: { type: 'string' },
      'full-page': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const only = values.only ? new Set(values.only.split(',').map((n) => n.trim())) : null;
  const dist = path.resolve(REPO_ROOT, values.dist);
  if (values.build || !existsSync(path.join(dist, 'index.html'))) {
    const astro = path.join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs');
    const built = spawnSync(process.execPath, [astro, 'build', '--outDir', dist], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the site did not build');
  }
  const out = path.resolve(REPO_ROOT, values.out ?? 'docs/screenshots');
  mkdirSync(out, { recursive: true });
  const base = normalizeBase(process.env['PAPERS_BASE'] || '/');
  const server = await serveStatic({ root: dist, base, port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  const written: string[] = [];
  try {
    const day = values.day ?? shownDay(dist);
    for (const screen of SCREENS) {
      for (const scheme of SCHEMES) {
        const context = await browser.newContext({
          viewport: { width: screen.width, height: screen.height },
          deviceScaleFactor: 1,
          isMobile: screen.phone,
          hasTouch: screen.phone,
          colorScheme: scheme,
        });
        const page = await context.newPage();
        const chosen = shots(dist, day, values.all || only !== null, values.paper);
        for (const shot of chosen.filter((s) => !only || only.has(s.name))) {
          await page.goto(`http://127.0.0.1:${server.port}${base}${shot.path}`);
          // Lazy thumbnails in view load, or fail, before the picture is taken.
          await page.waitForLoadState('networkidle').catch(() => undefined);
          const file = path.join(out, `${shot.name}-${screen.name}-${scheme}.png`);
          await page.screenshot({ path: file, fullPage: values['full-page'] });
          written.push(path.relative(REPO_ROOT, file));
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  process.stdout.write(`${written.map((f) => `wrote ${f}`).join('\n')}\n`);
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`screenshots: ${error.message}\n`);
  process.exit(1);
});
