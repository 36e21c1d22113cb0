// Every fault the replay server injects, switched in-process and over HTTP, and the rate-limit
// headers every answer carries.
import { request } from 'node:http';
import * as cheerio from 'cheerio';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { consume, parseFaultConfig, pathMatches } from '../../../../scripts/replay/faults.ts';
import { parseReplayArgs, UsageError } from '../../../../scripts/replay/flags.ts';
import { startReplayServer } from '../../../../scripts/replay/server.ts';
import { get, getJson, islandProps, replayServer } from '../../../helpers/replay.ts';

const replay = replayServer();
afterEach(() => replay.server.faults.clear());

const PAGE = '/papers/date/2026-08-07';
const API = '/api/daily_papers?date=2026-08-07';

/** Raw GET that keeps whatever arrived before the connection died. */
function rawGet(url: string): Promise<{ status: number; contentLength: number; body: string; error: string | null }> {
  return new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      const chunks: Buffer[] = [];
      const done = (error: string | null) =>
        resolve({
          status: res.statusCode ?? 0,
          contentLength: Number(res.headers['content-length']),
          body: Buffer.concat(chunks).toString('utf8'),
          error,
        });
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null));
      res.on('error', (e) => done(e.message));
      res.on('aborted', () => done('aborted'));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('tooManyRequests', () => {
  it('answers 429 with Retry-After the next `times` matching requests, then recovers', async () => {
    replay.server.faults.set({ tooManyRequests: { times: 2, retryAfterSeconds: 7 } });
    for (const path of [PAGE, API]) {
      const res = await get(replay.url + path);
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(res.headers.get('ratelimit')).toMatch(/;r=0;t=7$/);
    }
    expect(replay.server.faults.get()).toEqual({});
    expect((await get(replay.url + PAGE)).status).toBe(200);
    expect(replay.server.requests.at(-2)).toMatchObject({ path: API, status: 429, fault: 'tooManyRequests' });
  });

  it('leaves static files alone unless `paths` names them', async () => {
    replay.server.faults.set({ tooManyRequests: { times: 1, retryAfterSeconds: 1 } });
    expect((await get(`${replay.url}/challenge.js`)).status).toBe(200);
    expect((await get(`${replay.url}/thumbnails/2608.05987.png`)).status).toBe(200);
    expect((await get(replay.url + PAGE)).status).toBe(429);
  });
});

describe('serverError', () => {
  it('answers 500 (or the given status) to matching requests only, then recovers', async () => {
    replay.server.faults.set({ serverError: { times: 2, paths: '/api/*' } });
    expect((await get(replay.url + PAGE)).status).toBe(200);
    const first = await getJson(replay.url + API);
    expect(first.status).toBe(500);
    expect(typeof first.body.error).toBe('string');
    expect(replay.server.faults.get()).toEqual({ serverError: { times: 1, paths: '/api/*' } });
    expect((await get(replay.url + API)).status).toBe(500);
    expect((await get(replay.url + API)).status).toBe(200);

    replay.server.faults.set({ serverError: { times: 1, status: 502, paths: 'date=2026-08-06' } });
    expect((await get(`${replay.url}/api/daily_papers?date=2026-08-07`)).status).toBe(200);
    const page = await get(`${replay.url}/api/daily_papers?date=2026-08-06&limit=5`);
    expect(page.status).toBe(502);
  });
});

describe('slow', () => {
  it('delays the next `times` matching answers', async () => {
    replay.server.faults.set({ slow: { delayMs: 300, times: 1, paths: '/papers/date/*' } });
    let t = performance.now();
    expect((await get(replay.url + API)).status).toBe(200);
    expect(performance.now() - t).toBeLessThan(250);
    t = performance.now();
    expect((await get(replay.url + PAGE)).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(290);
    expect(replay.server.requests.at(-1)!.ms).toBeGreaterThanOrEqual(290);
    t = performance.now();
    await get(replay.url + PAGE);
    expect(performance.now() - t).toBeLessThan(250);
  });

  it('delays every matching answer when `times` is left out', async () => {
    replay.server.faults.set({ slow: { delayMs: 120 } });
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      await get(replay.url + API);
      expect(performance.now() - t).toBeGreaterThanOrEqual(110);
    }
    expect(replay.server.faults.get()).toEqual({ slow: { delayMs: 120 } });
  });
});

