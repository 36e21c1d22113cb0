// The small scripts the workflows call, run as the workflows run them (child processes, real
// files): the nightly's verdict, Astro's cache key, the git identity, the Pages address and the
// nightly step's exit status handling, and the keepalive request against a local stand-in for
// GitHub's API.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseFileEntries } from '../../../../scripts/ci/github-env.ts';
import { runCommand } from '../../../../scripts/ci/nightly.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { runScript } from './run.ts';

describe('nightly-settings.sh', () => {
  const settings = async (env: Record<string, string>) => {
    const output = path.join(tempDir(), 'output');
    writeFileSync(output, '');
    const r = await runScript('nightly-settings.sh', [], { env: { ...env, GITHUB_OUTPUT: output } });
    return { ...r, outputs: parseFileEntries(readFileSync(output, 'utf8')) };
  };

  test('no variables and a scheduled run: page, 4 days, the fallback on', async () => {
    const r = await settings({});
    expect(r.code).toBe(0);
    expect(r.outputs).toEqual({ source: 'page', days: '4', fallback: 'true' });
    expect(r.stdout).toBe('nightly settings: source page, 4 days, fallback to the API: true\n');
  });

  test("the repository's variables decide a scheduled run; a run's own inputs come first", async () => {
    const vars = { NIGHTLY_SOURCE: 'api', NIGHTLY_DAYS: '07', NIGHTLY_FALLBACK: 'false' };
    expect((await settings(vars)).outputs).toEqual({ source: 'api', days: '7', fallback: 'false' });
    const byHand = await settings({ ...vars, INPUT_SOURCE: 'page', INPUT_DAYS: '31' });
    expect(byHand.outputs).toEqual({ source: 'page', days: '31', fallback: 'false' });
    // "setting" and an empty input leave it to the variable.
    const left = await settings({ ...vars, INPUT_SOURCE: 'setting', INPUT_DAYS: '' });
    expect(left.outputs).toEqual({ source: 'api', days: '7', fallback: 'false' });
  });

  test('a wrong value fails the step in one line naming where it came from, and nothing is output', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ NIGHTLY_SOURCE: 'Page' }, "the repository variable NIGHTLY_SOURCE is 'Page': it must be page or api"],
      [{ INPUT_SOURCE: 'rss' }, "the run's input source is 'rss': it must be page or api"],
      [
        { NIGHTLY_DAYS: '0' },
        "the repository variable NIGHTLY_DAYS is '0': it must be a whole number of days from 1 to 31",
      ],
      [
        { NIGHTLY_DAYS: '32' },
        "the repository variable NIGHTLY_DAYS is '32': it must be a whole number of days from 1 to 31",
      ],
      [{ INPUT_DAYS: '4.5' }, "the run's input days is '4.5': it must be a whole number of days from 1 to 31"],
      [{ NIGHTLY_FALLBACK: 'yes' }, "the repository variable NIGHTLY_FALLBACK is 'yes': it must be true or false"],
      // A value cannot start a workflow command of its own.
      [
        { NIGHTLY_SOURCE: 'x\n::warning::y%0A' },
        "the repository variable NIGHTLY_SOURCE is 'x: :warning: :y0A': it must be page or api",
      ],
    ];
    for (const [env, message] of cases) {
      const r = await settings(env);
      expect(r.code, JSON.stringify(env)).toBe(1);
      expect(r.stdout).toBe(`::error title=Nightly settings::${message}\n`);
      expect(r.outputs).toEqual({});
    }
  });
});

describe('nightly-verdict.sh', () => {
  const verdict = (nightly: string, status: string) =>
    runScript('nightly-verdict.sh', [], { env: { NIGHTLY_EXIT_CODE: nightly, STATUS_EXIT_CODE: status } });

  test('every day archived and a fresh archive: the run passes', async () => {
    expect(await verdict('0', '0')).toMatchObject({
      code: 0,
      stdout: 'nightly: every day archived and published, and the archive is fresh\n',
    });
  });

  test('some days failed: the run fails, with an annotation that says the rest was published', async () => {
    const r = await verdict('1', '0');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^::error title=Some days failed::The days that could be archived were committed and published;.*\n$/,
    );
  });

  test('a stale archive: the run fails, naming the check', async () => {
    const r = await verdict('0', '1');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error title=Archive not fresh::'papers status --max-age' reported exit status '1'/);
  });

  test('both: one annotation each', async () => {
    const r = await verdict('1', '1');
    expect(r.code).toBe(1);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => /^::error title=([^:]+)::/.exec(l)?.[1]),
    ).toEqual(['Some days failed', 'Archive not fresh']);
  });

  test('no status, or another one: the run fails', async () => {
    for (const [nightly, status] of [
      ['', '0'],
      ['2', '0'],
      ['x', '0'],
      ['0', ''],
    ] as const) {
      const r = await verdict(nightly, status);
      expect(r.code, `${nightly} ${status}`).toBe(1);
      expect(r.stdout, `${nightly} ${status}`).toMatch(/^::error title=/);
    }
  });
});

