// serve.mjs of a packed archive (`papers pack` copies this file into it): for those who would
// rather browse the copy over http than from disk. Node.js alone, no package, no network: it
// serves the folder it sits in on this machine only, folders through their index.html.
//
//   node serve.mjs [port]        (default 8000; 0 picks a free one)
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.argv[2] ?? process.env.PORT ?? 8000);
// The archive's media types (scraper/offline/media-types.ts), written in by `papers pack`.
const TYPES = /* media types */ {};

function fileFor(urlPath) {
  let relative;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.join(root, path.normalize(`/${relative}`));
  if (!file.startsWith(root)) return null;
  try {
    const stat = statSync(file);
    if (stat.isDirectory())
      return statSync(path.join(file, 'index.html')).isFile() ? path.join(file, 'index.html') : null;
    return stat.isFile() ? file : null;
  } catch {
    return null;
  }
}

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const file = fileFor(url.pathname);
  if (!file) {
    response.writeHead(404, { 'content-type': TYPES['.html'] ?? 'text/html' });
    createReadStream(path.join(root, '404.html'))
      .on('error', () => response.end('Not found'))
      .pipe(response);
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
server.on('error', (error) => {
  console.error(
    error.code === 'EADDRINUSE' ? `port ${port} is in use: give another, e.g. node serve.mjs 8001` : error.message,
  );
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  console.log(`Serving ${root} at http://127.0.0.1:${server.address().port}/  (Ctrl-C to stop)`);
});
