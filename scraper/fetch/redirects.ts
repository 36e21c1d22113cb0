// One redirect policy for every plain request: a redirect that only moves the same URL to its
// canonical origin is followed (at most MAX_REDIRECTS hops); any other redirect is handed back
// as it is, for the caller to read (a day redirected to another day has no listing). A chain that
// comes back to a URL it passed through is a loop and fails at once, so it is neither followed
// nor retried forever.
import type { HttpGet } from './http.ts';
import { MAX_REDIRECTS } from './limits.ts';
import { RedirectError } from './retry.ts';
import { hostOf, isCanonicalHop } from './site.ts';

export function isRedirect(status: number): boolean {
  return status >= 300 && status < 400 && status !== 304;
}

/** `get` (which follows nothing), following canonical redirects. The answer's `url` is where it ended. */
export function followCanonical(get: HttpGet, maxRedirects: number = MAX_REDIRECTS): HttpGet {
  return async (url, options) => {
    const chain = [new URL(url).href];
    let answer = await get(url, options);
    while (isRedirect(answer.status)) {
      const location = answer.headers['location'];
      let next: URL;
      try {
        if (!location) return answer;
        next = new URL(location, answer.url);
      } catch {
        return answer; // a Location that is not a URL: the caller names it
      }
      if (chain.includes(next.href)) {
        const hops = [...chain, next.href].map(hostOf).join(' → ');
        throw new RedirectError(`${url}: the site's redirects go round in a loop (${hops})`);
      }
      if (!isCanonicalHop(new URL(answer.url), next)) return answer;
      if (chain.length > maxRedirects) {
        throw new RedirectError(`${url}: more than ${maxRedirects} redirects (${chain.map(hostOf).join(' → ')} → …)`);
      }
      chain.push(next.href);
      answer = await get(next.href, options);
    }
    return answer;
  };
}
