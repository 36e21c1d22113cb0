// bin/papers.js, the command's launcher: it keeps V8's compiled code for the command between runs
// (Node's compile cache, in $TMPDIR unless $NODE_COMPILE_CACHE says otherwise), and a cache it
// cannot write changes nothing the user sees. Started by a Node older than 24, it runs the
// command as a child under the pinned one: signals reach that child, and its ending comes back.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { REPO_ROOT } from '../../../scraper/repo.ts';
import { PAPERS_BIN, runPapers } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/temp.ts';

const VERSION = `${JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version}\n`;

it('keeps the compiled code of the command in the temporary directory', async () => {
  const tmp = tempDir();
  const result = await runPapers(['--version'], { env: { TMPDIR: tmp, NODE_COMPILE_CACHE: '' } });
  expect(result).toMatchObject({ code: 0, stdout: VERSION, stderr: '' });
  const cache = path.join(tmp, 'node-compile-cache');
  expect(existsSync(cache) && readdirSync(cache).length).toBeGreaterThan(0);
});

it('runs the same where that directory cannot be written', async () => {
  const file = path.join(tempDir(), 'not-a-directory');
  writeFileSync(file, '');
  const result = await runPapers(['--version'], { env: { TMPDIR: file, NODE_COMPILE_CACHE: '' } });
  expect(result).toEqual({ code: 0, signal: null, stdout: VERSION, stderr: '' });
});

/** The machine's own Node when it is older than 24 (this machine's is 20): the launcher then runs the command as a child. */
function olderNode(): string {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const node = path.join(dir, 'node');
    if (dir.includes('node_modules') || !existsSync(node)) continue;
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (Number(/^v(\d+)\./.exec(version)?.[1]) < 24) return node;
  }
  throw new Error(
    'these tests need a Node.js older than 24 on PATH (the machine’s own), as the README says machines have',
  );
}

type Served = { launcher: ChildProcess; url: string; exited: Promise<{ code: number | null; signal: string | null }> };

/** `papers serve` started by the launcher under the older Node, once it says where it serves. */
async function serveUnderOlderNode(): Promise<Served> {
  const site = tempDir();
  writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>a site</title>');
  const launcher = spawn(olderNode(), [PAPERS_BIN, 'serve', '--port', '0', site], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    launcher.on('exit', (code, signal) => resolve({ code, signal })),
  );
  onTestFinished(() => {
    launcher.kill('SIGKILL');
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    launcher.stdout!.on('data', (chunk) => {
      out += chunk;
      const found = / at (http:\/\/\S+)/.exec(out)?.[1];
      if (found) resolve(found);
    });
    launcher.on('exit', () => reject(new Error(`papers serve ended before serving: ${out}`)));
  });
  return { launcher, url, exited };
}

/** Whether anything answers at `url` now. */
const answers = (url: string) =>
  fetch(url).then(
    () => true,
    () => false,
  );

/** The command the launcher started: its one child. */
function childOf(pid: number): number {
  const children = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n');
  expect(children).toHaveLength(1);
  return Number(children[0]);
}

describe('under a Node older than 24, the launcher runs the command as a child', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`passes ${signal} on: the server stops, frees its port, and its exit status comes back`, async () => {
      const served = await serveUnderOlderNode();
      expect(await answers(served.url)).toBe(true);
      served.launcher.kill(signal);
      expect(await served.exited).toEqual({ code: 0, signal: null });
      expect(await answers(served.url)).toBe(false);
    });
  }

  it('ends by the signal that ended the command', async () => {
    const served = await serveUnderOlderNode();
    process.kill(childOf(served.launcher.pid!), 'SIGKILL');
    expect(await served.exited).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('a launcher killed outright (SIGKILL, which it cannot pass on) takes the command down with it', async () => {
    const served = await serveUnderOlderNode();
    const child = childOf(served.launcher.pid!);
    served.launcher.kill('SIGKILL');
    await served.exited;
    await expect.poll(() => answers(served.url), { timeout: 10_000, interval: 200 }).toBe(false);
    // Gone, or a zombie its new parent has yet to reap.
    const state = () => (existsSync(`/proc/${child}/stat`) ? readFileSync(`/proc/${child}/stat`, 'utf8') : '0 (x) X');
    await expect.poll(() => state().split(') ')[1]![0], { timeout: 5000 }).toMatch(/[XZ]/);
  });
});
