// Writing an answer to the socket: whole, cut off halfway (the `truncate` fault), or streamed
// as it is made (the `hugePage` and `gzipBomb` faults), with backpressure, stopping as soon as
// the client goes away.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { Answer, StreamedBody } from './answer.ts';
import { cutOffset } from './truncate.ts';

const BASE_HEADERS = {
  'x-powered-by': 'huggingface-moon',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
};

/** Resolves when `out` can take more, or the client has gone (then true). */
function drainedOrGone(out: Writable, res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (gone: boolean) => {
      out.off('drain', onDrain);
      res.off('close', onClose);
      resolve(gone);
    };
    const onDrain = () => done(false);
    const onClose = () => done(true);
    out.once('drain', onDrain);
    res.once('close', onClose);
  });
}

/** Writes `body`; `onBytes` hears the running count of body bytes made (before any gzip). */
async function stream(res: ServerResponse, body: StreamedBody, onBytes: (n: number) => void): Promise<void> {
  const gzip = body.gzip ? createGzip() : null;
  gzip?.pipe(res);
  const out: Writable = gzip ?? res;
  res.once('close', () => gzip?.destroy());
  let made = 0;
  for (const chunk of body.chunks()) {
    if (res.destroyed) return;
    made += chunk.length;
    onBytes(made);
    if (!out.write(chunk) && (await drainedOrGone(out, res))) return;
  }
  out.end();
}

export type SendOptions = {
  /** Send half the body with the full content-length, then destroy the socket. */
  truncate: boolean;
  onBytes: (n: number) => void;
};

export function send(req: IncomingMessage, res: ServerResponse, a: Answer, options: SendOptions): void {
  const head = { ...BASE_HEADERS, 'x-request-id': randomUUID(), ...a.headers };
  if (typeof a.body !== 'string' && !Buffer.isBuffer(a.body)) {
    res.writeHead(a.status, head); // no content-length: chunked, as a body made on the fly is
    if (req.method === 'HEAD') res.end();
    else void stream(res, a.body, options.onBytes).catch(() => res.destroy());
    return;
  }
  const body = typeof a.body === 'string' ? Buffer.from(a.body, 'utf8') : a.body;
  res.writeHead(a.status, { ...head, 'content-length': String(body.length) });
  if (req.method === 'HEAD') {
    res.end();
  } else if (!options.truncate) {
    res.end(body);
  } else {
    // The full length is promised, half is sent, then the connection dies: what a dropped
    // connection looks like to the client.
    res.write(body.subarray(0, cutOffset(body, a.headers['content-type'])), () => res.destroy());
  }
}
