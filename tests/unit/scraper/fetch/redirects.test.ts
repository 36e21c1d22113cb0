// The one redirect policy of plain requests, on a fake client: a redirect that only moves the
// same URL to another origin of the site is followed (http→https, apex→www, hf.co, localhost ↔
// 127.0.0.1), at most five hops; anything else comes back as it is; a loop fails at once and is
// not worth a retry.
import { describe, expect, it } from 'vitest';
import type { HttpAnswer, HttpGet } from '../../../../scraper/fetch/http.ts';
import { MAX_REDIRECTS } from '../../../../scraper/fetch/limits.ts';
import { followCanonical } from '../../../../scraper/fetch/redirects.ts';
import { RedirectError } from '../../../../scraper/fetch/retry.ts';
import { isCanonicalHop, sameSite } from '../../../../scraper/fetch/site.ts';

const DAY = '/papers/date/2026-08-07';

/** A client that answers from `moves` (URL → Location) with 301, and 200 elsewhere; it notes what it was asked. */
function site(moves: Record<string, string>) {
  const asked: string[] = [];
  const get: HttpGet = async (url) => {
    asked.push(url);
    const location = moves[url];
    const answer: HttpAnswer = location
      ? { status: 301, url, headers: { location }, text: '' }
      : { status: 200, url, headers: {}, text: `page at ${url}` };
    return answer;
  };
  return { get: followCanonical(get), asked };
}

const options = { timeoutMs: 1000 };

describe('which hosts are the site', () => {
  it('takes scheme, port, www and the other names of the site as the same site, nothing else', () => {
    const same = (a: string, b: string) => sameSite(new URL(a), new URL(b));
    expect(same('http://huggingface.co/x', 'https://www.huggingface.co/y')).toBe(true);
    expect(same('https://huggingface.co', 'https://hf.co')).toBe(true);
    expect(same('http://127.0.0.1:8787', 'http://localhost:9999')).toBe(true);
    expect(same('http://[::1]:1', 'http://localhost:1')).toBe(true);
    expect(same('https://huggingface.co', 'https://huggingface.co.evil.example')).toBe(false);
    expect(same('https://huggingface.co', 'https://mirror.example')).toBe(false);
    expect(same('http://127.0.0.1:1', 'http://127.0.0.2:1')).toBe(false);
  });

  it('calls a hop canonical only for the same path and query on another origin, never down to http', () => {
    const hop = (a: string, b: string) => isCanonicalHop(new URL(a), new URL(b));
    expect(hop(`http://huggingface.co${DAY}`, `https://huggingface.co${DAY}`)).toBe(true);
    expect(hop(`https://huggingface.co${DAY}`, `https://www.huggingface.co${DAY}`)).toBe(true);
    expect(hop(`https://huggingface.co${DAY}`, `http://huggingface.co${DAY}`)).toBe(false);
    expect(hop(`https://huggingface.co${DAY}`, `https://huggingface.co/papers/date/2026-08-06`)).toBe(false);
    expect(hop(`https://huggingface.co${DAY}`, `https://huggingface.co${DAY}?x=1`)).toBe(false);
    expect(hop(`https://huggingface.co${DAY}`, `https://huggingface.co${DAY}`)).toBe(false);
    expect(hop(`https://huggingface.co${DAY}`, `https://mirror.example${DAY}`)).toBe(false);
  });
});

describe('following canonical redirects', () => {
  it('follows http→https→www to the page, and the answer says where it ended', async () => {
    const { get, asked } = site({
      [`http://huggingface.co${DAY}`]: `https://huggingface.co${DAY}`,
      [`https://huggingface.co${DAY}`]: `https://www.huggingface.co${DAY}`,
    });
    const answer = await get(`http://huggingface.co${DAY}`, options);
    expect(answer).toMatchObject({ status: 200, url: `https://www.huggingface.co${DAY}` });
    expect(asked).toEqual([
      `http://huggingface.co${DAY}`,
      `https://huggingface.co${DAY}`,
      `https://www.huggingface.co${DAY}`,
    ]);
  });

  it('hands back a redirect to another day, another path, another host or down to http, unfollowed', async () => {
    for (const location of [
      '/papers/date/2026-08-06',
      'https://huggingface.co/login',
      `https://mirror.example${DAY}`,
      `http://huggingface.co${DAY}`,
      '',
      'http://[broken',
    ]) {
      const { get, asked } = site({ [`https://huggingface.co${DAY}`]: location });
      const answer = await get(`https://huggingface.co${DAY}`, options);
      expect(answer.status, location).toBe(location ? 301 : 200);
      expect(asked).toHaveLength(1);
    }
  });

  it('fails a loop at once, naming the hosts it went round, and does not retry it', async () => {
    const a = `http://127.0.0.1:8787${DAY}`;
    const b = `http://localhost:8787${DAY}`;
    const { get, asked } = site({ [a]: b, [b]: a });
    const error = await get(a, options).catch((e) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({
      retryable: false,
      message: `${a}: the site's redirects go round in a loop (127.0.0.1:8787 → localhost:8787 → 127.0.0.1:8787)`,
    });
    expect(asked).toEqual([a, b]);
    // A page that redirects to itself is a loop of one.
    const self = site({ [a]: a });
    await expect(self.get(a, options)).rejects.toThrow(/go round in a loop \(127\.0\.0\.1:8787 → 127\.0\.0\.1:8787\)/);
  });

  it(`stops after ${MAX_REDIRECTS} hops`, async () => {
    const hosts = ['huggingface.co', 'www.huggingface.co', 'hf.co', 'www.hf.co'];
    const urls = [...hosts.map((h) => `http://${h}${DAY}`), ...hosts.map((h) => `https://${h}${DAY}`)];
    const moves = Object.fromEntries(urls.slice(0, -1).map((u, i) => [u, urls[i + 1]!]));
    const { get, asked } = site(moves);
    const error = await get(urls[0]!, options).catch((e) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.message).toMatch(new RegExp(`more than ${MAX_REDIRECTS} redirects`));
    expect(asked).toHaveLength(MAX_REDIRECTS + 1);
    // Five hops are fine.
    const five = site(Object.fromEntries(urls.slice(0, 5).map((u, i) => [u, urls[i + 1]!])));
    expect((await five.get(urls[0]!, options)).url).toBe(urls[5]);
  });
});
