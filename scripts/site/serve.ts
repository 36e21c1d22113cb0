// A small static server for the built site: what `npm start` and `npm run preview` serve dist/
// with, what the browser tests drive, and later what serves the offline copy. It serves only
// files under its root, only under the site's base path (as GitHub Pages serves a project
// site), folders through their index.html, and the site's own 404 page for anything else.
//
//   node scripts/site/serve.ts [--dir dist] [--port 4321] [--host 127.0.0.1]
// The base path is $PAPERS_BASE (default /), as for the build.
import { createReadStream, promises as fs, type Stats } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { normalizeBase } from '../../site/lib/options.ts';

export const DEFAULT_PORT = 4321;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export function contentType(file: string): string {
  // Pagefind's own files (.pf_meta, .pf_index, .pf_fragment, .pf_filter, wasm.*.pagefind) are
  // binary blobs it fetches and decodes itself.
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type ServeOptions = {
  /** The built site (dist/). */
  root: string;
  /** The site's base path, "/" or "/project/". */
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

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
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
  let stat: Stats;
  try {
    stat = await fs.stat(file);
  } catch {
    return { kind: 'missing' };
  }
  if (stat.isDirectory()) {
    // Folder URLs end with a slash, so the page's relative links resolve as on GitHub Pages.
    if (!pathname.endsWith('/')) return { kind: 'redirect', location: `${pathname}/${search}` };
    const index = path.join(file, 'index.html');
    return (await isFile(index)) ? { kind: 'file', file: index } : { kind: 'missing' };
  }
  return stat.isFile() ? { kind: 'file', file } : { kind: 'missing' };
}

export function serveStatic(options: ServeOptions): Promise<StaticServer> {
  const root = path.resolve(options.root);
  const base = normalizeBase(options.base ?? '/');
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
      res.setHeader('Content-Type', contentType(file));
      res.setHeader('Content-Length', String(size));
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
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
        await send(404, (await isFile(notFound)) ? notFound : null);
      }
    } catch {
      if (!res.headersSent) await send(500, null).catch(() => res.destroy());
      else res.destroy();
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      reject(
        e.code === 'EADDRINUSE'
          ? new Error(`port ${options.port ?? DEFAULT_PORT} on ${host} is in use; choose another with --port`)
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

export async function serveFromCommandLine(argv: string[], env: NodeJS.ProcessEnv): Promise<StaticServer> {
  const { values } = parseArgs({
    args: argv,
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: env['PORT'] || String(DEFAULT_PORT) },
      host: { type: 'string', default: '127.0.0.1' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: ${JSON.stringify(values.port)} is not a port number`);
  const root = path.resolve(values.dir);
  if (!(await isFile(path.join(root, 'index.html')))) {
    throw new Error(`${root} holds no built site (no index.html): run \`npm run build\` first`);
  }
  return serveStatic({ root, base: normalizeBase(env['PAPERS_BASE'] || '/'), port, host: values.host });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  serveFromCommandLine(process.argv.slice(2), process.env).then(
    (s) => process.stdout.write(`Serving the archive at ${s.url} (Ctrl-C to stop)\n`),
    (e: Error) => {
      process.stderr.write(`serve: ${e.message}\n`);
      process.exit(1);
    },
  );
}
