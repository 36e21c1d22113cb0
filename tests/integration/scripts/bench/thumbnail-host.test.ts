// The Lighthouse bench's stand-in for Hugging Face's image hosts (scripts/bench/thumbnail-host.ts),
// over real HTTPS on 127.0.0.1: a thumbnail path of either host gets the PNG with a CDN's headers,
// anything else a 404; the key it presents is the one whose hash Chromium is told to trust; its
// certificate's files are gone as soon as it listens; closed, it listens no more. Here because it
// runs openssl; what it serves is checked in a browser by the bench itself (its served counts).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { THUMBNAIL_SIZE } from '../../../../scripts/bench/png.ts';
import { spkiHash, startThumbnailHost, type ThumbnailHost } from '../../../../scripts/bench/thumbnail-host.ts';

let parent: string;
let host: ThumbnailHost;

type Reply = { status: number; headers: Record<string, unknown>; body: Buffer; spki: string };

/** A request as Chromium makes it once the host is mapped here: the real name in SNI and Host. */
function get(name: string, urlPath: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: host.port,
        servername: name,
        path: urlPath,
        headers: { host: name, ...headers },
        agent: false,
        // The certificate is self-signed: its key is compared below, as Chromium's SPKI list does.
        rejectUnauthorized: false,
      },
      (res) => {
        const cert = (res.socket as TLSSocket).getPeerX509Certificate();
        const body: Buffer[] = [];
        res.on('data', (c: Buffer) => body.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: Buffer.concat(body),
            spki: cert ? spkiHash(cert.toString()) : '',
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  parent = mkdtempSync(path.join(os.tmpdir(), 'thumbnail-host-'));
  host = await startThumbnailHost(path.join(parent, 'tls'));
});

afterAll(async () => {
  await host?.close();
  rmSync(parent, { recursive: true, force: true });
});

test('a thumbnail of either host: the PNG, image/png, cached as a CDN caches it; its key is the one trusted', async () => {
  expect(existsSync(path.join(parent, 'tls'))).toBe(false);
  const a = await get('cdn-thumbnails.huggingface.co', '/social-thumbnails/papers/2608.05987.png');
  expect(a.status).toBe(200);
  expect(a.headers).toMatchObject({ 'content-type': 'image/png', 'cache-control': 'public, max-age=86400' });
  expect(a.body.length).toBe(host.image.bytes);
  expect(a.body.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect({ width: a.body.readUInt32BE(16), height: a.body.readUInt32BE(20) }).toEqual(THUMBNAIL_SIZE);
  expect(a.spki).toBe(host.spki);
  const b = await get('cdn-uploads.huggingface.co', '/production/uploads/abc/x.jpg');
  expect(b.status).toBe(200);
  expect(
    (await get('cdn-uploads.huggingface.co', '/x.png', { 'if-none-match': String(a.headers['etag']) })).status,
  ).toBe(304);
  expect(host.served.images).toBe(3);
});

test('anything else is a 404: another host, a path that is not an image', async () => {
  expect((await get('huggingface.co', '/social-thumbnails/papers/2608.05987.png')).status).toBe(404);
  expect((await get('cdn-thumbnails.huggingface.co', '/social-thumbnails/papers/')).status).toBe(404);
  expect((await get('cdn-thumbnails.huggingface.co', '/video.mp4')).status).toBe(404);
  expect(host.served.notFound).toBe(3);
});

test('closed, it listens no more', async () => {
  const { port } = host;
  await host.close();
  await expect(get('cdn-thumbnails.huggingface.co', '/a.png')).rejects.toThrow(/ECONNREFUSED/);
  host = { ...host, port, close: async () => undefined };
});
