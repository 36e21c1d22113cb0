// The static server that `npm start` serves the built site with: files under the base path
// only, folders through index.html, the site's 404 page, nothing outside its folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StaticServer, serveStatic } from '../../../../scripts/site/serve.ts';

let parent: string;
let root: string;
let server: StaticServer;

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A raw request: the path goes out exactly as written, "..", "%2e" and all. */
function request(rawPath: string, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  parent = mkdtempSync(path.join(os.tmpdir(), 'papers-serve-'));
  root = path.join(parent, 'dist');
  mkdirSync(path.join(root, 'days', '2026-08-07'), { recursive: true });
  mkdirSync(path.join(root, 'search', 'index'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<p>home</p>');
  writeFileSync(path.join(root, '404.html'), '<p>not found page</p>');
  writeFileSync(path.join(root, 'days', '2026-08-07', 'index.html'), '<p>day</p>');
  writeFileSync(path.join(root, 'days', '2026-08-07.json'), '{"date":"2026-08-07"}');
  writeFileSync(path.join(root, 'search', 'index', '0.bin'), 'shard');
  writeFileSync(path.join(parent, 'secret.txt'), 'outside the site');
  server = await serveStatic({ root, base: '/dpa/', port: 0 });
});
afterAll(async () => {
  await server?.close();
  rmSync(parent, { recursive: true, force: true });
});

describe('serveStatic', () => {
  test('serves the site under its base path, folders through index.html, with content types', async () => {
    expect(server.url).toBe(`http://localhost:${server.port}/dpa/`);
    const home = await request('/dpa/');
    expect([home.status, home.body, home.headers['content-type']]).toEqual([
      200,
      '<p>home</p>',
      'text/html; charset=utf-8',
    ]);
    expect((await request('/dpa/days/2026-08-07/')).body).toBe('<p>day</p>');
    const json = await request('/dpa/days/2026-08-07.json');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect((await request('/dpa/search/index/0.bin')).headers['content-type']).toBe('application/octet-stream');
    const head = await request('/dpa/', 'HEAD');
    expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', '11']);
  });

  test('redirects a folder without its slash, and the origin to the base', async () => {
    const folder = await request('/dpa/days/2026-08-07?x=1');
    expect([folder.status, folder.headers.location]).toEqual([301, '/dpa/days/2026-08-07/?x=1']);
    expect((await request('/')).headers.location).toBe('/dpa/');
    expect((await request('/dpa')).headers.location).toBe('/dpa/');
  });

  test('answers anything else with the site’s 404 page', async () => {
    for (const p of ['/dpa/days/1999-01-01/', '/other/index.html', '/dpa/%E0%A4%A', '//evil.example/dpa/']) {
      const reply = await request(p);
      expect([p, reply.status, reply.body]).toEqual([p, 404, '<p>not found page</p>']);
    }
  });

  test('never serves a file outside its folder', async () => {
    for (const p of [
      '/dpa/../secret.txt',
      '/dpa/%2e%2e/secret.txt',
      '/dpa/..%2fsecret.txt',
      '/dpa/%2e%2e%2fsecret.txt',
      '/dpa/a%00.html',
    ]) {
      const reply = await request(p);
      expect(reply.body, p).not.toContain('outside the site');
      expect(reply.status, p).toBe(404);
    }
  });

  test('refuses other methods, and says when its port is taken', async () => {
    expect((await request('/dpa/', 'POST')).status).toBe(405);
    await expect(serveStatic({ root, base: '/dpa/', port: server.port })).rejects.toThrow(
      /port \d+ on 127\.0\.0\.1 is in use/,
    );
  });
});
