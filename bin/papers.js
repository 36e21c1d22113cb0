#!/usr/bin/env node
// The `papers` command. The archive's code runs on Node.js 24 (pinned by the `node` dev
// dependency); `npm run papers` and `npx papers` put that Node first on PATH. Started any other
// way on an older Node, this re-runs itself with the pinned one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'scraper', 'cli', 'main.ts');
const major = Number(process.versions.node.split('.')[0]);

if (major >= 24) {
  const { main, quietOnClosedPipe } = await import(pathToFileURL(entry).href);
  quietOnClosedPipe();
  const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
  try {
    process.exitCode = await main(process.argv.slice(2), io);
  } catch (e) {
    process.stderr.write(`papers: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  }
} else {
  const pinned = join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(pinned)) {
    process.stderr.write(
      `papers: needs Node.js 24 or newer (this is ${process.version}); run 'npm ci' in ${root} to install the pinned one\n`,
    );
    process.exit(1);
  }
  const result = spawnSync(pinned, [entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
