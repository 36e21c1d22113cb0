#!/usr/bin/env node
// The `papers` command. The archive's code runs on Node.js 24 (pinned by the `node` dev
// dependency); `npm run papers` and `npx papers` put that Node first on PATH. Started any other
// way on an older Node, this re-runs itself with the pinned one.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'scraper', 'cli', 'main.ts');
const major = Number(process.versions.node.split('.')[0]);
/** Signals the command run as a child gets as they come: stopping it, asking it to stop, a resized terminal. */
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2', 'SIGWINCH'];

if (major >= 24) {
  // V8's compiled code for the command's modules, kept on disk between runs (as astro keeps
  // its own): a start takes 0.08 s of CPU instead of 0.15 s. $NODE_COMPILE_CACHE moves it,
  // $NODE_DISABLE_COMPILE_CACHE turns it off.
  module.enableCompileCache?.();
  // Run by the launcher below (a Node older than 24 started it): should the launcher be killed
  // outright (SIGKILL, which it cannot pass on), the command stops as it does on SIGTERM.
  const launcher = Number(process.env['PAPERS_LAUNCHER_PID']);
  if (launcher > 0) {
    delete process.env['PAPERS_LAUNCHER_PID'];
    setInterval(() => {
      if (process.ppid !== launcher) process.kill(process.pid, 'SIGTERM');
    }, 1000).unref();
  }
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
  const child = spawn(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    // A session of its own, so that every signal reaches it once, from here: a terminal's Ctrl-C
    // reaches this launcher's process group alone, and a second SIGINT would cut short the
    // command's own clean stop. Its output is still the terminal's.
    detached: true,
    env: { ...process.env, PAPERS_LAUNCHER_PID: String(process.pid) },
  });
  const forward = (signal) => () => child.kill(signal);
  const handlers = new Map(FORWARDED.map((signal) => [signal, forward(signal)]));
  // Ctrl-Z: the command stops with the launcher, and goes on with it (fg, bg). SIGSTOP, as a
  // session with no terminal discards SIGTSTP.
  handlers.set('SIGTSTP', () => {
    child.kill('SIGSTOP');
    process.kill(process.pid, 'SIGSTOP');
  });
  handlers.set('SIGCONT', () => child.kill('SIGCONT'));
  for (const [signal, handler] of handlers) process.on(signal, handler);
  child.on('error', (e) => {
    process.stderr.write(`papers: could not start ${pinned}: ${e.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const [name, handler] of handlers) process.off(name, handler);
    // Ended by a signal: this launcher ends by the same one, so its caller sees what happened.
    if (signal) {
      process.kill(process.pid, signal);
      setTimeout(() => process.exit(128 + (os.constants.signals[signal] ?? 0)), 100).unref();
    } else process.exit(code ?? 1);
  });
}
