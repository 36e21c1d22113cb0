// The static server for a built archive: what `papers serve`, `npm start` and `npm run preview`
// serve dist/ with, what the browser tests drive, and (bundled into one file by the pack,
// pack/serve-mjs.ts) a packed copy's serve.mjs; so it uses Node's own modules and the project's
// small ones, no package. It serves only under the site's base path (as GitHub Pages serves a
// project site), folders through their index.html, the site's own 404 page for anything else;
// text is compressed (brotli or gzip, as the browser asks); it makes no request of its own.
// Whoever made the folder, it serves nothing that lies outside it: only regular files whose real
// path, after links, is inside (never a FIFO, which would block it, nor a device), checked
// before and after opening (scraper/archive/inside-file.ts). It redirects only to paths of this
// site, and answers only requests addressed to this machine by name or address (host-check.ts).
import { promises as fs, type Stats } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream';
import zlib from 'node:zlib';
import { checkInside, InsideFileError, openInside } from '../archive/inside-file.ts';
import { normalizeBasePath } from '../archive/links.ts';
import { InputError } from '../errors.ts';
import { hostAllowed, misdirected, namesOfListenHost } from './host-check.ts';
import { mediaType } from './media-types.ts';

export const DEFAULT_PORT = 4321;

/** Below this many bytes compression saves less than it costs. */
const COMPRESS_FROM = 1024;

export type ServeOptions = {
  /** The built site (dist/). */
  root: string;
  /** The site's base path, "/" or "/project/". */
  base?: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** How to give another port, the end of "choose another …" when this one is taken. */
  otherPort?: (port: number) => string;
};

export type StaticServer = {
  /** http://host:port/base/ */
  url: string;
  port: number;
  close: () => Promise<void>;
};

type Resolved = { kind: 'file'; file: string } | { kind: 'redirect'; location: string } | { kind: 'missing' };
const MISSING: Resolved = { kind: 'missing' };

type Opened = { handle: fs.FileHandle; stat: Stats };

async function statOf(file: string): Promise<Stats | null> {
  try {
    return await fs.stat(file);
  } catch {
    return null;
  }
}

/** Whether `file` is a regular file inside root, after its links. */
async function isInside(root: string, file: string): Promise<boolean> {
  try {
    return (await checkInside(root, file)) !== null;
  } catch (e) {
    if (e instanceof InsideFileError) return false;
    throw e;
  }
}

/** `file` opened, when it is (still) a regular file inside root. */
async function openChecked(root: string, file: string): Promise<Opened | null> {
  try {
    return await openInside(root, file);
  } catch (e) {
    if (e instanceof InsideFileError) return null;
    throw e;
  }
}

/**
 * A Location on this site: a path, never "//host/…" or "/\host/…", which browsers read as
 * another host.
 */
export function isSitePath(location: string): boolean {
  return /^\/(?![/\\])/.test(location);
}

/**
 * The URL of a folder of the site with its slash, made from the folder found (`relative` to the
 * root), never from the request's own path: "//evil.example/..%2fdays" finds days/, and
 * answering with its own path plus a slash would send the browser to evil.example.
 */
export function folderLocation(base: string, relative: string, search: string): string {
  const segments = relative.split(path.sep).filter(Boolean);
  return `${base}${segments.map((s) => `${encodeURIComponent(s)}/`).join('')}${search}`;
}

/** Maps a request path to a file inside root, or says why not. Never leaves root. */
export async function resolveRequest(root: string, base: string, pathname: string, search: string): Promise<Resolved> {
  const redirect = (location: string): Resolved => (isSitePath(location) ? { kind: 'redirect', location } : MISSING);
  if (base !== '/' && (pathname === '/' || `${pathname}/` === base)) return redirect(`${base}${search}`);
  if (!pathname.startsWith(base)) return MISSING;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return MISSING;
  }
  if (relative.includes('\0')) return MISSING;
  const file = path.resolve(root, `.${path.posix.sep}${relative}`);
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) return MISSING;
  // Only to tell a folder from a file; what is served is checked below, links and all.
  const stat = await statOf(file);
  if (!stat) return MISSING;
  if (stat.isDirectory()) {
    // A folder counts only through an index.html inside root: a link to a folder elsewhere is
    // not even redirected to.
    const index = path.join(file, 'index.html');
    if (!(await isInside(root, index))) return MISSING;
    // Folder URLs end with a slash, so the page's relative links resolve as on GitHub Pages.
    if (!pathname.endsWith('/')) return redirect(folderLocation(base, path.relative(root, file), search));
    return { kind: 'file', file: index };
  }
  // The path asked for, not the one its links lead to: its name gives its media type.
  return (await isInside(root, file)) ? { kind: 'file', file } : MISSING;
}

