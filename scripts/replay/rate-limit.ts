// The site's published limits, per client IP over a sliding 5-minute window: 100 page loads and
// 500 API calls. Every answer reports where the client stands in RateLimit / RateLimit-Policy
// headers; 429s are only sent when the `rateLimit` fault asks for enforcement, so that tests can
// make as many requests as they like.

export type Bucket = 'pages' | 'api';
export type Policy = { quota: number; windowMs: number };

export const DEFAULT_POLICIES: Record<Bucket, Policy> = {
  pages: { quota: 100, windowMs: 300_000 },
  api: { quota: 500, windowMs: 300_000 },
};

export type RateDecision = {
  limited: boolean;
  /** Whether this request goes into the client's window. */
  record: boolean;
  headers: Record<string, string>;
};

/**
 * What a request does to its client's window. `times` holds that client's earlier requests in
 * this bucket; `count` is false for requests that only report (static files, challenges).
 * A refused request is not recorded: otherwise a client retrying on 429 would never get back in.
 */
export function rateDecision(
  bucket: Bucket,
  times: readonly number[],
  now: number,
  policy: Policy,
  { count, enforce, retryAfterSeconds }: { count: boolean; enforce: boolean; retryAfterSeconds?: number | undefined },
): RateDecision {
  const recent = times.filter((t) => t > now - policy.windowMs);
  const windowS = Math.ceil(policy.windowMs / 1000);
  const policyHeader = `"${bucket}";q=${policy.quota};w=${windowS}`;
  const resetIn = (oldest: number | undefined) =>
    oldest === undefined ? windowS : Math.max(1, Math.ceil((oldest + policy.windowMs - now) / 1000));

  if (count && enforce && recent.length >= policy.quota) {
    const t = resetIn(recent[0]);
    return {
      limited: true,
      record: false,
      headers: {
        'ratelimit-policy': policyHeader,
        ratelimit: `"${bucket}";r=0;t=${t}`,
        'retry-after': String(retryAfterSeconds ?? t),
      },
    };
  }
  const after = count ? [...recent, now] : recent;
  return {
    limited: false,
    record: count,
    headers: {
      'ratelimit-policy': policyHeader,
      ratelimit: `"${bucket}";r=${Math.max(0, policy.quota - after.length)};t=${resetIn(after[0])}`,
    },
  };
}

/** Drops request times no policy can look back to any more. */
export function pruneTimes(times: number[], now: number, keepMs: number): number[] {
  const from = times.findIndex((t) => t > now - keepMs);
  return from < 0 ? [] : from === 0 ? times : times.slice(from);
}
