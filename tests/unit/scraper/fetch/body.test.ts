// Reading a body up to the bound, on in-process streams: a body over the bound fails with a
// reason and is not read further, whatever its headers claim; a declared unencoded length over
// the bound fails before reading; text is decoded as Response.text() would.
import { describe, expect, it } from 'vitest';
import { declaredTooLarge, readBounded } from '../../../../scraper/fetch/body.ts';
import { DEFAULT_MAX_PAGE_BYTES, formatBytes } from '../../../../scraper/fetch/limits.ts';
import { TooLargeError } from '../../../../scraper/fetch/retry.ts';

const URL_ = 'https://huggingface.co/papers/date/2026-08-07';

/** A body of `chunks` chunks of `size` bytes, made as they are read; `pulled` counts them. */
function endless(chunks: number, size: number) {
  const state = { pulled: 0, cancelled: false };
  const chunk = new Uint8Array(size).fill(0x61);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === chunks) return controller.close();
      state.pulled++;
      controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { body, state };
}

describe('reading a body up to the bound', () => {
  it('reads a body under the bound as UTF-8 text, without a byte-order mark', async () => {
    const res = new Response(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('<html>é</html>')]));
    expect(await readBounded(res, URL_, 100)).toBe('<html>é</html>');
  });

  it('stops at the bound and cancels the rest: the body is never read whole', async () => {
    const { body, state } = endless(1000, 64 * 1024); // 64 MB offered
    const error = await readBounded(new Response(body), URL_, 1_000_000).catch((e) => e);
    expect(error).toBeInstanceOf(TooLargeError);
    expect(error).toMatchObject({
      retryable: false,
      message: `${URL_}: the answer is larger than 1 MB once decoded (the bound on one page): not read further`,
    });
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(20);
  });

  it('refuses at once a body whose unencoded content-length is over the bound', async () => {
    const { body, state } = endless(10, 1024);
    const res = new Response(body, { headers: { 'content-length': '2000000' } });
    await expect(readBounded(res, URL_, 1_000_000)).rejects.toThrow('(content-length 2000000)');
    expect(state.pulled).toBeLessThanOrEqual(1);
    // A compressed length says nothing about the decoded size.
    expect(declaredTooLarge(new Headers({ 'content-length': '2000000', 'content-encoding': 'gzip' }), 1_000_000)).toBe(
      false,
    );
    expect(declaredTooLarge(new Headers({ 'content-length': '2000000' }), 1_000_000)).toBe(true);
  });

  it('bounds pages at 20 MB by default', () => {
    expect(DEFAULT_MAX_PAGE_BYTES).toBe(20_000_000);
    expect(formatBytes(DEFAULT_MAX_PAGE_BYTES)).toBe('20 MB');
    expect(formatBytes(1_500)).toBe('1.5 KB');
  });
});
