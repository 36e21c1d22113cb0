// serve.mjs of a packed archive, for those who would rather browse the copy over http than from
// disk: `papers pack` bundles this file with the server of `papers serve` (../serve.ts) into one
// file that needs Node.js alone (disk-copy.ts, serveScript), so that both servers are one code
// and refuse the same things. Run from anywhere, it serves the folder it sits in, on this
// machine only:
//   node serve.mjs [port]        (else $PORT, else 8000; 0 picks a free one)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../serve.ts';

const HOST = '127.0.0.1';

/** The port from the command line, else the environment, else 8000; null when it is no port. */
function portOf(argv: readonly string[], env: NodeJS.ProcessEnv): { port: number } | { bad: string } {
  const given = argv[0] ?? (env['PORT'] || '8000');
  const port = Number(given);
  return /^\d{1,5}$/.test(given) && port <= 65535 ? { port } : { bad: given };
}

function run(): void {
  const chosen = portOf(process.argv.slice(2), process.env);
  if ('bad' in chosen) {
    console.error(`serve.mjs: the port must be a number from 0 to 65535, not ${JSON.stringify(chosen.bad)}`);
    process.exit(2);
  }
  const root = path.dirname(fileURLToPath(import.meta.url));
  serveStatic({
    root,
    port: chosen.port,
    host: HOST,
    otherPort: (port) => `, e.g. node serve.mjs ${port >= 1024 && port < 65535 ? port + 1 : 8000}`,
  }).then(
    (server) => console.log(`Serving ${root} at http://${HOST}:${server.port}/  (Ctrl-C to stop)`),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}

run();
