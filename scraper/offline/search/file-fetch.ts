// A `fetch` that reads a built site's search data from disk: what the search engine, and
// Pagefind's script under it, are given when they run in Node for `papers search`, where there
// is no server and must be no network. Only file: URLs under the site's folder are answered, and
// only with data (site-data.ts): Pagefind's WebAssembly comes from the installed Pagefind
// (pagefind-runtime.ts), never from the site, and a script of the site is never handed out. Any
// other URL is an error, so a search can never reach out.
import { fileURLToPath } from 'node:url';
import type { BuiltSite } from '../built-site.ts';
import { mediaType } from '../media-types.ts';
import type { PagefindRuntime } from './pagefind-runtime.ts';
import { readSiteFile } from './site-data.ts';

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Pagefind's WebAssembly, wherever an index part asks for it: "pagefind/wasm.en.pagefind". */
const WASM = /(?:^|\/)wasm\.([a-z0-9_-]+)\.pagefind$/;
/** What is code, not data: never read from a site for its search. */
const CODE = /\.(m?js|wasm|html?)$/i;

const missing = () => new Response(null, { status: 404, statusText: 'Not Found' });

export function fileFetch(site: BuiltSite, runtime: PagefindRuntime): Fetch {
  const root = `${site.root.replace(/\/+$/, '')}/`;
  return async (input) => {
    const href = input instanceof Request ? input.url : String(input);
    const url = new URL(href);
    if (url.protocol !== 'file:') throw new TypeError(`${href}: papers search reads the site from disk only`);
    const file = fileURLToPath(new URL(url.pathname, url));
    if (!file.startsWith(root)) throw new TypeError(`${href}: outside the site's folder`);
    const rel = file.slice(root.length);
    const wasm = WASM.exec(rel);
    if (wasm) {
      const bytes = runtime.wasm.get(wasm[1]!);
      return bytes
        ? new Response(new Uint8Array(bytes), { status: 200, headers: { 'content-type': 'application/wasm' } })
        : missing();
    }
    if (CODE.test(rel)) return missing();
    const bytes = await readSiteFile(site, rel);
    if (!bytes) return missing();
    return new Response(new Uint8Array(bytes), { status: 200, headers: { 'content-type': mediaType(file).type } });
  };
}
