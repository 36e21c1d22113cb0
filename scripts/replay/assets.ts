// Static files the pages refer to. On the real site they come from CDNs; here they are tiny
// stand-ins, so that a browser loading a replayed page never reaches for the internet.
import type { Answer } from './answer.ts';

// A 1×1 transparent PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';
const CSS = '/* replay stand-in for the site stylesheet */\n.contents{display:contents}.hidden{display:none}\n';
const MODULE = '/* replay stand-in for the front-end bundle: the page stays as the server rendered it */\nexport {};\n';

const CACHE = { 'cache-control': 'public, max-age=31536000, immutable' };

/** A static file for `pathname`, or undefined when it is not one. */
export function assetAnswer(pathname: string): Answer | undefined {
  const image =
    pathname.startsWith('/thumbnails/') ||
    pathname.startsWith('/avatars/') ||
    pathname.startsWith('/front/assets/') ||
    pathname.startsWith('/front/thumbnails/');
  if (image) {
    return pathname.endsWith('.svg')
      ? { status: 200, headers: { 'content-type': 'image/svg+xml', ...CACHE }, body: SVG }
      : { status: 200, headers: { 'content-type': 'image/png', ...CACHE }, body: PNG };
  }
  if (pathname.startsWith('/front/build/')) {
    if (pathname.endsWith('.css'))
      return { status: 200, headers: { 'content-type': 'text/css; charset=utf-8', ...CACHE }, body: CSS };
    if (pathname.endsWith('.js'))
      return { status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8', ...CACHE }, body: MODULE };
  }
  return undefined;
}

/** Whether a path is a static file (or the WAF script): not counted against page limits. */
export function isAssetPath(pathname: string): boolean {
  return pathname === '/challenge.js' || pathname === '/favicon.ico' || assetAnswer(pathname) !== undefined;
}
