// A `fetch` that reads a built site's search data from disk: what the search engine is given
// when it runs in Node for `papers search`, where there is no server and must be no network.
// Only file: URLs of the site's search/ folder are answered, with data only (site-data.ts: a
// regular file inside the site, or a packed copy's data script read as text); a script or a
// page of the site is never handed out, and any other URL is an error, so a search can never
// reach out.
import { fileURLToPath } from 'node:url';
import type { BuiltSite } from '../built-site.ts';
import { mediaType } from '../media-types.ts';
import { readSiteFile } from './site-data.ts';

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** The search's data: its folder, and no script or page in it. */
const DATA = /^search\/(?!.*\.(m?js|html?)$)/i;

const missing = () => new Response(null, { status: 404, statusText: 'Not Found' });

export function fileFetch(site: BuiltSite): Fetch {
  const root = `${site.root.replace(/\/+$/, '')}/`;
  return async (input) => {
    const href = input instanceof Request ? input.url : String(input);
    const url = new URL(href);
    if (url.protocol !== 'file:') throw new TypeError(`${href}: papers search reads the site from disk only`);
    const file = fileURLToPath(new URL(url.pathname, url));
    if (!file.startsWith(root)) throw new TypeError(`${href}: outside the site's folder`);
    const rel = file.slice(root.length);
    if (!DATA.test(rel)) return missing();
    const bytes = await readSiteFile(site, rel);
    if (!bytes) return missing();
    return new Response(new Uint8Array(bytes), { status: 200, headers: { 'content-type': mediaType(file).type } });
  };
}
