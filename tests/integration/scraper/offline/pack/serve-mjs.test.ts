// A packed copy's serve.mjs, as `papers pack` writes it (serveScript), put into a small site in
// a temporary folder and run with node as whoever unpacked the copy would: one file that needs
// nothing but Node's own modules, serving the folder it sits in on 127.0.0.1, the port from its
// argument, else $PORT, else 8000; and refusing what `papers serve` refuses
// (tests/helpers/serve-refusals.ts).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serveScript } from '../../../../../scraper/offline/pack/disk-copy.ts';
import { type Running, rawGet, serverRefusals } from '../../../../helpers/serve-refusals.ts';
import { tempDir } from '../../../../helpers/temp.ts';

let script: string;

beforeAll(async () => {
  script = await serveScript();
});

type Run = { child: ChildProcess; stdout: () => string; stderr: () => string; exited: Promise<number | null> };

/** `node serve.mjs …args` from `cwd`, its output kept. */
function run(file: string, args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, [file, ...args], {
    cwd,
    env: { ...process.env, PORT: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** The port serve.mjs prints, or its failure when it ends first. */
function printedPort(server: Run): Promise<number> {
  return new Promise((resolve, reject) => {
    server.child.stdout!.on('data', () => {
      const found = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(server.stdout());
      if (found) resolve(Number(found[1]));
    });
    server.exited.then((code) => reject(new Error(`serve.mjs ended with ${code}: ${server.stderr()}`)));
  });
}

/** serve.mjs written into `root` and run from elsewhere, on the port given. */
async function startIn(root: string, args = ['0'], env: Record<string, string> = {}): Promise<Running & Run> {
  const file = path.join(root, 'serve.mjs');
  writeFileSync(file, script);
  const server = run(file, args, path.dirname(root), env);
  const port = await printedPort(server);
  return {
    ...server,
    port,
    stop: async () => {
      server.child.kill();
      await server.exited;
    },
  };
}

describe('serve.mjs', () => {
  it('is one file that imports nothing but Node’s own modules', () => {
    const specifiers = [...script.matchAll(/\b(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]!);
    expect(specifiers.length).toBeGreaterThan(0);
    for (const s of specifiers) expect(s).toMatch(/^node:/);
    expect(script).not.toMatch(/\brequire\s*\(/);
  });

  it('serves the folder it sits in, on 127.0.0.1, with the archive’s media types', async () => {
    const root = path.join(tempDir(), 'archive');
    mkdirSync(path.join(root, 'days', '2026-08-07'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<p>home</p>');
    writeFileSync(path.join(root, 'days', '2026-08-07', 'index.html'), '<p>day</p>');
    writeFileSync(path.join(root, 'rss.xml'), '<rss/>');
    const server = await startIn(root);
    try {
      expect(server.stdout()).toBe(`Serving ${root} at http://127.0.0.1:${server.port}/  (Ctrl-C to stop)\n`);
      const home = await rawGet(server.port, '/');
      expect([home.status, home.body, home.headers['content-type']]).toEqual([
        200,
        '<p>home</p>',
        'text/html; charset=utf-8',
      ]);
      expect((await rawGet(server.port, '/days/2026-08-07/index.html')).body).toBe('<p>day</p>');
      expect((await rawGet(server.port, '/rss.xml')).headers['content-type']).toBe('application/xml; charset=utf-8');
    } finally {
      await server.stop();
    }
  });

  it('takes its port from $PORT when given none; a port in use is one line, exit 1', async () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'index.html'), '<p>home</p>');
    const first = await startIn(root, [], { PORT: '0' });
    try {
      const taken = run(path.join(root, 'serve.mjs'), [String(first.port)], root);
      expect(await taken.exited).toBe(1);
      expect(taken.stderr()).toBe(
        `port ${first.port} on 127.0.0.1 is in use (another server?); choose another, e.g. node serve.mjs ${first.port + 1}\n`,
      );
    } finally {
      await first.stop();
    }
  });

  it('says in one line when the port is not a port, exit 2', async () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'serve.mjs'), script);
    const bad = run(path.join(root, 'serve.mjs'), ['eighty'], root);
    expect(await bad.exited).toBe(2);
    expect(bad.stderr()).toBe('serve.mjs: the port must be a number from 0 to 65535, not "eighty"\n');
  });
});

describe('serve.mjs refuses', () => {
  serverRefusals((root) => startIn(root));
});