describe('truncate', () => {
  it('sends the full content-length but stops inside the embedded JSON, then drops the connection', async () => {
    replay.server.faults.set({ truncate: { times: 1 } });
    const cut = await rawGet(replay.url + PAGE);
    expect(cut.status).toBe(200);
    expect(Buffer.byteLength(cut.body)).toBeLessThan(cut.contentLength);
    expect(Buffer.byteLength(cut.body)).toBeGreaterThan(cut.contentLength * 0.2);
    expect(cut.error).not.toBeNull();
    expect(cut.body).not.toContain('</html>');
    const open = cut.body.lastIndexOf('data-props="');
    expect(open).toBeGreaterThan(cut.body.indexOf('data-target="DailyPapers"'));
    expect(cut.body.slice(open + 'data-props="'.length)).not.toContain('"');
    expect(replay.server.requests.at(-1)).toMatchObject({ path: PAGE, status: 200, fault: 'truncate' });

    const whole = await rawGet(replay.url + PAGE);
    expect(whole.error).toBeNull();
    expect(Buffer.byteLength(whole.body)).toBe(whole.contentLength);
  });

  it('makes fetch fail while reading the body', async () => {
    replay.server.faults.set({ truncate: { times: 1, paths: '/api/' } });
    const res = await fetch(replay.url + API);
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    expect((await getJson(replay.url + API)).body).toEqual(fixtureItems('2026-08-07'));
  });
});

describe('downDays', () => {
  it('answers 503 for those days, page and API, every time', async () => {
    replay.server.faults.set({ downDays: ['2026-08-06'] });
    for (let i = 0; i < 3; i++) {
      const page = await get(`${replay.url}/papers/date/2026-08-06`);
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBeNull(); // down for good: nothing to wait for
      expect((await get(`${replay.url}/api/daily_papers?date=2026-08-06&limit=100`)).status).toBe(503);
    }
    expect((await get(replay.url + PAGE)).status).toBe(200);
    expect((await get(replay.url + API)).status).toBe(200);
  });
});

describe('layout', () => {
  it('no-embedded-json: the DailyPapers island keeps its cards but loses its props', async () => {
    replay.server.faults.set({ layout: 'no-embedded-json' });
    const { status, text } = await get(replay.url + PAGE);
    expect(status).toBe(200);
    const $ = cheerio.load(text);
    const island = $('[data-target="DailyPapers"]');
    expect(island.length).toBe(1);
    expect(island.attr('data-props')).toBeUndefined();
    expect(island.find('article').length).toBe(fixtureItems('2026-08-07').length);
    expect(islandProps(text, 'MainHeader')).toBeDefined();
  });

  it('no-data: a complete page with neither the island nor cards', async () => {
    replay.server.faults.set({ layout: 'no-data' });
    const { status, text } = await get(replay.url + PAGE);
    expect(status).toBe(200);
    const $ = cheerio.load(text);
    expect($('[data-target="DailyPapers"]').length).toBe(0);
    expect($('article').length).toBe(0);
    expect(text.trimEnd().endsWith('</html>')).toBe(true);
    expect(islandProps(text, 'MainHeader')).toBeDefined();
  });

  it('layoutDays restricts the layout to those days', async () => {
    replay.server.faults.set({ layout: 'no-data', layoutDays: ['2026-08-06'] });
    expect(cheerio.load((await get(`${replay.url}/papers/date/2026-08-06`)).text)('article').length).toBe(0);
    expect(islandProps((await get(replay.url + PAGE)).text, 'DailyPapers').dateString).toBe('2026-08-07');
  });
});

