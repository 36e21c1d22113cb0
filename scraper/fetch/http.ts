// One shape for an HTTP answer, whoever made the request: Node's fetch (the API source, the
// no-browser baseline, and the page source's plain requests, which carry the browser's cookies)
// or a full page load in Chromium. Every plain request goes through `requestOnce`, so one
// redirect policy (redirects.ts) and one size bound (body.ts) hold for all of them.
import { readBounded } from './body.ts';
import { DEFAULT_MAX_PAGE_BYTES } from './limits.ts';
import type { Pacer } from './pacer.ts';
import { followCanonical } from './redirects.ts';
import { FetchError, isRetryableStatus, parseRetryAfter, rateLimitPauseMs } from './retry.ts';

export type HttpAnswer = {
  status: number;
  /** The URL that answered (after canonical redirects). */
  url: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  text: string;
};

export type GetOptions = {
  signal?: AbortSignal | undefined;
  timeoutMs: number;
  accept?: string;
  /** Decoded bytes an answer may hold (default DEFAULT_MAX_PAGE_BYTES); past it, TooLargeError. */
  maxBytes?: number | undefined;
};

/**
 * A GET that follows canonical redirects only (the same URL on another origin of the site, see
 * redirects.ts); any other 3xx answer is returned as it is.
 */
export type HttpGet = (url: string, options: GetOptions) => Promise<HttpAnswer>;

/** Says who asks; the API source is plain HTTP, so it is honest about not being a browser. */
export const USER_AGENT =
  'daily-papers-archive/0.1 (an archive of huggingface.co/papers; paced to the published limits)';

/** Network failures (reset, refused, cut-off body, timeout) are worth another try. */
export function networkError(url: string, e: unknown): FetchError {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err instanceof FetchError) return err;
  // Playwright appends a multi-line call log to its messages: the first line says it.
  const first = (err.message ?? String(e)).split('\n')[0]!.trim();
  const detail = err.cause?.code ?? err.cause?.message ?? first;
  const timedOut = err.name === 'TimeoutError' || /timeout/i.test(first);
  return new FetchError(`${url}: ${timedOut ? 'timed out' : `network error (${detail})`}`, { retryable: true });
}

/** Headers for a request to `url` (the page source adds the browser's cookies for that URL). */
export type HeadersFor = (url: string) => Record<string, string> | Promise<Record<string, string>>;

/** One GET with Node's fetch: no redirect followed, the body read up to the bound. */
export function requestOnce(headersFor: HeadersFor): HttpGet {
  return async (url, { signal, timeoutMs, accept, maxBytes }) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      const res = await fetch(url, {
        redirect: 'manual',
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        headers: {
          accept: accept ?? 'text/html,application/json;q=0.9,*/*;q=0.8',
          ...(await headersFor(url)),
        },
      });
      const text = await readBounded(res, url, maxBytes ?? DEFAULT_MAX_PAGE_BYTES);
      return { status: res.status, url, headers: Object.fromEntries(res.headers), text };
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      throw networkError(url, e);
    }
  };
}

/** Plain HTTP as this tool: its own user agent, no cookies. */
export const fetchGet: HttpGet = followCanonical(requestOnce(() => ({ 'user-agent': USER_AGENT })));

/** Tells the pacer to hold off when the site says the window is used up. */
export function heedRateLimit(answer: HttpAnswer, pacer: Pacer): void {
  const pause = rateLimitPauseMs(answer.headers['ratelimit']);
  if (pause !== null) pacer.pauseFor(pause);
}

/** The error for a non-2xx, non-3xx answer: 429/5xx retryable (with Retry-After), others not. */
export function statusError(answer: HttpAnswer, what: string): FetchError {
  const retryAfterMs = parseRetryAfter(answer.headers['retry-after']);
  const after = retryAfterMs !== null ? ` (Retry-After ${Math.round(retryAfterMs / 1000)} s)` : '';
  return new FetchError(`${what}: HTTP ${answer.status}${after}`, {
    retryable: isRetryableStatus(answer.status),
    status: answer.status,
    retryAfterMs,
  });
}
