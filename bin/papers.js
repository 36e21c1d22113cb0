#!/usr/bin/env node
// The `papers` command. The archive's code runs on Node.js 24 (pinned by the `node` dev
// dependency); `npm run papers` and `npx papers` put that Node first on PATH. Started any other
// way on an older Node, this re-runs itself with the pinned one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'scraper', 'cli', 'main.ts');
const major = Number(process.versions.node.split('.')[0]);

if (major >= 24) {
  // V8's compiled code for the command's modules, kept on disk between runs (as astro keeps
  // its own): a start takes 0.08 s of CPU instead of 0.15 s. $NODE_COMPILE_CACHE moves it,
  // $NODE_DISABLE_COMPILE_CACHE turns it off.
  module.enableCompileCache?.();
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
  // This launcher again, so the pinned Node starts the command as above (compile cache included).
  const result = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
