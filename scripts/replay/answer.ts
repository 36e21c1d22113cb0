// An HTTP answer as data, so that routes and faults are plain functions and only the server
// touches sockets.
import { page } from './html.ts';

/**
 * A body made as it is sent, for answers too large to hold (the `hugePage` and `gzipBomb`
 * faults): the server writes the chunks with backpressure and stops when the client goes away.
 */
export type StreamedBody = { chunks: () => Iterable<Buffer>; gzip: boolean };

export type Answer = {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer | StreamedBody;
};

export const HTML = 'text/html; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';

export function htmlAnswer(status: number, body: string, headers: Record<string, string> = {}): Answer {
  return { status, headers: { 'content-type': HTML, ...headers }, body };
}

export function jsonAnswer(status: number, value: unknown, headers: Record<string, string> = {}): Answer {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

/** Express's redirect, which the site's front server is: a short text body naming the target. */
export function redirectAnswer(location: string, status = 302): Answer {
  return {
    status,
    headers: { location, 'content-type': 'text/plain; charset=utf-8', vary: 'Accept' },
    body: `${status === 302 ? 'Found' : 'Moved Permanently'}. Redirecting to ${location}`,
  };
}

function errorPage(status: number, heading: string, text: string): string {
  return page({
    title: `${heading} – Hugging Face`,
    description:
      "We're on a journey to advance and democratize artificial intelligence through open source and open science.",
    path: '/404',
    bodyClass: 'ErrorPage',
    main:
      `<div class="container flex flex-1 flex-col items-center justify-center py-24 text-center">` +
      `<h1 class="text-5xl font-bold">${status}</h1><p class="mt-4 text-lg text-gray-500">${text}</p></div>`,
  });
}

export function notFoundPage(): Answer {
  return htmlAnswer(404, errorPage(404, '404', 'Sorry, we can&#39;t find the page you are looking for.'));
}

/** An error answer shaped for the kind of request: JSON for the API, a page otherwise. */
export function errorAnswer(
  api: boolean,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): Answer {
  return api
    ? jsonAnswer(status, { error: message }, headers)
    : htmlAnswer(status, errorPage(status, String(status), message), headers);
}
