// Runs the `papers` command two ways: as a child process, as a user or CI would (runPapers), and
// in this process through main() (runMain), which asserts the same exit codes and output in a
// fraction of the time. A few child-process tests prove the wiring; the rest run in process.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { onTestFinished } from 'vitest';
import { main } from '../../scraper/cli/main.ts';
import { REPO_ROOT } from '../../scraper/repo.ts';

export const PAPERS_BIN = path.join(REPO_ROOT, 'bin/papers.js');

export type CliResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

type RunOptions = { env?: Record<string, string>; cwd?: string };

/**
 * Stops a command the test did not see end (a test that timed out, or failed before awaiting
 * it), with whatever it started (its process group: its Chromium, its git…): a test never leaves
 * a scrape and its browser running behind it.
 */
function stopWithTest(child: ChildProcess): void {
  try {
    onTestFinished(() => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Gone already.
      }
    });
  } catch {
    // Started from a hook, not a test: the hook's file stops what it starts.
  }
}

export function runPapers(args: string[], { env = {}, cwd = REPO_ROOT }: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const base: NodeJS.ProcessEnv = { ...process.env, CI: '1' };
    delete base['PAPERS_CONTENT'];
    const child = spawn(process.execPath, [PAPERS_BIN, ...args], {
      cwd,
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so that stopWithTest can stop it and everything under it.
      detached: true,
    });
    stopWithTest(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** A stream that keeps what is written to it; `isTTY` as a terminal or a pipe would say. */
export function captureStream(isTTY = false): Writable & { isTTY: boolean; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return Object.assign(stream, { isTTY, text: () => text });
}

/**
 * `papers …` in this process. The environment is only what is given, plus CI=1 (progress as
 * lines, as in a child process with piped output); the working folder is the repository.
 */
export async function runMain(args: string[], { env = {}, cwd = REPO_ROOT }: RunOptions = {}): Promise<CliResult> {
  const stdout = captureStream();
  const stderr = captureStream();
  const code = await main(args, { stdout, stderr, env: { CI: '1', ...env }, cwd });
  return { code, signal: null, stdout: stdout.text(), stderr: stderr.text() };
}