describe('astro-cache-key.sh', () => {
  test('the prefix follows the lockfile, the key the content; both go to $GITHUB_OUTPUT', async () => {
    // The output file beside the content folder (not in it: it would change the key), both in one temp folder.
    const content = path.join(tempDir('astro-key-'), 'content');
    mkdirSync(path.join(content, 'days', '2026'), { recursive: true });
    writeFileSync(path.join(content, 'ledger.json'), '{}\n');
    const output = path.join(content, '..', 'github-output');
    const key = async () => {
      writeFileSync(output, '');
      const r = await runScript('astro-cache-key.sh', [], {
        env: { PAPERS_CONTENT: content, GITHUB_OUTPUT: output, RUNNER_OS: 'Linux' },
      });
      expect(r.code).toBe(0);
      return parseFileEntries(readFileSync(output, 'utf8'));
    };
    const first = await key();
    expect(first['prefix']).toMatch(/^astro-Linux-[0-9a-f]{16}-$/);
    expect(first['key']).toMatch(new RegExp(`^${first['prefix']}[0-9a-f]{16}$`));
    expect(await key()).toEqual(first); // the same content, the same key

    writeFileSync(path.join(content, 'days', '2026', '2026-08-07.md'), 'a day\n');
    const second = await key();
    expect(second['prefix']).toBe(first['prefix']);
    expect(second['key']).not.toBe(first['key']);
  });
});

test('git-identity.sh: commits in this checkout are the Actions bot’s', async () => {
  const repo = tempDir('git-identity-');
  execFileSync('git', ['init', '-q'], { cwd: repo });
  const r = await runScript('git-identity.sh', [], { cwd: repo });
  expect(r.code).toBe(0);
  const config = (key: string) =>
    execFileSync('git', ['config', '--local', key], { cwd: repo, encoding: 'utf8' }).trim();
  expect(config('user.name')).toBe('github-actions[bot]');
  expect(config('user.email')).toBe('41898282+github-actions[bot]@users.noreply.github.com');
});

test('pages-env.ts: the variables reach $GITHUB_ENV; a bad variable fails in one line', async () => {
  const env = path.join(tempDir('pages-env-'), 'env');
  writeFileSync(env, '');
  const ok = await runScript('pages-env.ts', [], {
    env: { GITHUB_REPOSITORY: 'alice/archive', GITHUB_ENV: env, PAPERS_SITE_URL: '', PAPERS_BASE: '' },
  });
  expect(ok).toMatchObject({ code: 0, stdout: 'PAPERS_SITE_URL=https://alice.github.io\nPAPERS_BASE=/archive/\n' });
  expect(parseFileEntries(readFileSync(env, 'utf8'))).toEqual({
    PAPERS_SITE_URL: 'https://alice.github.io',
    PAPERS_BASE: '/archive/',
  });
  const bad = await runScript('pages-env.ts', [], {
    env: { GITHUB_REPOSITORY: 'alice/archive', PAPERS_BASE: '/a b/' },
  });
  expect(bad.code).toBe(1);
  expect(bad.stderr).toMatch(/^pages-env: PAPERS_BASE: "\/a b\/" is not a URL path/);
});

describe('the nightly step’s command', () => {
  test('its exit status, or 128 + the signal that ended it', async () => {
    const cwd = tempDir('nightly-run-');
    expect(await runCommand([process.execPath, '-e', 'process.exit(0)'], cwd)).toBe(0);
    expect(await runCommand([process.execPath, '-e', 'process.exit(1)'], cwd)).toBe(1);
    expect(await runCommand([process.execPath, '-e', 'process.exit(2)'], cwd)).toBe(2);
    expect(await runCommand([process.execPath, '-e', "process.kill(process.pid, 'SIGTERM')"], cwd)).toBe(143);
  });

  test('a command that cannot start is an error, not a status', async () => {
    await expect(runCommand(['/nonexistent/npm'], tempDir('nightly-run-'))).rejects.toThrow(/ENOENT/);
  });
});

test('keepalive.ts: one PUT to …/actions/workflows/nightly.yml/enable, with the token', async () => {
  const seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders }[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, headers: req.headers });
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const r = await runScript('keepalive.ts', [], {
      env: {
        GITHUB_API_URL: `http://127.0.0.1:${port}`,
        GITHUB_REPOSITORY: 'alice/archive',
        GITHUB_WORKFLOW_REF: 'alice/archive/.github/workflows/nightly.yml@refs/heads/main',
        GITHUB_TOKEN: 'ghs_secret',
      },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^keepalive: re-enabled .*\/repos\/alice\/archive\/actions\/workflows\/nightly\.yml: the schedule stays on\n$/,
    );
    expect(r.stdout).not.toContain('ghs_secret');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'PUT',
      url: '/repos/alice/archive/actions/workflows/nightly.yml/enable',
      headers: { authorization: 'Bearer ghs_secret', accept: 'application/vnd.github+json' },
    });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
