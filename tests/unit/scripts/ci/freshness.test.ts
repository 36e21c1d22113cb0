// The freshness check after the nightly (scripts/ci/freshness.ts): `papers status --max-age 4`,
// its exit status handed on to the verdict job, and this step passing either way so that the
// site is still deployed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { checkFreshness, MAX_AGE_DAYS, STATUS_COMMAND } from '../../../../scripts/ci/freshness.ts';
import { parseFileEntries } from '../../../../scripts/ci/github-env.ts';
import { tempDir } from '../../../helpers/temp.ts';

test('papers status with the maximum age, from the checkout', () => {
  expect(MAX_AGE_DAYS).toBe(4);
  expect(STATUS_COMMAND).toEqual(['npm', 'run', 'papers', '--', 'status', '--max-age', '4']);
});

test.each([0, 1, 2])('papers status exits %i: the status goes to the verdict, the step passes', async (code) => {
  const cwd = tempDir('freshness-');
  const output = path.join(cwd, 'github_output');
  const ran: (readonly string[])[] = [];
  const log: string[] = [];
  const returned = await checkFreshness({
    env: { GITHUB_OUTPUT: output },
    cwd,
    run: async (command) => {
      ran.push(command);
      return code;
    },
    log: (l) => log.push(l),
  });
  expect(returned).toBe(code);
  expect(ran).toEqual([STATUS_COMMAND]);
  expect(parseFileEntries(readFileSync(output, 'utf8'))).toEqual({ 'status-exit-code': String(code) });
  expect(log.at(-1)).toMatch(code === 0 ? /at most 4 days old/ : /the run will fail after the deploy/);
});
