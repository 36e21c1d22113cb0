// The WAF stand-in: plain clients get the 202 challenge, a browser runs challenge.js and lands on
// the page, and the browser's cookie then works for plain requests too.
import { runInNewContext } from 'node:vm';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../scraper/fetch/chromium.ts';
import { fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { get, getJson, islandProps, replayServer, withUpvoted } from '../../../helpers/replay.ts';

const replay = replayServer({ waf: true });
const PAGE = '/papers/date/2026-08-07';

describe('WAF challenge', () => {
  it('answers a plain client 202 with the challenge page, and leaves the API alone', async () => {
    const res = await get(replay.url + PAGE);
    expect(res.status).toBe(202);
    expect(res.headers.get('x-amzn-waf-action')).toBe('challenge');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const $ = cheerio.load(res.text);
    expect($('script[src="/challenge.js"]').length).toBe(1);
    expect($('[data-target="DailyPapers"]').length).toBe(0);
    expect(res.text).toContain('window.gokuProps');
    expect(replay.server.requests.at(-1)).toMatchObject({ path: PAGE, status: 202, fault: 'waf' });

    expect((await get(`${replay.url}/papers/date/2026-08-08`)).status).toBe(202); // before any redirect
    expect((await getJson(`${replay.url}/api/daily_papers?date=2026-08-07`)).body).toEqual(fixtureItems('2026-08-07'));
    expect((await get(`${replay.url}/challenge.js`)).status).toBe(200);
  });

  it('refuses a made-up token', async () => {
    const forged = `${'a'.repeat(32)}.${'b'.repeat(48)}`;
    expect((await get(replay.url + PAGE, { cookie: `aws-waf-token=${forged}` })).status).toBe(202);
    expect((await get(replay.url + PAGE, { cookie: 'aws-waf-token=' })).status).toBe(202);
  });

  it('passes a client whose token came from running challenge.js', async () => {
    const challenge = (await get(replay.url + PAGE)).text;
    const nonce = /"key":"([0-9a-f]+)"/.exec(challenge)![1]!;
    const script = (await get(`${replay.url}/challenge.js`)).text;
    // The key is not in the script as text: only running it gives the token.
    expect(script).not.toMatch(/[0-9a-f]{48}/);

    let cookie = '';
    let reloaded = false;
    const window: any = { gokuProps: { key: nonce }, location: { reload: () => (reloaded = true) } };
    runInNewContext(script, {
      window,
      document: {
        readyState: 'complete',
        get cookie() {
          return cookie.split(';')[0] ?? '';
        },
        set cookie(v: string) {
          cookie = v;
        },
      },
      setTimeout: (f: () => void) => f(),
      Promise,
    });
    expect(reloaded).toBe(true);
    expect(cookie).toMatch(/^aws-waf-token=[0-9a-f]{32}\.[0-9a-f]{48}; path=\//);
    // The script's own SHA-256 agrees with node:crypto (checked through the server's verdict).
    const token = cookie.split(';')[0]!;
    const res = await get(replay.url + PAGE, { cookie: `other=1; ${token}` });
    expect(res.status).toBe(200);
    expect(islandProps(res.text, 'DailyPapers').dailyPapers).toEqual(withUpvoted(fixtureItems('2026-08-07')));
  });

  it('lets a real Chromium through, and its cookie then serves plain requests', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const statuses: number[] = [];
      const asked: string[] = [];
      page.on('request', (r) => asked.push(r.url()));
      page.on('response', (r) => {
        if (r.url() === replay.url + PAGE) statuses.push(r.status());
      });
      await page.goto(replay.url + PAGE);
      await page.waitForSelector('[data-target="DailyPapers"] article', { state: 'attached', timeout: 15_000 });
      expect(statuses).toEqual([202, 200]);
      const html = await page.content();
      expect(islandProps(html, 'DailyPapers').dateString).toBe('2026-08-07');
      expect(await page.locator('[data-target="DailyPapers"] article').count()).toBe(fixtureItems('2026-08-07').length);

      const cookies = await context.cookies(replay.url);
      const header = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      expect(header).toMatch(/aws-waf-token=/);
      const plain = await get(`${replay.url}/papers/date/2026-08-06`, { cookie: header });
      expect(plain.status).toBe(200);
      expect(islandProps(plain.text, 'DailyPapers').dateString).toBe('2026-08-06');
      const log = replay.server.requests.filter((e) => e.path === PAGE).slice(-2);
      expect(log.map((e) => e.status)).toEqual([202, 200]);
      expect(log[1]!.cookie).toContain('aws-waf-token=');
      expect(log[1]!.userAgent).toMatch(/Chrome/);
      // The page's own assets came from the replay server; only the cards' thumbnails and videos
      // point at the site's CDN, as the item has them (a scraper reads them as data).
      const media = new Set(
        fixtureItems('2026-08-07').flatMap((i) => [i.thumbnail, ...(i.mediaUrls ?? [])].filter(Boolean)),
      );
      expect(asked.filter((u) => !u.startsWith(replay.url) && !media.has(u))).toEqual([]);
      expect(asked).toContain(`${replay.url}/challenge.js`);
    } finally {
      await browser.close();
    }
  });
});
