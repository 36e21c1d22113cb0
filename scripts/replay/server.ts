// The replay server: a local stand-in for huggingface.co's Daily Papers (listing pages, paper
// pages, the JSON API), with switchable faults, rate-limit headers and an optional WAF challenge.
// This file is the I/O edge: it owns sockets, timers and the mutable state; the answers come from
// plain functions in the other modules.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from '../../scraper/repo.ts';
import { FIXTURE_DAYS_DIR } from '../fixtures/hf-days.ts';
import { type Answer, errorAnswer, htmlAnswer } from './answer.ts';
import { paddedAnswer } from './big-bodies.ts';
import { isDate } from './calendar.ts';
import { control } from './control.ts';
import { buildSite, type Days, loadDaysDir, type Site } from './days.ts';
import { canonicalAnswer, canonicalOrigin, loopAnswer } from './edge.ts';
import {
  type CountedFault,
  consume,
  type FaultConfig,
  isDownDay,
  parseFaultConfig,
  pathMatches,
  type RequestClass,
} from './faults.ts';
import { type Bucket, DEFAULT_POLICIES, pruneTimes, rateDecision } from './rate-limit.ts';
import { classify, requestDate, route } from './routes.ts';
import { send } from './send.ts';
import type { ReplayOptions, ReplayServer, RequestLogEntry } from './types.ts';
import { challengePage, cookieValue, createWaf, isValidToken, newNonce, puzzlePage, WAF_COOKIE } from './waf.ts';

export type { FaultConfig } from './faults.ts';
export type { ReplayOptions, ReplayServer, RequestLogEntry } from './types.ts';

export const DEFAULT_DAYS_DIR = FIXTURE_DAYS_DIR;

