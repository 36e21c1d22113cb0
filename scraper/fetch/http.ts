// One shape for an HTTP answer, whoever made the request: Node's fetch (the API source, the
// no-browser baseline), a browser context's request client (which carries the cookies of a
// browser that passed the site's checks), or a full page load in Chromium.

import type { Pacer } from './pacer.ts';
import { FetchError, isRetryableStatus, parseRetryAfter, rateLimitPauseMs } from './retry.ts';

export type HttpAnswer = {
  status: number;
  /** The URL that answered (after redirects, when the client follows them). */
  url: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  text: string;
};

export type GetOptions = { signal?: AbortSignal | undefined; timeoutMs: number; accept?: string };

/** A GET that does not follow redirects (3xx answers are returned as they are). */
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

export const fetchGet: HttpGet = async (url, { signal, timeoutMs, accept }) => {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(url, {
      redirect: 'manual',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      headers: { 'user-agent': USER_AGENT, accept: accept ?? 'text/html,application/json;q=0.9,*/*;q=0.8' },
    });
    const text = await res.text();
    return { status: res.status, url: res.url || url, headers: Object.fromEntries(res.headers), text };
  } catch (e) {
    if (signal?.aborted) throw signal.reason;
    throw networkError(url, e);
  }
};

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
