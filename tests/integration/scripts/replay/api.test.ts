// The JSON API: paging with Link headers, limits, days without papers and future days.
import { describe, expect, it } from 'vitest';
import { fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { get, getJson, replayServer } from '../../../helpers/replay.ts';

const BIG_DAY = Array.from({ length: 82 }, (_, i) => {
  const base = fixtureItems('2026-05-12')[i % 50]!;
  return { ...base, paper: { ...base.paper, id: `2605.${String(90000 + i)}` } };
});

const replay = replayServer();

/** Follows rel="next" from `first` to the end; returns every page's items and the URLs asked. */
async function allPages(first: string): Promise<{ items: unknown[]; urls: string[] }> {
  const items: unknown[] = [];
  const urls: string[] = [];
  for (let url: string | null = first; url; ) {
    urls.push(url);
    const res = await getJson(url);
    expect(res.status).toBe(200);
    items.push(...res.body);
    const link = res.headers.get('link');
    url = link ? /^<([^>]+)>; rel="next"$/.exec(link)![1]! : null;
  }
  return { items, urls };
}

describe('/api/daily_papers', () => {
  it('pages a day with limit=10, following Link rel="next" to the end', async () => {
    const { items, urls } = await allPages(`${replay.url}/api/daily_papers?date=2026-05-12&limit=10`);
    expect(items).toEqual(fixtureItems('2026-05-12'));
    expect(urls).toHaveLength(5);
    expect(urls[1]).toBe(`${replay.url}/api/daily_papers?date=2026-05-12&limit=10&p=1`);
  });

  it('answers the whole day in one page when it fits, with no Link', async () => {
    const res = await getJson(`${replay.url}/api/daily_papers?date=2026-08-07&limit=100`);
    expect(res.body).toEqual(fixtureItems('2026-08-07'));
    expect(res.headers.get('link')).toBeNull();
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('caps a page at 50 by default and at 100 with limit', async () => {
    replay.server.setDay('2026-08-10', BIG_DAY);
    try {
      const first = await getJson(`${replay.url}/api/daily_papers?date=2026-08-10`);
      expect(first.body).toHaveLength(50);
      expect(first.headers.get('link')).toBe(`<${replay.url}/api/daily_papers?date=2026-08-10&p=1>; rel="next"`);
      expect((await allPages(`${replay.url}/api/daily_papers?date=2026-08-10`)).items).toEqual(BIG_DAY);
      const all = await getJson(`${replay.url}/api/daily_papers?date=2026-08-10&limit=100`);
      expect(all.body).toEqual(BIG_DAY);
      expect(all.headers.get('link')).toBeNull();
      expect((await getJson(`${replay.url}/api/daily_papers?date=2026-08-10&limit=100&p=1`)).body).toEqual([]);
    } finally {
      replay.server.setDay('2026-08-10', null);
    }
  });

  it('refuses limit=101 as the real API does', async () => {
    const res = await getJson(`${replay.url}/api/daily_papers?date=2026-08-07&limit=101`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'Too big' });
  });

  it('answers [] for a day without papers, today included', async () => {
    for (const date of ['2026-08-08', '2026-08-01', '2026-05-26', '2020-01-01']) {
      const res = await getJson(`${replay.url}/api/daily_papers?date=${date}`);
      expect([date, res.status, res.body]).toEqual([date, 200, []]);
    }
  });

  it('answers 400 for a future day, a missing or invalid date, and a bad limit or page', async () => {
    for (const q of [
      'date=2026-08-09',
      'date=2030-01-01',
      '',
      'date=2026-02-30',
      'date=yesterday',
      'date=2026-08-07&limit=0',
      'date=2026-08-07&limit=ten',
      'date=2026-08-07&p=-1',
    ]) {
      const res = await getJson(`${replay.url}/api/daily_papers?${q}`);
      expect([q, res.status]).toEqual([q, 400]);
      expect(typeof res.body.error).toBe('string');
    }
    expect((await getJson(`${replay.url}/api/daily_papers?date=2026-08-09`)).body).toEqual({ error: 'Invalid date' });
  });
});

describe('/api/papers/<id>', () => {
  it('answers the paper object', async () => {
    const item = fixtureItems('2026-08-07')[1]!;
    const res = await getJson(`${replay.url}/api/papers/${item.paper.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(item.paper);
  });

  it('answers a paper listed on two days as its later day has it', async () => {
    const later = fixtureItems('2026-04-16').find((i) => i.paper.id === '2604.07429')!;
    expect((await getJson(`${replay.url}/api/papers/2604.07429`)).body).toEqual(later.paper);
  });

  it('answers 404 "Paper not found" for an unknown id', async () => {
    const res = await getJson(`${replay.url}/api/papers/2699.00000`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'Paper not found' });
  });

  it('answers JSON 404 for other API paths', async () => {
    const res = await get(`${replay.url}/api/models`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });
});
