// Which hosts are the site. Hugging Face may send a URL to its canonical form: another scheme
// (http→https), the www or apex twin of the host, or another of its host names (hf.co). That is
// the same page, not a missing day, so it is followed; the same path on any other host is not the
// site, and nothing it answers is ever filed.

/** Host names that are one site whatever the scheme or port. */
const SAME_SITE: readonly (readonly string[])[] = [
  ['huggingface.co', 'hf.co'],
  // One machine under its names: a local replay server answers to all of them.
  ['localhost', '127.0.0.1', '[::1]'],
];

function siteName(hostname: string): string {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  return SAME_SITE.find((names) => names.includes(host))?.[0] ?? host;
}

/** Whether two URLs are on the same site (scheme and port aside). */
export function sameSite(a: URL, b: URL): boolean {
  return siteName(a.hostname) === siteName(b.hostname);
}

/**
 * Whether a redirect from `from` to `to` only moves the same page to its canonical origin: the
 * same path and query, another origin of the same site, never from https down to http.
 */
export function isCanonicalHop(from: URL, to: URL): boolean {
  return (
    (to.protocol === 'https:' || to.protocol === 'http:') &&
    !(from.protocol === 'https:' && to.protocol === 'http:') &&
    to.origin !== from.origin &&
    to.pathname === from.pathname &&
    to.search === from.search &&
    sameSite(from, to)
  );
}

/** "localhost:8787": how a URL's origin is named in reasons. */
export function hostOf(url: string | URL): string {
  try {
    return new URL(url).host;
  } catch {
    return String(url);
  }
}
