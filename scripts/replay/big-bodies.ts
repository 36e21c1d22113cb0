// Answers too large to hold in memory, made as they are sent: the `hugePage` fault (a page padded
// to any size) and the `gzipBomb` (the same, gzipped on the fly: whitespace compresses about
// 1000:1, so 200 MB decoded is about 200 KB on the wire). A client that stops reading stops the
// server making more, so a test of a 200 MB page costs what the client reads.
import type { Answer, StreamedBody } from './answer.ts';

// Whitespace: filler that leaves both an HTML page and a JSON answer valid.
const FILL = Buffer.alloc(64 * 1024, 0x20);

/** `answer`, padded to `bytes` (HTML: before </body>; anything else: at the end). */
export function paddedAnswer(answer: Answer, bytes: number, gzip: boolean): Answer {
  if (typeof answer.body !== 'string' && !Buffer.isBuffer(answer.body)) return answer;
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
  const html = answer.headers['content-type']?.startsWith('text/html') === true;
  const at = html && body.lastIndexOf('</body>') >= 0 ? body.lastIndexOf('</body>') : body.length;
  const fill = Math.max(0, bytes - body.length);
  const streamed: StreamedBody = {
    gzip,
    *chunks() {
      yield body.subarray(0, at);
      for (let left = fill; left > 0; left -= FILL.length) yield left >= FILL.length ? FILL : FILL.subarray(0, left);
      yield body.subarray(at);
    },
  };
  return {
    status: answer.status,
    headers: { ...answer.headers, ...(gzip ? { 'content-encoding': 'gzip' } : {}) },
    body: streamed,
  };
}
