// Which failures are worth another try, and how long to wait before it: exponential backoff
// with jitter (half fixed, half random), bounded, and never shorter than what the site asked for (Retry-After).

export type RetryOptions = {
  /** Attempts after the first (so retries: 4 means at most 5 requests). */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
};

export const DEFAULT_RETRY: RetryOptions = { retries: 4, baseDelayMs: 2_000, maxDelayMs: 120_000 };

/** A fetch failure; `retryable` says whether trying again could help. */
export class FetchError extends Error {
  readonly retryable: boolean;
  readonly status: number | null;
  /** How long the site asked us to wait (Retry-After), if it did. */
  readonly retryAfterMs: number | null;
  constructor(
    message: string,
    {
      retryable,
      status = null,
      retryAfterMs = null,
    }: { retryable: boolean; status?: number | null; retryAfterMs?: number | null },
  ) {
    super(message);
    this.name = 'FetchError';
    this.retryable = retryable;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

/**
 * An answer larger than the bound (counted decoded, as it streams in): the same URL will be as
 * large next time, so it is never retried.
 */
export class TooLargeError extends FetchError {
  constructor(message: string) {
    super(message, { retryable: false });
    this.name = 'TooLargeError';
  }
}

/**
 * A redirect that cannot be followed: a loop, a chain longer than MAX_REDIRECTS, or one that
 * leaves the site. That is how the site is set up, not a passing fault: never retried.
 */
export class RedirectError extends FetchError {
  constructor(message: string) {
    super(message, { retryable: false });
    this.name = 'RedirectError';
  }
}

/** A listing no real day could hold (more papers than MAX_LISTING_PAPERS): never retried. */
export class ImplausibleListingError extends FetchError {
  constructor(message: string) {
    super(message, { retryable: false });
    this.name = 'ImplausibleListingError';
  }
}

/** 429, 5xx and 408 may pass on a retry; other statuses will not. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** Delay before retry number `attempt` (1-based): random in [0, min(max, base·2^(attempt-1))], at least retryAfter. */
export function backoffDelay(
  attempt: number,
  options: RetryOptions,
  retryAfterMs: number | null = null,
  random: () => number = Math.random,
): number {
  const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  const jittered = cap / 2 + random() * (cap / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Retry-After: seconds, or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/**
 * How long to hold off according to a RateLimit header, or null if there is quota left. Reads
 * the IETF structured form (`"pages";r=0;t=42`) and the older `limit=100, remaining=0, reset=42`.
 */
export function rateLimitPauseMs(header: string | null | undefined): number | null {
  if (!header) return null;
  const remaining = /(?:^|[;,\s])(?:r|remaining)=(\d+)/i.exec(header)?.[1];
  const reset = /(?:^|[;,\s])(?:t|reset)=(\d+)/i.exec(header)?.[1];
  if (remaining === undefined || Number(remaining) > 0) return null;
  return reset === undefined ? null : Number(reset) * 1000;
}