/** The encoding to answer with, from the request's Accept-Encoding: brotli, else gzip, else none. */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

function setCommonHeaders(res: http.ServerResponse, status: number, headers: Record<string, string>): void {
  res.statusCode = status;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'no-cache');
}

function sendText(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  text = `${status}\n`,
  headers: Record<string, string> = {},
): void {
  setCommonHeaders(res, status, headers);
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(req.method === 'HEAD' ? undefined : text);
}

/** Sends an opened file and closes it, compressed when it is text and the browser asks. */
function sendFile(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  file: string,
  { handle, stat }: Opened,
): void {
  // Gone while the file was being found and opened: nothing to send it to.
  if (res.destroyed || res.closed) {
    handle.close().catch(() => {});
    return;
  }
  const { type, compress } = mediaType(file);
  const encoding = compress && stat.size >= COMPRESS_FROM ? chooseEncoding(req.headers['accept-encoding']) : null;
  setCommonHeaders(res, status, { 'Content-Type': type });
  if (compress) res.setHeader('Vary', 'Accept-Encoding');
  if (encoding) res.setHeader('Content-Encoding', encoding);
  else res.setHeader('Content-Length', String(stat.size));
  if (req.method === 'HEAD') {
    res.end();
    handle.close().catch(() => {});
    return;
  }
  // The stream closes the handle when it ends or fails; a client gone before it began (the
  // browser cancelled the request) leaves a stream that never ends, so the answer's end closes
  // the handle too: a server that runs for hours never runs out of file descriptors.
  const body = handle.createReadStream();
  res.once('close', () => {
    body.destroy();
    handle.close().catch(() => {});
  });
  const onError = (e: Error | null) => {
    if (e) res.destroy();
  };
  if (encoding === 'br') {
    const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: stat.size };
    pipeline(body, zlib.createBrotliCompress({ params }), res, onError);
  } else if (encoding === 'gzip') pipeline(body, zlib.createGzip({ level: 6 }), res, onError);
  else pipeline(body, res, onError);
}

/** Answers one request for the site in `root` under `base`, for the host names in `names`. */
async function answer(
  root: string,
  base: string,
  names: readonly string[],
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  if (!hostAllowed(req.headers.host, names)) return sendText(req, res, 421, misdirected(names));
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(req, res, 405, undefined, { Allow: 'GET, HEAD' });
  // The request target as sent (not through new URL(), which reads "//host/x" as another host).
  const target = req.url ?? '/';
  const q = target.indexOf('?');
  const pathname = q < 0 ? target : target.slice(0, q);
  const search = q < 0 ? '' : target.slice(q);
  const found = pathname.startsWith('/') ? await resolveRequest(root, base, pathname, search) : MISSING;
  if (found.kind === 'redirect') return sendText(req, res, 301, undefined, { Location: found.location });
  const opened = found.kind === 'file' ? await openChecked(root, found.file) : null;
  if (found.kind === 'file' && opened) return sendFile(req, res, 200, found.file, opened);
  const notFound = path.join(root, '404.html');
  const page = await openChecked(root, notFound);
  if (page) sendFile(req, res, 404, notFound, page);
  else sendText(req, res, 404);
}

export function serveStatic(options: ServeOptions): Promise<StaticServer> {
  const root = path.resolve(options.root);
  const base = normalizeBasePath(options.base ?? '/');
  if (base === null) {
    return Promise.reject(new InputError(`the base path must be a URL path such as /dpa/, not ${options.base}`));
  }
  const host = options.host ?? '127.0.0.1';
  const names = namesOfListenHost(host);
  const otherPort = options.otherPort ?? (() => ' with --port');

  const server = http.createServer((req, res) => {
    answer(root, base, names, req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else sendText(req, res, 500);
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      const port = options.port ?? DEFAULT_PORT;
      reject(
        e.code === 'EADDRINUSE'
          ? new InputError(`port ${port} on ${host} is in use (another server?); choose another${otherPort(port)}`)
          : e.code === 'EACCES'
            ? new InputError(
                `port ${port} on ${host} is not allowed for this user; choose one above 1023${otherPort(port)}`,
              )
            : e,
      );
    });
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      const { port } = server.address() as AddressInfo;
      const shown = host === '127.0.0.1' || host === '::1' ? 'localhost' : host;
      resolve({
        url: `http://${shown}:${port}${base}`,
        port,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
