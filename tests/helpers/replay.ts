// Shared by the replay server's tests: a server per test file, and small HTTP helpers.
import * as cheerio from 'cheerio';
import { afterAll, beforeAll } from 'vitest';
import { type ReplayOptions, type ReplayServer, startReplayServer } from '../../scripts/replay/server.ts';

/** A replay server started before the file's tests and closed after them. */
export function replayServer(options: ReplayOptions = {}): { readonly server: ReplayServer; readonly url: string } {
  let server: ReplayServer | undefined;
  beforeAll(async () => {
    server = await startReplayServer(options);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('replay server not started');
      return server;
    },
    get url() {
      if (!server) throw new Error('replay server not started');
      return server.url;
    },
  };
}

/**
 * The pacing of a run against the replay server, fast: 100 pages and API requests a second, and
 * retries at once (the replay server's faults, not the clock, are what such tests are about).
 */
export const FAST_PACING = ['--rate', '6000', '--api-rate', '6000', '--backoff', '0'] as const;

export async function get(
  url: string,
  init: { cookie?: string; redirect?: RequestRedirect } = {},
): Promise<{ status: number; headers: Headers; text: string }> {
  const res = await fetch(url, {
    redirect: init.redirect ?? 'manual',
    headers: init.cookie ? { cookie: init.cookie } : {},
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

export async function getJson(url: string): Promise<{ status: number; headers: Headers; body: any }> {
  const r = await get(url);
  return { status: r.status, headers: r.headers, body: JSON.parse(r.text) };
}

/** The decoded props of an island, or undefined when it has none. */
export function islandProps(html: string, target: string): any {
  const attr = cheerio.load(html)(`.SVELTE_HYDRATER[data-target="${target}"]`).attr('data-props');
  return attr === undefined ? undefined : JSON.parse(attr);
}

export function withUpvoted(items: unknown[]): unknown[] {
  return items.map((i) => ({ ...(i as object), upvoted: false }));
}
