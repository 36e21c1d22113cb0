// The flags of the Chromium that Lighthouse drives (lighthouse-bench.ts), apart so that they can
// be tested without loading Lighthouse: the audits must measure our pages, not the closed machine
// they run on, so no audit reaches the network and Hugging Face's image hosts lead to a local
// stand-in (thumbnail-host.ts) that Chromium trusts by its key alone. Pure.
import { CHROMIUM_ARGS } from '../../scraper/fetch/chromium.ts';
import type { ThumbnailHost } from './thumbnail-host.ts';

/**
 * The scraper's flags for a headless Chromium on a server; Hugging Face's image hosts mapped to
 * the stand-in's port, every other host but 127.0.0.1 unresolvable (the first rule that matches a
 * host applies); the stand-in's self-signed certificate trusted by the hash of its public key, so
 * that no other certificate error is hidden (unlike --ignore-certificate-errors).
 */
export function chromeFlags(standIn: Pick<ThumbnailHost, 'port' | 'spki' | 'hosts'>): string[] {
  const rules = [
    ...standIn.hosts.map((h) => `MAP ${h} 127.0.0.1:${standIn.port}`),
    'MAP * ~NOTFOUND',
    'EXCLUDE 127.0.0.1',
  ];
  return [
    '--headless=new',
    ...CHROMIUM_ARGS,
    `--host-resolver-rules=${rules.join(' , ')}`,
    `--ignore-certificate-errors-spki-list=${standIn.spki}`,
  ];
}
