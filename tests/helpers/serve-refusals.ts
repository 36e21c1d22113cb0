// What both servers of a built site refuse, whichever runs it (`papers serve`, and the packed
// copy's serve.mjs, both scraper/offline/serve.ts): a file outside their folder, through a link
// to a file or to a folder, or as their own 404 page; a FIFO, which must not block them; a
// redirect to another host; a request whose Host is not theirs (DNS rebinding). One suite, which
// each server's test registers with the way to start that server on a folder.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './temp.ts';

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * A raw request to 127.0.0.1: the target goes out exactly as written ("//", "\" and "%2f" and
 * all; fetch() would tidy them), with the Host given, else the one a browser would send.
 */
export function rawGet(port: number, target: string, host = `127.0.0.1:${port}`): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: target, headers: { host }, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

export type Running = { port: number; stop: () => Promise<void> };

const SECRET = 'outside the site';
const OUTSIDE_PAGE = '<p>a page outside the site</p>';

/**
 * Two sites in `top`, beside a folder outside them: one with links out (its 404 page among
 * them), one with FIFOs (its 404 page among them).
 */
function plantSites(top: string): { links: string; fifos: string } {
  const outside = path.join(top, 'outside');
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.txt'), SECRET);
  writeFileSync(path.join(outside, 'index.html'), OUTSIDE_PAGE);

  const links = path.join(top, 'links');
  mkdirSync(path.join(links, 'days'), { recursive: true });
  writeFileSync(path.join(links, 'index.html'), '<p>home</p>');
  writeFileSync(path.join(links, 'days', 'index.html'), '<p>days</p>');
  writeFileSync(path.join(links, 'days', '2026-08-07.json'), '{"date":"2026-08-07"}');
  symlinkSync(path.join('days', '2026-08-07.json'), path.join(links, 'inner.json'));
  symlinkSync(path.join(outside, 'secret.txt'), path.join(links, 'passwd.txt'));
  symlinkSync(path.join('..', 'outside', 'secret.txt'), path.join(links, 'relative.txt'));
  symlinkSync(path.join('..', 'outside', 'secret.txt'), path.join(links, '404.html'));
  symlinkSync(outside, path.join(links, 'linked'));
  symlinkSync('/dev/zero', path.join(links, 'zero.bin'));

  const fifos = path.join(top, 'fifos');
  mkdirSync(path.join(fifos, 'fifo-dir'), { recursive: true });
  writeFileSync(path.join(fifos, 'index.html'), '<p>home</p>');
  execFileSync('mkfifo', [path.join(fifos, 'pipe.txt'), path.join(fifos, 'fifo-dir', 'index.html')]);
  execFileSync('mkfifo', [path.join(fifos, '404.html')]);
  return { links, fifos };
}

