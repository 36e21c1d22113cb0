// `papers serve` in process over a built site made of every kind of file the archive's site
// has: each served with its media type, text compressed as the browser asks, binary as it is,
// under the base path the site was built for; a taken port and a folder with no site are one
// line each, exit 1. And what it refuses (tests/helpers/serve-refusals.ts): files outside its
// folder, FIFOs, redirects off the site, a Host not its own.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Writable } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../scraper/cli/main.ts';
import { captureStream } from '../../../helpers/cli.ts';
import { serverRefusals } from '../../../helpers/serve-refusals.ts';
import { tempDir } from '../../../helpers/temp.ts';

const TEXT = 'x'.repeat(4000);
const FILES: Record<string, [content: string | Buffer, type: string, compressed: boolean]> = {
  'index.html': [
    `<html><head><link rel="canonical" href="https://me.github.io/dpa/"></head>${TEXT}</html>`,
    'text/html; charset=utf-8',
    true,
  ],
  '404.html': ['<html>not here</html>', 'text/html; charset=utf-8', false],
  'days/2026-08-07/index.html': [`<html>${TEXT}</html>`, 'text/html; charset=utf-8', true],
  'days/2026-08-07.json': [`{"x":"${TEXT}"}`, 'application/json; charset=utf-8', true],
  '_astro/site.css': [`body{${TEXT}}`, 'text/css; charset=utf-8', true],
  '_astro/theme.js': [`let x="${TEXT}"`, 'text/javascript; charset=utf-8', true],
  'rss.xml': [`<rss>${TEXT}</rss>`, 'application/xml; charset=utf-8', true],
  'robots.txt': ['User-agent: *\n', 'text/plain; charset=utf-8', false],
  'favicon.svg': ['<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml', false],
  'papers/2608.05987.ris': [`TY  - JOUR\n${TEXT}\nER  -\n`, 'application/x-research-info-systems; charset=utf-8', true],
  'thumb.png': [Buffer.alloc(3000, 1), 'image/png', false],
  'search/index.json': [`{"build":"${TEXT}"}`, 'application/json; charset=utf-8', true],
  'search/0123456789abcdef/index/0.bin': [zlib.gzipSync(Buffer.alloc(5000, 2)), 'application/octet-stream', false],
  'search/0123456789abcdef/papers.bin': [zlib.gzipSync(Buffer.alloc(5000, 3)), 'application/octet-stream', false],
  'search/0123456789abcdef/papers/0.json': [`{"title":"${TEXT}"}`, 'application/json; charset=utf-8', true],
};

let dist: string;
let url: string;
const stop = new AbortController();
let serving: Promise<number>;

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
function get(target: string, encoding = 'br, gzip'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL(target, url), { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
}

beforeAll(async () => {
  dist = tempDir('dist-');
  for (const [name, [content]] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dist, name)), { recursive: true });
    writeFileSync(path.join(dist, name), content);
  }
  const stdout = captureStream();
  serving = main(['serve', dist, '--port', '0'], {
    stdout,
    stderr: captureStream(),
    env: {},
    cwd: dist,
    signal: stop.signal,
  });
  for (let i = 0; i < 200 && !stdout.text(); i++) await new Promise((r) => setTimeout(r, 10));
  url = /at (http:\/\/\S+)/.exec(stdout.text())![1]!;
});
afterAll(async () => {
  stop.abort();
  expect(await serving).toBe(0);
  rmSync(dist, { recursive: true, force: true });
});

describe('papers serve', () => {
  it('serves under the base path the site was built for, read from its home page', () => {
    expect(url).toMatch(/^http:\/\/localhost:\d+\/dpa\/$/);
  });

  it('answers every kind of file with its type; text compressed as asked, binary as it is', async () => {
    for (const [name, [content, type, compressed]] of Object.entries(FILES)) {
      if (name === '404.html') continue;
      const reply = await get(name);
      expect(reply.status, name).toBe(200);
      expect(reply.headers['content-type'], name).toBe(type);
      expect(reply.headers['content-encoding'], name).toBe(compressed ? 'br' : undefined);
      const body = compressed ? zlib.brotliDecompressSync(reply.body) : reply.body;
      expect(body.equals(Buffer.from(content)), name).toBe(true);
    }
    const gz = await get('_astro/site.css', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(FILES['_astro/site.css']![0]);
    const plain = await get('_astro/site.css', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-length']).toBe(String(Buffer.byteLength(FILES['_astro/site.css']![0])));
  });

  it('leaves no file open when the browser cancels its requests, however early', async () => {
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const cancelled = (target: string, when: number) =>
      new Promise<void>((resolve) => {
        const req = http.get(new URL(target, url), { headers: { 'accept-encoding': 'br' } }, (res) => {
          res.destroy();
          resolve();
        });
        req.on('error', () => resolve());
        req.on('close', () => resolve());
        if (when === 0) req.destroy();
        else setTimeout(() => req.destroy(), when);
      });
    const before = openFiles();
    for (let round = 0; round < 40; round++) {
      await Promise.all(
        ['days/2026-08-07/', '_astro/site.css', 'thumb.png', 'nowhere/', 'search/index.json'].map((t, k) =>
          cancelled(t, (round + k) % 3),
        ),
      );
    }
    // The server's side of each closed socket, and each file, is let go of within a moment.
    let after = openFiles();
    for (let i = 0; i < 50 && after > before + 2; i++) {
      await new Promise((r) => setTimeout(r, 20));
      after = openFiles();
    }
    expect(after).toBeLessThanOrEqual(before + 2);
  });

  it('serves folders through index.html, and its own 404 page for anything else', async () => {
    expect((await get('days/2026-08-07/')).status).toBe(200);
    const missing = await get('nowhere/', 'identity');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toBe('<html>not here</html>');
    expect((await get('/', 'identity')).headers['location']).toBe('/dpa/');
  });

  it('says in one line when the port is taken or the folder holds no site, exit 1', async () => {
    const port = new URL(url).port;
    const stderr = captureStream();
    const taken = await main(['serve', dist, '--port', port], { stdout: captureStream(), stderr, env: {}, cwd: dist });
    expect(taken).toBe(1);
    expect(stderr.text()).toBe(
      `papers serve: port ${port} on 127.0.0.1 is in use (another server?); choose another with --port\n`,
    );
    const empty = tempDir();
    const stderr2 = captureStream();
    expect(await main(['serve', empty], { stdout: captureStream(), stderr: stderr2, env: {}, cwd: empty })).toBe(1);
    expect(stderr2.text()).toBe(
      `papers serve: ${empty} holds no built archive (no index.html): build one with \`npm run build\`\n`,
    );
  });
});

describe('papers serve refuses', () => {
  serverRefusals(async (root) => {
    const stop = new AbortController();
    let printed: (port: number) => void;
    const port = new Promise<number>((resolve) => (printed = resolve));
    const stdout = new Writable({
      write(chunk, _encoding, done) {
        const found = /at http:\/\/localhost:(\d+)\//.exec(String(chunk));
        if (found) printed(Number(found[1]));
        done();
      },
    });
    const serving = main(['serve', root, '--port', '0'], {
      stdout,
      stderr: captureStream(),
      env: {},
      cwd: root,
      signal: stop.signal,
    });
    // Should it fail to start, the failure (not a wait for a port) ends the test.
    const failed = serving.then((code) => Promise.reject(new Error(`papers serve ended with ${code}`)));
    return {
      port: await Promise.race([port, failed]),
      stop: async () => {
        stop.abort();
        expect(await serving).toBe(0);
      },
    };
  });
});
