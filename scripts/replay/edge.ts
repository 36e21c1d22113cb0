// What the site's edge does before a request reaches the site: send it to the canonical origin
// (the `canonicalRedirect` fault), or round in a loop (`redirectLoop`). Plain functions of the
// request's host and path; the server decides when they apply.
import { type Answer, redirectAnswer } from './answer.ts';

/** The origin `to` names: an origin as given, or a host name on `port`. */
export function canonicalOrigin(to: string, port: number): URL {
  return /^https?:\/\//.test(to) ? new URL(to) : new URL(`http://${to}:${port}`);
}

/** A 301 (or `status`) to the same path and query on `to`, unless the request came there already. */
export function canonicalAnswer(requestHost: string, target: string, to: URL, status = 301): Answer | undefined {
  if (requestHost.toLowerCase() === to.host.toLowerCase()) return undefined;
  return redirectAnswer(`${to.origin}${target}`, status);
}

/** A 301 to the same path on the other loopback name of this server: 127.0.0.1 ↔ localhost. */
export function loopAnswer(requestHost: string, target: string, port: number): Answer {
  const other = requestHost.toLowerCase().startsWith('127.0.0.1') ? 'localhost' : '127.0.0.1';
  return redirectAnswer(`http://${other}:${port}${target}`, 301);
}
