// The nightly step (scripts/ci/nightly.ts): the command it runs from the workflow's inputs, and
// what the nightly's exit status means for the run: 0 and 1 with a site built go on to deploy
// (1 fails the run afterwards), anything else stops it. The command is injected here; the
// integration test runs a real process.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseFileEntries } from '../../../../scripts/ci/github-env.ts';
import { judge, NIGHTLY_COMMAND, nightlyOptions, runNightly } from '../../../../scripts/ci/nightly.ts';
import { tempDir } from '../../../helpers/temp.ts';

describe('the command', () => {
  test('the nightly with --commit --push, and only the inputs given', () => {
    expect(NIGHTLY_COMMAND).toEqual(['npm', 'run', 'nightly', '--', '--commit', '--push']);
    expect(nightlyOptions({})).toEqual([]); // a scheduled run: the nightly's defaults
    expect(nightlyOptions({ NIGHTLY_DATE: '', NIGHTLY_DAYS: '', NIGHTLY_SOURCE: '' })).toEqual([]);
    expect(nightlyOptions({ NIGHTLY_DATE: ' 2026-08-07 ', NIGHTLY_DAYS: '7', NIGHTLY_SOURCE: 'api' })).toEqual([
      '--date',
      '2026-08-07',
      '--days',
      '7',
      '--source',
      'api',
    ]);
  });

  test('NIGHTLY_FALLBACK false turns the fallback off; true or empty leave it on', () => {
    expect(nightlyOptions({ NIGHTLY_FALLBACK: 'false' })).toEqual(['--no-fallback']);
    expect(nightlyOptions({ NIGHTLY_FALLBACK: 'true' })).toEqual([]);
    expect(nightlyOptions({ NIGHTLY_FALLBACK: '' })).toEqual([]);
  });

  test('an input is one argument, whatever it holds: nothing reaches a shell', () => {
    expect(nightlyOptions({ NIGHTLY_DATE: '2026-08-07; rm -rf / $(id)' })).toEqual([
      '--date',
      '2026-08-07; rm -rf / $(id)',
    ]);
  });
});

describe('what the exit status means', () => {
  test('0 with a site: deploy', () => {
    expect(judge(0, true)).toMatchObject({ stepExitCode: 0, exitCode: 0, built: true });
  });
  test('1 with a site: some days failed; deploy what there is, fail the run later', () => {
    expect(judge(1, true)).toMatchObject({ stepExitCode: 0, exitCode: 1 });
    expect(judge(1, true).message).toMatch(/some days failed/);
  });
  test('no site, a usage error, a crash or a signal: this step fails, nothing is deployed', () => {
    expect(judge(0, false).stepExitCode).toBe(1);
    expect(judge(1, false).stepExitCode).toBe(1);
    expect(judge(2, true).stepExitCode).toBe(2);
    expect(judge(2, false).stepExitCode).toBe(2);
    expect(judge(143, true).stepExitCode).toBe(143);
  });
});

describe('a run', () => {
  function checkout(withSite: boolean): string {
    const dir = tempDir('nightly-');
    if (withSite) {
      mkdirSync(path.join(dir, 'dist'));
      writeFileSync(path.join(dir, 'dist', 'index.html'), '<p>site</p>');
    }
    return dir;
  }

  test.each([
    [0, true, 0],
    [1, true, 0],
    [1, false, 1],
    [2, true, 2],
  ])('the nightly exits %i (site built: %s): the step exits %i and hands the status on', async (code, site, step) => {
    const cwd = checkout(site);
    const output = path.join(cwd, 'github_output');
    const ran: { command: readonly string[]; cwd: string }[] = [];
    const log: string[] = [];
    const outcome = await runNightly({
      env: { GITHUB_OUTPUT: output, NIGHTLY_DAYS: '4' },
      cwd,
      run: async (command, dir) => {
        ran.push({ command, cwd: dir });
        return code;
      },
      log: (l) => log.push(l),
    });
    expect(ran).toEqual([{ command: [...NIGHTLY_COMMAND, '--days', '4'], cwd }]);
    expect(outcome.stepExitCode).toBe(step);
    expect(parseFileEntries(readFileSync(output, 'utf8'))).toEqual({ 'exit-code': String(code), built: String(site) });
    expect(log[0]).toBe('nightly: npm run nightly -- --commit --push --days 4');
  });
});
