// A stand-in for Hugging Face's image hosts, for the Lighthouse bench (lighthouse-bench.ts): the
// audits run offline, and a card's thumbnail that cannot load is an error in the console, which
// costs the pages with cards their best-practices score although online the image loads. So the
// audited Chromium is sent here for exactly those hosts (site/lib/thumbnails.ts), over HTTPS on
// 127.0.0.1 as the real ones are over HTTPS, and gets one PNG made in code (png.ts) of a social
// thumbnail's size for every path the site would load (thumbnailSrc), with a CDN's cache headers;
// anything else is a 404. The certificate is self-signed, made at run time by the `openssl`
// command (Debian installs it with ca-certificates; a missing one is an error that says so),
// weighed against the npm package `selfsigned`: a dependency, and node-forge with it, for one
// certificate a bench run; Node makes keys but no certificates. Its files are read and removed
// at once. Chromium trusts it by the hash of its public key alone (chromeFlags in
// lighthouse-bench.ts), not by turning certificate errors off.
import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { Socket } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { THUMBNAIL_HOSTS, thumbnailSrc } from '../../site/lib/thumbnails.ts';
import { THUMBNAIL_SIZE, thumbnailPng } from './png.ts';

export type ThumbnailHost = {
  port: number;
  /** Base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo, as Chromium's SPKI list takes it. */
  spki: string;
  hosts: readonly string[];
  /** The PNG served: its size and bytes. */
  image: { width: number; height: number; bytes: number };
  /** Requests answered with the image, and with 404. */
  served: { images: number; notFound: number };
  close: () => Promise<void>;
};

/** A fresh key and self-signed certificate for the hosts, made in `dir`, read, and removed with `dir`. */
async function selfSigned(dir: string, hosts: readonly string[]): Promise<{ key: Buffer; cert: Buffer }> {
  await mkdir(dir, { recursive: true });
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  try {
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      `/CN=${hosts[0]}`,
      '-addext',
      `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
    ]);
    return { key: await readFile(key), cert: await readFile(cert) };
  } catch (e) {
    throw new Error(`the thumbnail stand-in needs openssl to make its certificate: ${(e as Error).message}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What Chromium's --ignore-certificate-errors-spki-list takes for a certificate. */
export function spkiHash(certPem: Buffer | string): string {
  const der = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

/** Starts the stand-in on 127.0.0.1, a free port; its certificate's files are made under `dir` and gone on return. */
export async function startThumbnailHost(dir: string): Promise<ThumbnailHost> {
  const hosts = [...THUMBNAIL_HOSTS];
  const tls = await selfSigned(dir, hosts);
  const image = thumbnailPng();
  // Made now, sent with every image, as a CDN sends the time its copy was stored.
  const lastModified = new Date().toUTCString();
  const etag = `"${createHash('sha256').update(image).digest('hex').slice(0, 32)}"`;
  const served = { images: 0, notFound: 0 };
  const answer = (req: Http2ServerRequest, res: Http2ServerResponse): void => {
    const host = (req.headers[':authority'] ?? req.headers.host ?? '').replace(/:\d+$/, '');
    const wanted = (req.method === 'GET' || req.method === 'HEAD') && thumbnailSrc(`https://${host}${req.url}`);
    if (!wanted) {
      served.notFound += 1;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end('Not found\n');
      return;
    }
    served.images += 1;
    const headers = { 'cache-control': 'public, max-age=86400', etag, 'last-modified': lastModified };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': 'image/png', 'content-length': image.length });
    if (req.method === 'HEAD') res.end();
    else res.end(image);
  };
  // HTTP/2 as the CDN speaks it, HTTP/1.1 for a client that asks for no more.
  const server = createSecureServer({ ...tls, allowHTTP1: true }, answer);
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the thumbnail stand-in has no port');
  return {
    port: address.port,
    spki: spkiHash(tls.cert),
    hosts,
    image: { ...THUMBNAIL_SIZE, bytes: image.length },
    served,
    close: async () => {
      // The browser keeps its connections open: they are cut, or close() would wait for them.
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
