// `npm start`: builds the archive in $PAPERS_CONTENT (default ./content) into dist/ with Astro,
// search index included, then serves it on http://localhost:4321 (or --port) and prints the URL.
//   node scripts/site/start.ts [--port 4321] [--host 127.0.0.1] [--no-build]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { REPO_ROOT as ROOT } from '../../scraper/repo.ts';
import { siteOptions } from '../../site/lib/options.ts';
import { serveFromCommandLine } from './serve.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const options = siteOptions(); // a bad PAPERS_* value stops here, named
  if (!values['no-build']) {
    process.stdout.write(`Building the archive in ${options.contentDir}\n`);
    await build({ root: ROOT });
  }
  const args = ['--dir', path.join(ROOT, 'dist')];
  if (values.port) args.push('--port', values.port);
  if (values.host) args.push('--host', values.host);
  const server = await serveFromCommandLine(args, process.env);
  process.stdout.write(`\nThe archive is served at ${server.url}  (Ctrl-C to stop)\n`);
}

main().catch((e: Error) => {
  process.stderr.write(`start: ${e.message}\n`);
  process.exit(1);
});
