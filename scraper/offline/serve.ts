// The static server for a built archive: what `papers serve`, `npm start` and `npm run preview`
// serve dist/ with, and what the browser tests drive. It serves only files under its root, only
// under the site's base path (as GitHub Pages serves a project site), folders through their
// index.html, and the site's own 404 page for anything else; text is compressed (brotli or gzip,
// as the browser asks), and it makes no request of its own to anywhere.
import { createReadStream, promises as fs, type Stats } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream';
import zlib from 'node:zlib';
import { InputError } from '../errors.ts';
import { mediaType } from './media-types.ts';

export const DEFAULT_PORT = 4321;

/** Below this many bytes compression saves less than it costs. */
const COMPRESS_FROM = 1024;

export type ServeOptions = {
  /** The built site (dist/). */
  root: string;
  /** The site's base path, "/" or "/project/" (normalized). */
  base?: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
};

export type StaticServer = {
  /** http://host:port/base/ */
  url: string;
  port: number;
  close: () => Promise<void>;
};

type Resolved = { kind: 'file'; file: string } | { kind: 'redirect'; location: string } | { kind: 'missing' };

async function statOf(file: string): Promise<Stats | null> {
  try {
    return await fs.stat(file);
  } catch {
    return null;
  }
}

/** Maps a request path to a file under root, or says why not. Never leaves root. */
export async function resolveRequest(root: string, base: string, pathname: string, search: string): Promise<Resolved> {
  if (base !== '/' && (pathname === '/' || `${pathname}/` === base))
    return { kind: 'redirect', location: `${base}${search}` };
  if (!pathname.startsWith(base)) return { kind: 'missing' };
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return { kind: 'missing' };
  }
  if (relative.includes('\0')) return { kind: 'missing' };
  const file = path.resolve(root, `.${path.posix.sep}${relative}`);
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) return { kind: 'missing' };
  const stat = await statOf(file);
  if (!stat) return { kind: 'missing' };
  if (stat.isDirectory()) {
    // Folder URLs end with a slash, so the page's relative links resolve as on GitHub Pages.
    if (!pathname.endsWith('/')) return { kind: 'redirect', location: `${pathname}/${search}` };
    const index = path.join(file, 'index.html');
    return (await statOf(index))?.isFile() ? { kind: 'file', file: index } : { kind: 'missing' };
  }
  return stat.isFile() ? { kind: 'file', file } : { kind: 'missing' };
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

export function serveStatic(options: ServeOptions): Promise<StaticServer> {
  const root = path.resolve(options.root);
  const base = options.base ?? '/';
  const host = options.host ?? '127.0.0.1';

  const server = http.createServer(async (req, res) => {
    const send = async (status: number, file: string | null, headers: Record<string, string> = {}): Promise<void> => {
      res.statusCode = status;
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'no-cache');
      if (!file) {
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(req.method === 'HEAD' ? undefined : `${status}\n`);
        return;
      }
      const { size } = await fs.stat(file);
      const { type, compress } = mediaType(file);
      res.setHeader('Content-Type', type);
      const encoding = compress && size >= COMPRESS_FROM ? chooseEncoding(req.headers['accept-encoding']) : null;
      if (compress) res.setHeader('Vary', 'Accept-Encoding');
      if (encoding) res.setHeader('Content-Encoding', encoding);
      else res.setHeader('Content-Length', String(size));
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const body = createReadStream(file);
      const onError = (e: Error | null) => {
        if (e) res.destroy();
      };
      if (encoding === 'br') {
        const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size };
        pipeline(body, zlib.createBrotliCompress({ params }), res, onError);
      } else if (encoding === 'gzip') pipeline(body, zlib.createGzip({ level: 6 }), res, onError);
      else pipeline(body, res, onError);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        await send(405, null, { Allow: 'GET, HEAD' });
        return;
      }
      // The request target as sent (not through new URL(), which reads "//host/x" as another host).
      const target = req.url ?? '/';
      const q = target.indexOf('?');
      const pathname = q < 0 ? target : target.slice(0, q);
      const search = q < 0 ? '' : target.slice(q);
      const found = pathname.startsWith('/')
        ? await resolveRequest(root, base, pathname, search)
        : ({ kind: 'missing' } as const);
      if (found.kind === 'file') await send(200, found.file);
      else if (found.kind === 'redirect') await send(301, null, { Location: found.location });
      else {
        const notFound = path.join(root, '404.html');
        await send(404, (await statOf(notFound))?.isFile() ? notFound : null);
      }
    } catch {
      if (!res.headersSent) await send(500, null).catch(() => res.destroy());
      else res.destroy();
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      const port = options.port ?? DEFAULT_PORT;
      reject(
        e.code === 'EADDRINUSE'
          ? new InputError(`port ${port} on ${host} is in use (another server?); choose another with --port`)
          : e.code === 'EACCES'
            ? new InputError(`port ${port} on ${host} is not allowed for this user; choose one above 1023 with --port`)
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
