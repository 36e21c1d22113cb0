// `npm start`: builds the archive in $PAPERS_CONTENT (default ./content) into dist/ with Astro,
// search index included, then serves it with `papers serve` on http://localhost:4321 (or
// --port) and prints the URL.
//   node scripts/site/start.ts [--port 4321] [--host 127.0.0.1] [--no-build]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { main as papers, quietOnClosedPipe } from '../../scraper/cli/main.ts';
import { REPO_ROOT } from '../../scraper/repo.ts';
import { siteOptions } from '../../site/lib/options.ts';

async function start(): Promise<number> {
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
    await build({ root: REPO_ROOT });
  }
  const args = ['serve', path.join(REPO_ROOT, 'dist')];
  if (values.port) args.push('--port', values.port);
  if (values.host) args.push('--host', values.host);
  quietOnClosedPipe();
  return papers(args, { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
}

start().then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    process.stderr.write(`start: ${e.message}\n`);
    process.exitCode = 1;
  },
);
