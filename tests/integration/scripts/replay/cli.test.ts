// `npm run replay` as a user runs it: a real process that prints its URL and serves until stopped.
import { type ChildProcess, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../../scraper/repo.ts';
import { get } from '../../../helpers/replay.ts';

/** Starts `npm run replay -- ...args` in its own process group (npm does not pass signals on). */
function startCli(args: string[]): { child: ChildProcess; line: Promise<string>; output: () => string } {
  const child = spawn('npm', ['run', '--silent', 'replay', '--', ...args], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const line = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL line in 20 s:\n${out}`)), 20_000);
    const onData = (c: Buffer) => {
      out += c.toString('utf8');
      const m = /^Replay of huggingface\.co at .*$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`replay exited with ${code} before printing its URL:\n${out}`));
    });
  });
  return { child, line, output: () => out };
}

/** Signals the whole group and waits until every process in it (npm, sh, node) is gone. */
async function stopGroup(child: ChildProcess, signal: NodeJS.Signals, withinMs = 10_000): Promise<void> {
  const pgid = child.pid!;
  const alive = () => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) process.kill(-pgid, signal);
  for (const end = Date.now() + withinMs; alive(); ) {
    if (Date.now() > end) throw new Error(`process group ${pgid} still running ${withinMs} ms after ${signal}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm run replay', () => {
  it('prints its URL and a hint, serves the fixtures with the faults asked for, and stops on SIGINT', async () => {
    const { child, line, output } = startCli(['--port', '0', '--down-day', '2026-08-06']);
    try {
      const first = await line;
      const m =
        /^Replay of huggingface\.co at (http:\/\/127\.0\.0\.1:(\d+)) \((\d+) days, 2023-05-04\.\.2026-08-07\)$/.exec(
          first,
        );
      expect(m, first).not.toBeNull();
      const url = m![1]!;
      expect(Number(m![2])).toBeGreaterThan(0);
      expect(Number(m![3])).toBe(111);
      await new Promise((r) => setTimeout(r, 50));
      expect(output()).toContain(`try: npm run papers -- scrape --base-url ${url} --date 2026-08-07`);

      expect((await get(`${url}/papers/date/2026-08-07`)).status).toBe(200);
      expect((await get(`${url}/papers/date/2026-08-06`)).status).toBe(503);
      // npm itself dies of the signal; the server must close and exit on its own, promptly.
      await stopGroup(child, 'SIGINT');
      await expect(fetch(`${url}/papers/date/2026-08-07`)).rejects.toThrow();
    } catch (e) {
      await stopGroup(child, 'SIGKILL').catch(() => {});
      throw e;
    }
  });

  it('closes and exits 0 on SIGTERM (the server handles the signal, it is not killed by it)', async () => {
    // Node itself, without npm in between, so that the exit status is the server's own.
    const child = spawn(process.execPath, ['scripts/replay/main.ts', '--port', '0'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString('utf8');
        if (out.includes('\ntry: ')) resolve();
      });
      child.on('exit', () => reject(new Error(out)));
    });
    const url = /at (http:\/\/\S+)/.exec(out)![1]!;
    expect((await get(`${url}/papers/date/2026-08-07`)).status).toBe(200);
    const exit = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('exit', (code, signal) => resolve([code, signal])),
    );
    child.kill('SIGTERM');
    expect(await exit).toEqual([0, null]);
  });

  it('exits 2 with one line naming the bad flag, and where help is', async () => {
    const child = spawn('npm', ['run', '--silent', 'replay', '--', '--port', 'nope'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toBe(
      'replay: --port must be a whole number from 0 to 65535, not "nope"\n' +
        "Run 'npm run replay -- --help' for usage.\n",
    );
  });
});
