// The faults that imitate what the real site, or something in front of it, can do to a scraper:
// send every URL to its canonical origin (or to a foreign host), redirect round in a loop, answer
// a page of hundreds of megabytes or a gzip bomb (made as it is sent, so these tests stay light),
// serve another day's page at a day's URL, and serve any day in the 2024 or 2026 shape.
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { parseFaultConfig } from '../../../../scripts/replay/faults.ts';
import { get, getJson, islandProps, replayServer } from '../../../helpers/replay.ts';

const replay = replayServer();
afterEach(() => replay.server.faults.clear());

const PAGE = '/papers/date/2026-08-07';
const port = () => new URL(replay.url).port;
const localhost = (path: string) => `http://localhost:${port()}${path}`;

/**
 * A raw GET that reads at most `limit` body bytes as they come off the wire (no decoding), then
 * hangs up: what the server sent, and its headers.
 */
function rawGet(
  url: string,
  limit = Number.POSITIVE_INFINITY,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer; complete: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (complete: boolean) =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), complete });
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        size += c.length;
        if (size >= limit) {
          res.destroy();
          done(false);
        }
      });
      res.on('end', () => done(true));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Waits until the server has logged that the last request's streamed answer ended. */
async function settled(path: string): Promise<number> {
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 20));
    const entry = replay.server.requests.findLast((r) => r.path === path);
    const before = entry?.bytes;
    await new Promise((r) => setTimeout(r, 20));
    if (entry?.bytes !== undefined && entry.bytes === before) return entry.bytes;
  }
  throw new Error('the streamed answer never settled');
}

describe('canonicalRedirect', () => {
  it('sends every request that did not come to the canonical host there, same path and query', async () => {
    replay.server.faults.set({ canonicalRedirect: { to: 'localhost' } });
    for (const path of [PAGE, '/api/daily_papers?date=2026-08-07&limit=100&p=0', '/challenge.js']) {
      const moved = await get(replay.url + path);
      expect([moved.status, moved.headers.get('location')]).toEqual([301, localhost(path)]);
    }
    expect(replay.server.requests.at(-1)).toMatchObject({
      path: '/challenge.js',
      status: 301,
      fault: 'canonicalRedirect',
    });
    const there = await get(localhost(PAGE));
    expect(there.status).toBe(200);
    expect(islandProps(there.text, 'DailyPapers').dateString).toBe('2026-08-07');
  });

  it('takes an origin, a status and paths', async () => {
    replay.server.faults.set({
      canonicalRedirect: { to: 'https://www.example.test', status: 308, paths: '/papers/date/*' },
    });
    const moved = await get(replay.url + PAGE);
    expect([moved.status, moved.headers.get('location')]).toEqual([308, `https://www.example.test${PAGE}`]);
    expect((await get(`${replay.url}/api/daily_papers?date=2026-08-07`)).status).toBe(200);
  });

  it('refuses a target that is neither an origin nor a host name', () => {
    for (const to of ['', 'http://localhost:1/path', 'ftp://x', 'not a host'])
      expect(() => parseFaultConfig({ canonicalRedirect: { to } })).toThrow('canonicalRedirect.to: invalid value');
    expect(() => parseFaultConfig({ canonicalRedirect: { to: 'localhost', status: 200 } })).toThrow(
      'canonicalRedirect.status: invalid value',
    );
  });
});

describe('redirectLoop', () => {
  it('sends 127.0.0.1 to localhost and back, each hop a canonical-looking 301, `times` requests long', async () => {
    replay.server.faults.set({ redirectLoop: { times: 3, paths: '/papers/date/*' } });
    const a = await get(replay.url + PAGE);
    expect([a.status, a.headers.get('location')]).toEqual([301, localhost(PAGE)]);
    const b = await get(localhost(PAGE));
    expect([b.status, b.headers.get('location')]).toEqual([301, replay.url + PAGE]);
    expect(replay.server.faults.get()).toEqual({ redirectLoop: { times: 1, paths: '/papers/date/*' } });
    expect((await get(replay.url + PAGE)).status).toBe(301);
    expect((await get(replay.url + PAGE)).status).toBe(200);
  });
});

