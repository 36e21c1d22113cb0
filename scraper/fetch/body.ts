// Reading an answer's body without trusting its size. Node's fetch undoes gzip and the like as
// the body streams in, so the bytes counted here are decoded bytes: a few KB of gzip that unpack
// to gigabytes stop at the bound like a plain 200 MB page does, and memory never holds more
// than the bound.
import { formatBytes } from './limits.ts';
import { TooLargeError } from './retry.ts';

const IDENTITY = new Set(['', 'identity']);

/** The error for an answer over `maxBytes`. */
export function tooLarge(url: string, maxBytes: number, what = 'once decoded'): TooLargeError {
  return new TooLargeError(
    `${url}: the answer is larger than ${formatBytes(maxBytes)} ${what} (the bound on one page): not read further`,
  );
}

/**
 * Whether the headers already say the body is over the bound. Only an unencoded length says so:
 * a compressed length says nothing about the decoded size.
 */
export function declaredTooLarge(headers: Headers, maxBytes: number): boolean {
  const length = Number(headers.get('content-length') ?? Number.NaN);
  const encoding = (headers.get('content-encoding') ?? '').trim().toLowerCase();
  return IDENTITY.has(encoding) && Number.isFinite(length) && length > maxBytes;
}

/** The body as UTF-8 text, read until it ends or passes `maxBytes` (then TooLargeError, and the rest is not read). */
export async function readBounded(res: Response, url: string, maxBytes: number): Promise<string> {
  if (declaredTooLarge(res.headers, maxBytes)) {
    await res.body?.cancel().catch(() => {});
    throw tooLarge(url, maxBytes, `(content-length ${res.headers.get('content-length')})`);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(url, maxBytes);
    }
    chunks.push(value);
  }
  // As Response.text() decodes: UTF-8, a byte-order mark dropped.
  return new TextDecoder().decode(Buffer.concat(chunks, total));
}
