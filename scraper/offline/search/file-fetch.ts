// A `fetch` that reads a built site's files from disk: what the site's own search code (and
// Pagefind's script under it) is given when it runs in Node for `papers search`, where there is
// no server and must be no network. Only file: URLs under the site's folder are answered; any
// other URL is an error, so a search can never reach out.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mediaType } from '../media-types.ts';

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export function fileFetch(root: string): Fetch {
  const inside = `${path.resolve(root)}${path.sep}`;
  return async (input) => {
    const href = input instanceof Request ? input.url : String(input);
    const url = new URL(href);
    if (url.protocol !== 'file:') throw new TypeError(`${href}: papers search reads the site from disk only`);
    const file = fileURLToPath(new URL(url.pathname, url));
    if (!file.startsWith(inside)) throw new TypeError(`${href}: outside the site's folder`);
    try {
      const bytes = await fs.readFile(file);
      return new Response(bytes, { status: 200, headers: { 'content-type': mediaType(file).type } });
    } catch {
      return new Response(null, { status: 404, statusText: 'Not Found' });
    }
  };
}