describe('rate limits', () => {
  it('reports the published policies on every answer, without refusing any by default', async () => {
    // Other tests in this file made requests: the window is shared, so read where we stand first.
    const first = await get(`${replay.url}/papers/date/2026-08-08`);
    expect(first.headers.get('ratelimit-policy')).toBe('"pages";q=100;w=300');
    const r0 = Number(/^"pages";r=(\d+);t=(\d+)$/.exec(first.headers.get('ratelimit')!)![1]);
    const second = await get(`${replay.url}/papers/date/2026-08-08`);
    expect(second.headers.get('ratelimit')).toMatch(new RegExp(`^"pages";r=${Math.max(0, r0 - 1)};t=\\d+$`));
    const api = await get(replay.url + API);
    expect(api.headers.get('ratelimit-policy')).toBe('"api";q=500;w=300');
    expect(api.headers.get('ratelimit')).toMatch(/^"api";r=\d+;t=\d+$/);

    // Far past the published 100 pages: reported as r=0, never refused.
    const statuses = await Promise.all(Array.from({ length: 120 }, () => get(`${replay.url}/papers/date/2026-08-08`)));
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set([302]));
    expect((await get(`${replay.url}/papers/date/2026-08-08`)).headers.get('ratelimit')).toMatch(/^"pages";r=0;t=\d+$/);
  });

  it('enforces a sliding window with the rateLimit fault, per bucket, and lets clients back in', async () => {
    // A server of its own, so that no earlier request sits in the window.
    const server = await startReplayServer({ faults: { rateLimit: { limit: 3, windowMs: 500 } } });
    try {
      const seen: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await get(`${server.url}/papers/date/2026-08-08`);
        expect(res.status).toBe(302);
        seen.push(res.headers.get('ratelimit')!);
      }
      expect(seen.map((h) => h.replace(/;t=\d+$/, ''))).toEqual(['"pages";r=2', '"pages";r=1', '"pages";r=0']);
      const refused = await get(server.url + PAGE);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(refused.headers.get('ratelimit')).toBe('"pages";r=0;t=1');
      expect(refused.headers.get('ratelimit-policy')).toBe('"pages";q=3;w=1');
      expect(refused.text).toContain('Too Many Requests');
      // Static files are not page loads; the API has its own quota.
      expect((await get(`${server.url}/challenge.js`)).status).toBe(200);
      expect((await get(server.url + API)).status).toBe(200);
      expect(server.requests.at(-3)).toMatchObject({ status: 429, fault: 'rateLimit' });

      // Refused requests do not count: once the first three leave the window, the client is back.
      await new Promise((r) => setTimeout(r, 550));
      expect((await get(server.url + PAGE)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('uses retryAfterSeconds when given', async () => {
    replay.server.faults.set({ rateLimit: { limit: 0, windowMs: 60_000, retryAfterSeconds: 42 } });
    const res = await getJson(replay.url + API);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('42');
    expect(res.body).toEqual({ error: 'Too Many Requests' });
  });
});

describe('control over HTTP', () => {
  it('sets, reads and clears faults with /__replay/faults', async () => {
    const set = await fetch(`${replay.url}/__replay/faults`, {
      method: 'POST',
      body: JSON.stringify({ serverError: { times: 1 }, downDays: ['2026-08-05'] }),
    });
    expect(set.status).toBe(200);
    expect(replay.server.faults.get()).toEqual({ serverError: { times: 1 }, downDays: ['2026-08-05'] });
    expect((await get(replay.url + PAGE)).status).toBe(500);
    expect((await getJson(`${replay.url}/__replay/faults`)).body).toEqual({ downDays: ['2026-08-05'] });
    expect((await fetch(`${replay.url}/__replay/faults`, { method: 'DELETE' })).status).toBe(200);
    expect(replay.server.faults.get()).toEqual({});
    expect((await get(`${replay.url}/papers/date/2026-08-05`)).status).toBe(200);
  });

  it('refuses a config it does not understand, naming the field', async () => {
    for (const body of [
      '{"serverError":{"times":"1"}}',
      '{"slowness":{}}',
      'not json',
      '{"downDays":["2026-02-30"]}',
    ]) {
      const res = await fetch(`${replay.url}/__replay/faults`, { method: 'POST', body });
      expect([body, res.status]).toEqual([body, 400]);
    }
    expect(() => replay.server.faults.set({ layout: 'weird' as never })).toThrow(/layout/);
  });

  it('keeps control requests out of the log and out of reach of faults', async () => {
    replay.server.faults.set({ serverError: { times: 5, paths: '*' } });
    const before = replay.server.requests.length;
    expect((await get(`${replay.url}/__replay/requests`)).status).toBe(200);
    expect(replay.server.requests.length).toBe(before);
  });
});

describe('fault rules', () => {
  it('matches `paths` as a substring, or as a glob when it holds a *', () => {
    const t = '/api/daily_papers?date=2026-08-07&limit=100';
    expect(pathMatches('daily_papers', t, 'api')).toBe(true);
    expect(pathMatches('date=2026-08-07', t, 'api')).toBe(true);
    expect(pathMatches('/api/*', t, 'api')).toBe(true);
    expect(pathMatches('/api', t, 'api')).toBe(true);
    expect(pathMatches('*limit=100', t, 'api')).toBe(true);
    expect(pathMatches('/api/*?date=2026-08-06*', t, 'api')).toBe(false);
    expect(pathMatches('/papers/*', t, 'api')).toBe(false);
    expect(pathMatches('/papers/date/*', '/papers/date/2026-08-07', 'page')).toBe(true);
    expect(pathMatches('/papers/date/*', '/papers/2608.05987', 'page')).toBe(false);
    expect(pathMatches(undefined, '/challenge.js', 'asset')).toBe(false);
    expect(pathMatches('/challenge.js', '/challenge.js', 'asset')).toBe(true);
    expect(pathMatches(undefined, '/anything', 'page')).toBe(true);
  });

  it('runs counters down per matching request and drops spent faults', () => {
    let config = parseFaultConfig({ serverError: { times: 2, paths: '/api/*' }, downDays: ['2026-08-06'] });
    const steps = ['/papers/date/2026-08-07', '/api/x', '/api/y', '/api/z'].map((p) => {
      const r = consume(config, 'serverError', p, p.startsWith('/api') ? 'api' : 'page');
      config = r.next;
      return r.fired;
    });
    expect(steps).toEqual([false, true, true, false]);
    expect(config).toEqual({ downDays: ['2026-08-06'] });
  });
});

describe('command-line flags', () => {
  it('become options and faults', () => {
    const parsed = parseReplayArgs(
      [
        '--port',
        '0',
        '--days',
        'dump',
        '--waf',
        '--too-many-requests',
        '2/9',
        '--paths',
        '/api/*',
        '--slow',
        '50',
        '--rate-limit',
        '10/60',
        '--down-day',
        '2026-08-06',
        '--down-day',
        '2026-08-05',
        '--layout',
        'no-data',
        '--layout-day',
        '2026-08-07',
      ],
      '/home/u',
    );
    expect(parsed).toEqual({
      help: false,
      options: {
        port: 0,
        host: '127.0.0.1',
        waf: true,
        daysDir: '/home/u/dump',
        faults: {
          tooManyRequests: { times: 2, retryAfterSeconds: 9, paths: '/api/*' },
          slow: { delayMs: 50, paths: '/api/*' },
          rateLimit: { limit: 10, windowMs: 60_000 },
          downDays: ['2026-08-06', '2026-08-05'],
          layout: 'no-data',
          layoutDays: ['2026-08-07'],
        },
      },
    });
    expect(parseReplayArgs([], '/').help === false && parseReplayArgs([], '/')).toMatchObject({
      options: { port: 8787, faults: {} },
    });
    expect(parseReplayArgs(['--faults', '{"truncate":{"times":1}}'], '/')).toMatchObject({
      options: { faults: { truncate: { times: 1 } } },
    });
  });

  it('switch on the faults of the real site: page era, wrong day, canonical host, loops, huge bodies', () => {
    const parsed = parseReplayArgs(
      [
        '--page-era',
        '2024',
        '--wrong-day',
        '2024-07-16=2024-07-15',
        '--canonical-host',
        'localhost',
        '--redirect-loop',
        '3',
        '--huge-page',
        '200000000/1',
        '--gzip-bomb',
        '50000000',
      ],
      '/',
    );
    expect(parsed).toMatchObject({
      options: {
        faults: {
          pageEra: '2024',
          wrongDayPages: { '2024-07-16': '2024-07-15' },
          canonicalRedirect: { to: 'localhost' },
          redirectLoop: { times: 3 },
          hugePage: { bytes: 200_000_000, times: 1 },
          gzipBomb: { bytes: 50_000_000 },
        },
      },
    });
    expect(() => parseReplayArgs(['--wrong-day', '2024-07-16'], '/')).toThrow(
      '--wrong-day must be DAY=OTHER (two dates YYYY-MM-DD), not "2024-07-16"',
    );
  });

  it('refuse what they do not understand', () => {
    for (const argv of [
      ['--port', 'x'],
      ['--slow', 'fast'],
      ['--layout', 'new'],
      ['--bogus'],
      ['--faults', '{'],
      ['--down-day', 'monday'],
    ]) {
      expect(() => parseReplayArgs(argv, '/')).toThrow(UsageError);
    }
    // In the words of the `papers` command: the flag, the value, what it must be.
    expect(() => parseReplayArgs(['--port', '65536'], '/')).toThrow(
      '--port must be a whole number from 0 to 65535, not "65536"',
    );
    expect(() => parseReplayArgs(['--slow', 'fast'], '/')).toThrow(
      '--slow must be whole numbers MS[/TIMES], not "fast"',
    );
    expect(() => parseReplayArgs(['--prot', '1'], '/')).toThrow('unknown option --prot; did you mean --port?');
    expect(() => parseReplayArgs(['--faults', 'null'], '/')).toThrow('--faults must be a JSON object, not null');
    expect(() => parseReplayArgs(['--server-error', '1/404'], '/')).toThrow('serverError.status: invalid value');
  });

  it('answer --help, and take a quota of pages alone or pages/API', () => {
    expect(parseReplayArgs(['--help'], '/')).toEqual({ help: true });
    expect(parseReplayArgs(['--quota', '7'], '/')).toMatchObject({ options: { quota: { pages: 7, api: 7 } } });
    expect(parseReplayArgs(['--quota', '7/9'], '/')).toMatchObject({ options: { quota: { pages: 7, api: 9 } } });
  });
});
