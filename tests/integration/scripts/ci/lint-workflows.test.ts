// The workflow check of `npm run check` (scripts/ci/lint-workflows.ts) as a process: this
// repository's .github/ passes, and a copy broken on purpose, in a temp folder, fails with the
// file, line and what is wrong: a typo in a key, an expression naming what does not exist, a
// cron that is no time, a broken composite action, a file that is not YAML.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../../../scraper/repo.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { runScript } from './run.ts';

function copyOfGithub(): string {
  const root = tempDir('lint-workflows-');
  cpSync(path.join(REPO_ROOT, '.github'), path.join(root, '.github'), { recursive: true });
  return root;
}

/** A workflow expression, `${{ inner }}` (closed with `close`). */
const ex = (inner: string, close = ' }}'): string => `\${{ ${inner}${close}`;

function edit(root: string, file: string, from: string | RegExp, to: string): void {
  const full = path.join(root, file);
  const text = readFileSync(full, 'utf8');
  const next = text.replace(from, to);
  expect(next, `${file}: ${from}`).not.toBe(text);
  writeFileSync(full, next);
}

test('this repository’s workflows and actions pass', async () => {
  const r = await runScript('lint-workflows.ts');
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('6 files checked, no problem\n');
  expect(r.code).toBe(0);
});

describe('a broken copy fails, saying where and what', () => {
  let output: string;
  let code: number | null;

  beforeAll(async () => {
    const root = copyOfGithub();
    // A typo in a key.
    edit(
      root,
      '.github/workflows/nightly.yml',
      '    timeout-minutes: 60\n',
      '    timeout-minutes: 60\n    permisions: {}\n',
    );
    // An expression naming an input that does not exist.
    edit(root, '.github/workflows/nightly.yml', ex('inputs.date'), ex('inputs.dat'));
    // A broken expression.
    edit(root, '.github/workflows/backfill.yml', ex('matrix.from'), ex('matrix.from', ' }'));
    // A cron that is no time.
    edit(root, '.github/workflows/nightly.yml', 'cron: "43 9 * * *"', 'cron: "43 25 * * *"');
    // A job that needs a job that is not there.
    edit(
      root,
      '.github/workflows/pages-deploy.yml',
      '    runs-on: ubuntu-24.04\n',
      '    needs: build\n    runs-on: ubuntu-24.04\n',
    );
    // A composite action with a misspelt key.
    edit(
      root,
      '.github/actions/prepare/action.yml',
      '      shell: bash\n      run: npm ci',
      '      shel: bash\n      run: npm ci',
    );
    // Not YAML at all.
    writeFileSync(path.join(root, '.github/workflows/ci.yml'), 'name: CI\non: [push\njobs: {}\n');
    ({ stdout: output, code } = await runScript('lint-workflows.ts', [root]));
  });

  test('exit status 1, and the count', () => {
    expect(code).toBe(1);
    expect(output).toMatch(/^6 files checked, \d+ problem\(s\)$/m);
  });

  test('each problem at its file and line', () => {
    const lines = output.trim().split('\n');
    const has = (pattern: RegExp) =>
      expect(
        lines.some((l) => pattern.test(l)),
        `${pattern}\n${output}`,
      ).toBe(true);
    has(
      /^\.github\/workflows\/nightly\.yml:\d+:\d+: unexpected key "permisions" for "job" section.* \[syntax-check\]$/,
    );
    has(
      /^\.github\/workflows\/nightly\.yml:\d+:\d+: property "dat" is not defined in object type \{date: string; days: string; source: string\} \[expression\]$/,
    );
    has(/^\.github\/workflows\/nightly\.yml:\d+:\d+: invalid CRON format "43 25 \* \* \*".* \[events\]$/);
    has(/^\.github\/workflows\/backfill\.yml:\d+:\d+: .*end marker \}\}.* \[expression\]$/);
    has(
      /^\.github\/workflows\/pages-deploy\.yml:\d+:\d+: job "deploy" needs job "build" which does not exist.* \[job-needs\]$/,
    );
    has(/^\.github\/workflows\/ci\.yml:\d+:\d+: .* \[syntax-check\]$/);
    has(
      /^\.github\/actions\/prepare\/action\.yml: \/runs\/steps\/1: Additional property 'shel' is not allowed \[schema\]$/,
    );
  });
});

test('a folder without workflows is an error, not a pass', async () => {
  const r = await runScript('lint-workflows.ts', [tempDir('lint-empty-')]);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^lint-workflows: no workflow under .*\.github\/workflows\n$/);
});