describe('hugePage', () => {
  it('pads the answer to `bytes` before </body>, streamed without content-length: still a whole page', async () => {
    replay.server.faults.set({ hugePage: { bytes: 2_000_000, times: 1 } });
    const res = await rawGet(replay.url + PAGE);
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.body.length).toBe(2_000_000);
    const text = res.body.toString('utf8');
    expect(text.trimEnd().endsWith('</body>\n</html>')).toBe(true);
    expect(islandProps(text, 'DailyPapers').dailyPapers).toHaveLength(fixtureItems('2026-08-07').length);
    expect(replay.server.requests.at(-1)).toMatchObject({ path: PAGE, status: 200, fault: 'hugePage' });
    expect(await settled(PAGE)).toBe(2_000_000);
    expect(replay.server.faults.get()).toEqual({});
  });

  it('stops making the body when the client hangs up: 200 MB offered, a few MB made', async () => {
    replay.server.faults.set({ hugePage: { bytes: 200_000_000 } });
    const res = await rawGet(replay.url + PAGE, 1_000_000);
    expect(res.complete).toBe(false);
    expect(await settled(PAGE)).toBeLessThan(20_000_000);
  });

  it('pads a JSON answer at its end, where whitespace keeps it JSON', async () => {
    replay.server.faults.set({ hugePage: { bytes: 500_000, paths: '/api/*' } });
    const res = await rawGet(`${replay.url}/api/daily_papers?date=2026-08-07`);
    expect(res.body.length).toBe(500_000);
    expect(JSON.parse(res.body.toString('utf8'))).toEqual(fixtureItems('2026-08-07'));
  });
});

describe('gzipBomb', () => {
  it('gzips the padded answer on the fly: 20 MB decoded from about 20 KB on the wire', async () => {
    replay.server.faults.set({ gzipBomb: { bytes: 20_000_000, times: 1 } });
    const res = await rawGet(replay.url + PAGE);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.length).toBeLessThan(200_000);
    const decoded = gunzipSync(res.body);
    expect(decoded.length).toBe(20_000_000);
    expect(decoded.subarray(-20).toString('utf8')).toContain('</html>');
    expect(replay.server.requests.at(-1)).toMatchObject({ path: PAGE, fault: 'gzipBomb' });
    // Node's fetch undoes the gzip as a browser would.
    expect((await getJson(`${replay.url}/api/daily_papers?date=2026-08-07`)).status).toBe(200);
  });

  it('refuses a size that is not a positive whole number', () => {
    expect(() => parseFaultConfig({ gzipBomb: { bytes: 0 } })).toThrow('gzipBomb.bytes: invalid value');
    expect(() => parseFaultConfig({ hugePage: {} })).toThrow('hugePage.bytes: required');
  });
});

describe('wrongDayPages', () => {
  it("serves another day's listing at a day's own URL, 200, whether or not the day has one", async () => {
    replay.server.faults.set({ wrongDayPages: { '2024-07-16': '2024-07-15', '2026-08-07': '2026-08-06' } });
    const stale = await get(`${replay.url}/papers/date/2024-07-16`);
    expect(stale.status).toBe(200);
    expect(islandProps(stale.text, 'DailyPapers').date).toBe('2024-07-15T00:00:00.000Z');
    const friday = await get(replay.url + PAGE);
    expect(islandProps(friday.text, 'DailyPapers').dateString).toBe('2026-08-06');
    expect(() => parseFaultConfig({ wrongDayPages: { '2024-07-16': 'yesterday' } })).toThrow(
      'faults.wrongDayPages: invalid value',
    );
  });
});

describe('pageEra', () => {
  it('serves any day in the shape of the era asked', async () => {
    replay.server.faults.set({ pageEra: '2024' });
    const page = await get(replay.url + PAGE);
    const props = islandProps(page.text, 'DailyPapers');
    expect(props.date).toBe('2026-08-07T00:00:00.000Z');
    expect(props.dateString).toBeUndefined();
    replay.server.faults.set({ pageEra: '2026' });
    expect(islandProps((await get(`${replay.url}/papers/date/2024-07-15`)).text, 'DailyPapers').dateString).toBe(
      '2024-07-15',
    );
    expect(() => parseFaultConfig({ pageEra: '2025' })).toThrow('faults.pageEra: invalid value');
  });
});