function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startReplayServer(options: ReplayOptions = {}): Promise<ReplayServer> {
  if (options.today !== undefined && !isDate(options.today)) throw new Error(`today: not a date: ${options.today}`);
  const days: Days = options.days
    ? new Map(options.days)
    : await loadDaysDir(path.resolve(REPO_ROOT, options.daysDir ?? DEFAULT_DAYS_DIR));
  let fixedToday = options.today;
  let site: Site = buildSite(days, fixedToday);
  let faults: FaultConfig = parseFaultConfig(options.faults ?? {});
  const wafOn = options.waf ?? false;
  const waf = createWaf();
  const requests: RequestLogEntry[] = [];
  const hits = new Map<string, number[]>();
  const timers = new Set<NodeJS.Timeout>();

  /** Runs a counted fault down if it matches; returns its settings as they were when it fired. */
  function take<K extends CountedFault>(kind: K, target: string, cls: RequestClass): FaultConfig[K] | undefined {
    const before = faults[kind];
    const { fired, next } = consume(faults, kind, target, cls);
    faults = next;
    return fired ? before : undefined;
  }

  function delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });
  }

  function rate(ip: string, bucket: Bucket, now: number, count: boolean) {
    const key = `${ip} ${bucket}`;
    const limit = faults.rateLimit;
    const policy = limit
      ? { quota: limit.limit, windowMs: limit.windowMs }
      : { ...DEFAULT_POLICIES[bucket], quota: options.quota?.[bucket] ?? DEFAULT_POLICIES[bucket].quota };
    const times = pruneTimes(hits.get(key) ?? [], now, Math.max(policy.windowMs, DEFAULT_POLICIES[bucket].windowMs));
    const decision = rateDecision(bucket, times, now, policy, {
      count,
      enforce: limit !== undefined,
      retryAfterSeconds: limit?.retryAfterSeconds,
    });
    hits.set(key, decision.record ? [...times, now] : times);
    return decision;
  }

  /** What the edge answers before the site sees the request: a canonical redirect, a loop. */
  function edge(req: IncomingMessage, target: string, cls: RequestClass, entry: RequestLogEntry): Answer | undefined {
    const host = req.headers.host ?? '';
    const canonical = faults.canonicalRedirect;
    if (canonical && (canonical.paths === undefined || pathMatches(canonical.paths, target, cls))) {
      const moved = canonicalAnswer(host, target, canonicalOrigin(canonical.to, port), canonical.status);
      if (moved) {
        entry.fault = 'canonicalRedirect';
        return moved;
      }
    }
    if (take('redirectLoop', target, cls)) {
      entry.fault = 'redirectLoop';
      return loopAnswer(host, target, port);
    }
    return undefined;
  }

  /** The answer to a site request, faults included. */
  async function answer(
    req: IncomingMessage,
    url: URL,
    entry: RequestLogEntry,
  ): Promise<{ answer: Answer; truncate: boolean }> {
    const target = url.pathname + url.search;
    const cls = classify(url.pathname);
    const api = cls === 'api';
    const bucket: Bucket = api ? 'api' : 'pages';

    const slow = take('slow', target, cls);
    if (slow) await delay(slow.delayMs);
    const now = Date.now();
    const moved = edge(req, target, cls, entry);
    if (moved) return { answer: moved, truncate: false };

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return { answer: errorAnswer(api, 405, 'Method Not Allowed', { allow: 'GET, HEAD' }), truncate: false };
    }

    // The WAF sits in front of the site: a challenged request never reaches the site's limits.
    const listingPage = cls === 'page' && url.pathname.startsWith('/papers');
    const blocked = listingPage ? faults.blockPages?.status : undefined;
    if (blocked === 403) {
      entry.fault = 'blockPages';
      return {
        answer: htmlAnswer(403, '<!doctype html><title>403 Forbidden</title><h1>403 Forbidden</h1>'),
        truncate: false,
      };
    }
    const challenged =
      blocked === 202 || (wafOn && listingPage && !isValidToken(waf, cookieValue(req.headers.cookie, WAF_COOKIE)));
    const limits = rate(entry.ip, bucket, now, cls !== 'asset' && !challenged);
    const withLimits = (a: Answer): Answer => ({ ...a, headers: { ...limits.headers, ...a.headers } });

    if (challenged) {
      entry.fault = blocked ? 'blockPages' : 'waf';
      return {
        answer: withLimits(
          htmlAnswer(202, blocked ? puzzlePage() : challengePage(newNonce()), {
            'x-amzn-waf-action': 'challenge',
            'cache-control': 'no-store, max-age=0',
          }),
        ),
        truncate: false,
      };
    }
    if (limits.limited) {
      entry.fault = 'rateLimit';
      return { answer: withLimits(errorAnswer(api, 429, 'Too Many Requests')), truncate: false };
    }
    const tooMany = take('tooManyRequests', target, cls);
    if (tooMany) {
      entry.fault = 'tooManyRequests';
      const retry = String(tooMany.retryAfterSeconds);
      const bucketName = limits.headers['ratelimit-policy']!.split(';')[0];
      return {
        answer: withLimits(
          errorAnswer(api, 429, 'Too Many Requests', {
            'retry-after': retry,
            ratelimit: `${bucketName};r=0;t=${retry}`,
          }),
        ),
        truncate: false,
      };
    }
    const broken = take('serverError', target, cls);
    if (broken) {
      entry.fault = 'serverError';
      const status = broken.status ?? 500;
      return {
        answer: withLimits(errorAnswer(api, status, status === 503 ? 'Service Unavailable' : 'Internal Error')),
        truncate: false,
      };
    }
    if (cls !== 'asset' && isDownDay(faults, requestDate(url))) {
      entry.fault = 'downDays';
      // No Retry-After: the day is down for good, and a client that honours one would only wait.
      return { answer: withLimits(errorAnswer(api, 503, 'Service Unavailable')), truncate: false };
    }
    const normal = withLimits(route(site, url, faults, waf));
    for (const kind of ['gzipBomb', 'hugePage'] as const) {
      const big = take(kind, target, cls);
      if (big) {
        entry.fault = kind;
        return { answer: paddedAnswer(normal, big.bytes, kind === 'gzipBomb'), truncate: false };
      }
    }
    const truncate = take('truncate', target, cls) !== undefined;
    if (truncate) entry.fault = 'truncate';
    return { answer: normal, truncate };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    } catch {
      url = new URL(req.url ?? '/', 'http://localhost'); // a Host header that is not a host
    }
    // The server's own controls are not part of the fake site: not logged, never faulted.
    if (url.pathname.startsWith('/__replay/')) {
      const a = await control(req, url, {
        faults: () => faults,
        setFaults: (f) => {
          faults = f;
        },
        requests,
      });
      return send(req, res, a, { truncate: false, onBytes: () => {} });
    }

    const entry: RequestLogEntry = {
      at: Date.now(),
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      status: 0,
      ms: 0,
      ip: req.socket.remoteAddress ?? '',
    };
    if (req.headers.cookie !== undefined) entry.cookie = req.headers.cookie;
    if (req.headers['user-agent'] !== undefined) entry.userAgent = req.headers['user-agent'];
    requests.push(entry);

    let result: { answer: Answer; truncate: boolean };
    try {
      result = await answer(req, url, entry);
    } catch (e) {
      result = {
        answer: errorAnswer(classify(url.pathname) === 'api', 500, `replay server error: ${String(e)}`),
        truncate: false,
      };
    }
    if (res.destroyed) return;
    // Logged before the bytes leave, so a client that has its answer always finds it in the log.
    entry.status = result.answer.status;
    entry.ms = Math.round((performance.now() - started) * 10) / 10;
    send(req, res, result.answer, {
      truncate: result.truncate,
      onBytes: (n) => {
        entry.bytes = n;
      },
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`replay server error: ${String(e)}`);
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${urlHost(host)}:${port}`,
    faults: {
      set(f: FaultConfig) {
        faults = parseFaultConfig(f);
      },
      clear() {
        faults = {};
      },
      get() {
        return structuredClone(faults);
      },
    },
    requests,
    setDay(date: string, items: unknown[] | null) {
      if (!isDate(date)) throw new Error(`setDay: not a date: ${date}`);
      if (items === null) days.delete(date);
      else days.set(date, [...items]);
      site = buildSite(days, fixedToday);
    },
    setToday(date: string | undefined) {
      if (date !== undefined && !isDate(date)) throw new Error(`setToday: not a date: ${date}`);
      fixedToday = date;
      site = buildSite(days, fixedToday);
    },
    summary() {
      return {
        days: site.dates.length,
        first: site.dates[0] ?? null,
        last: site.dates.at(-1) ?? null,
        today: site.today,
      };
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