/** Registers the suite for a server that `start` runs on a folder (and `stop` ends). */
export function serverRefusals(start: (root: string) => Promise<Running>): void {
  let top: string;
  let links: Running;
  let fifos: Running;

  beforeAll(async () => {
    top = tempDir('serve-refusals-');
    const sites = plantSites(top);
    [links, fifos] = await Promise.all([start(sites.links), start(sites.fifos)]);
  });
  afterAll(async () => {
    await Promise.all([links?.stop(), fifos?.stop()]);
    rmSync(top, { recursive: true, force: true });
  });

  describe('what lies outside its folder', () => {
    it('serves its own files, through links that stay inside the folder', async () => {
      expect((await rawGet(links.port, '/')).body).toBe('<p>home</p>');
      expect((await rawGet(links.port, '/days/')).body).toBe('<p>days</p>');
      const inner = await rawGet(links.port, '/inner.json');
      expect([inner.status, inner.body]).toEqual([200, '{"date":"2026-08-07"}']);
    });

    it('serves nothing outside it: not through a link to a file, to a folder or to a device', async () => {
      for (const target of [
        '/passwd.txt',
        '/relative.txt',
        '/linked/',
        '/linked/index.html',
        '/linked/secret.txt',
        '/linked',
        '/linked?x=1',
        '/zero.bin',
      ]) {
        const reply = await rawGet(links.port, target);
        expect(reply.body, target).not.toContain(SECRET);
        expect(reply.body, target).not.toContain(OUTSIDE_PAGE);
        // A folder out of it is not even redirected to: nothing says it is there.
        expect([reply.status, reply.headers.location], target).toEqual([404, undefined]);
      }
    });

    it('answers 404 with no page when its own 404 page is a link out', async () => {
      const reply = await rawGet(links.port, '/nowhere/');
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain(SECRET);
      expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
    });

    it('refuses a FIFO without opening it, its own 404 page too, and goes on serving', async () => {
      for (const target of ['/pipe.txt', '/fifo-dir/', '/fifo-dir/index.html', '/fifo-dir', '/nowhere']) {
        const reply = await rawGet(fifos.port, target);
        expect([reply.status, reply.headers.location, reply.headers['content-type']], target).toEqual([
          404,
          undefined,
          'text/plain; charset=utf-8',
        ]);
      }
      expect((await rawGet(fifos.port, '/')).body).toBe('<p>home</p>');
    });
  });

  describe('redirects', () => {
    it('redirects a folder without its slash to a path on this site', async () => {
      const reply = await rawGet(links.port, '/days?x=1');
      expect([reply.status, reply.headers.location]).toEqual([301, '/days/?x=1']);
    });

    it('never redirects to another host, however the path is written', async () => {
      for (const target of [
        '//evil.example/..%2fdays',
        '//evil.example/..%2fdays?x=1',
        '//evil.example/%2e%2e/days',
        '///evil.example/..%2fdays',
        '/\\evil.example/..%2fdays',
        '/\\/evil.example/..%2fdays',
        '/%2f%2fevil.example/..%2f..%2fdays',
        '/%2fevil.example/..%2fdays',
        '/%5cevil.example/..%2fdays',
        '/%5c%5cevil.example/..%2f..%2fdays',
        '/days/..//evil.example/..%2f..%2fdays',
        '/http:%2f%2fevil.example/..%2f..%2fdays',
      ]) {
        const reply = await rawGet(links.port, target);
        const location = reply.headers.location;
        if (location === undefined) continue;
        expect(location, target).toMatch(/^\/(?![/\\])/);
        expect(location, target).not.toContain('evil');
        expect(new URL(location, 'http://127.0.0.1:1/').host, target).toBe('127.0.0.1:1');
      }
    });
  });

  describe('the Host it answers for', () => {
    it('answers for localhost, names under .localhost and IP addresses, with any port', async () => {
      const { port } = links;
      for (const host of [
        `localhost:${port}`,
        'localhost',
        'LocalHost.',
        `app.localhost:${port}`,
        `127.0.0.1:${port}`,
        `[::1]:${port}`,
        // The machine's own address on a network (or a forwarded port's): an address, no name
        // that a page elsewhere could make point here.
        '192.168.1.20:8080',
      ]) {
        const reply = await rawGet(port, '/', host);
        expect([reply.status, reply.body], host).toEqual([200, '<p>home</p>']);
      }
    });

    it('refuses any other name with 421, in one line of plain text', async () => {
      const { port } = links;
      for (const host of [
        'evil.example',
        `evil.example:${port}`,
        'localhost.evil.example',
        '127.0.0.1.nip.io',
        'localhost:80@evil.example',
        '[evil.example]',
      ]) {
        for (const target of ['/', '/days', '/passwd.txt']) {
          const reply = await rawGet(port, target, host);
          expect([reply.status, reply.headers['content-type'], reply.headers.location], host).toEqual([
            421,
            'text/plain; charset=utf-8',
            undefined,
          ]);
          expect(reply.body, host).toMatch(/^421 [^\n]+\n$/);
        }
      }
    });
  });
}
