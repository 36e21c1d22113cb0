// The rules the workflows keep (.github/), which the validators cannot know: least privilege per
// job, actions pinned by commit SHA, no input spliced into a shell line, every step that does
// work a script of scripts/ci/ that exists, runs never cancelled midway where they write or
// deploy, schedules off the hour, and the Node.js of setup-node the same major as the `node` dev
// dependency the npm scripts run on. Read from the files as GitHub reads them (YAML).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../../../scraper/repo.ts';

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, unknown> };
type Job = {
  permissions?: Record<string, string>;
  steps?: Step[];
  uses?: string;
  needs?: string | string[];
  environment?: { name: string } | string;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
};
type Workflow = {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
};

const read = (file: string): string => readFileSync(path.join(REPO_ROOT, file), 'utf8');
const WORKFLOW_FILES = readdirSync(path.join(REPO_ROOT, '.github/workflows')).map((f) => `.github/workflows/${f}`);
const ACTION_FILES = readdirSync(path.join(REPO_ROOT, '.github/actions')).map((d) => `.github/actions/${d}/action.yml`);
const workflow = (name: string): Workflow => yaml.load(read(`.github/workflows/${name}`)) as Workflow;
const allSteps = (): { file: string; step: Step }[] => [
  ...WORKFLOW_FILES.flatMap((file) =>
    Object.values((yaml.load(read(file)) as Workflow).jobs).flatMap((job) =>
      (job.steps ?? []).map((step) => ({ file, step })),
    ),
  ),
  ...ACTION_FILES.flatMap((file) =>
    ((yaml.load(read(file)) as { runs: { steps: Step[] } }).runs.steps ?? []).map((step) => ({ file, step })),
  ),
];

test('the workflows and actions this repository runs', () => {
  expect(WORKFLOW_FILES.sort()).toEqual([
    '.github/workflows/backfill.yml',
    '.github/workflows/ci.yml',
    '.github/workflows/nightly.yml',
    '.github/workflows/pages-deploy.yml',
  ]);
  expect(ACTION_FILES.sort()).toEqual([
    '.github/actions/pages-artifact/action.yml',
    '.github/actions/prepare/action.yml',
  ]);
  for (const file of [...WORKFLOW_FILES, ...ACTION_FILES, '.github/dependabot.yml']) {
    expect(read(file).startsWith('# '), `${file} opens with a comment saying why it exists`).toBe(true);
  }
});

describe('least privilege', () => {
  // What each job may do with its token; anything not listed is none.
  const EXPECTED: Record<string, Record<string, Record<string, string>>> = {
    'nightly.yml': {
      nightly: { contents: 'write' },
      deploy: { pages: 'write', 'id-token': 'write' },
      verdict: { contents: 'read' },
      keepalive: { actions: 'write', contents: 'read' },
    },
    'backfill.yml': {
      plan: { contents: 'read' },
      shard: { contents: 'read' },
      merge: { contents: 'write' },
      deploy: { pages: 'write', 'id-token': 'write' },
    },
    'pages-deploy.yml': { deploy: { pages: 'write', 'id-token': 'write' } },
    'ci.yml': { test: { contents: 'read' } },
  };

  test.each(Object.keys(EXPECTED))('%s: no permission by default, each job only its own', (name) => {
    const wf = workflow(name);
    expect(wf.permissions).toEqual({});
    expect(Object.fromEntries(Object.entries(wf.jobs).map(([id, job]) => [id, job.permissions]))).toEqual(
      EXPECTED[name],
    );
  });

  test('only the Pages deploy job holds Pages rights, in the github-pages environment', () => {
    const deploy = workflow('pages-deploy.yml').jobs['deploy']!;
    expect(deploy.environment).toMatchObject({ name: 'github-pages' });
    expect(workflow('nightly.yml').jobs['deploy']!.uses).toBe('./.github/workflows/pages-deploy.yml');
    expect(workflow('backfill.yml').jobs['deploy']!.uses).toBe('./.github/workflows/pages-deploy.yml');
  });
});

test('every action is pinned by commit SHA, with its release in a comment', () => {
  const lines = [...WORKFLOW_FILES, ...ACTION_FILES].flatMap((file) =>
    read(file)
      .split('\n')
      .filter((l) => /^\s*(- )?uses: /.test(l))
      .map((l) => ({ file, line: l.trim() })),
  );
  expect(lines.length).toBeGreaterThan(10);
  for (const { file, line } of lines) {
    if (/uses: \.\//.test(line)) continue; // this repository's own actions and workflows
    expect(line, file).toMatch(/uses: [\w-]+\/[\w/-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  }
});

describe('steps', () => {
  test('no input or event text is spliced into a shell line: it comes in the environment', () => {
    for (const { file, step } of allSteps()) {
      for (const expression of (step.run ?? '').match(/\$\{\{[^}]*\}\}/g) ?? []) {
        // Only a choice between two literals, which can expand to nothing else.
        expect(expression, `${file}: ${step.run}`).toMatch(/^\$\{\{ [\w.-]+ && '[\w-]*' \|\| '[\w-]*' \}\}$/);
      }
    }
  });

  test('a step that does work calls a script of the repository, or npm', () => {
    const runs = allSteps().flatMap(({ file, step }) => (step.run ? [{ file, run: step.run.trim() }] : []));
    expect(runs.length).toBeGreaterThan(8);
    for (const { file, run } of runs) {
      expect(run, file).not.toContain('\n');
      expect(run, file).toMatch(
        /^(node scripts\/ci\/[\w-]+\.ts|bash scripts\/ci\/[\w-]+\.sh|npm (ci|test|run build))\b/,
      );
      const script = /scripts\/ci\/[\w-]+\.(ts|sh)/.exec(run)?.[0];
      // The backfill's scripts are another branch's work; the others are here.
      if (script && !/backfill-(plan|shard|merge)\.ts$/.test(script)) {
        expect(existsSync(path.join(REPO_ROOT, script)), `${file} calls ${script}`).toBe(true);
      }
    }
  });
});

describe('runs', () => {
  test('the nightly, the backfill and Pages deploys are never cancelled midway', () => {
    expect(workflow('nightly.yml').concurrency).toEqual({ group: 'nightly', 'cancel-in-progress': false });
    expect(workflow('backfill.yml').concurrency).toEqual({ group: 'backfill', 'cancel-in-progress': false });
    expect(workflow('pages-deploy.yml').jobs['deploy']!.concurrency).toEqual({
      group: 'pages',
      'cancel-in-progress': false,
    });
  });

  test('the nightly runs twice a day, after the UTC day, at odd minutes, and by hand with date, days and source', () => {
    const on = workflow('nightly.yml').on as {
      schedule: { cron: string }[];
      workflow_dispatch: { inputs: Record<string, unknown> };
    };
    expect(on.schedule).toHaveLength(2);
    for (const { cron } of on.schedule) {
      const [minute, hour, ...rest] = cron.split(' ');
      expect(rest, cron).toEqual(['*', '*', '*']);
      expect(Number(minute) % 2, cron).toBe(1);
      expect(Number(hour), cron).toBeGreaterThanOrEqual(0);
    }
    expect(Object.keys(on.workflow_dispatch.inputs)).toEqual(['date', 'days', 'source']);
  });

  /** A workflow expression, as the file holds it. */
  const expr = (inside: string) => `$${'{{'} ${inside} }}`;

  test("the nightly reads its settings first (inputs, else the repository's variables) and runs with them", () => {
    const steps = workflow('nightly.yml').jobs['nightly']!.steps as (Step & { id?: string })[];
    // Right after the checkout, before anything is installed.
    expect(steps[1]).toMatchObject({ id: 'settings', run: 'bash scripts/ci/nightly-settings.sh' });
    expect(steps[1]!.env).toEqual({
      INPUT_SOURCE: expr('inputs.source'),
      INPUT_DAYS: expr('inputs.days'),
      NIGHTLY_SOURCE: expr('vars.NIGHTLY_SOURCE'),
      NIGHTLY_DAYS: expr('vars.NIGHTLY_DAYS'),
      NIGHTLY_FALLBACK: expr('vars.NIGHTLY_FALLBACK'),
    });
    const nightly = steps.find((s) => s.id === 'nightly')!;
    expect(nightly.env).toMatchObject({
      NIGHTLY_DAYS: expr('steps.settings.outputs.days'),
      NIGHTLY_SOURCE: expr('steps.settings.outputs.source'),
      NIGHTLY_FALLBACK: expr('steps.settings.outputs.fallback'),
    });
    // A run by hand leaves each to the variable unless given.
    const inputs = (
      workflow('nightly.yml').on as { workflow_dispatch: { inputs: Record<string, { default: string }> } }
    ).workflow_dispatch.inputs;
    expect(inputs['days']!.default).toBe('');
    expect(inputs['source']!.default).toBe('setting');
  });

  test('setup-node installs the major of the `node` dev dependency the npm scripts run on', () => {
    const pkg = JSON.parse(read('package.json')) as { devDependencies: Record<string, string> };
    const major = pkg.devDependencies['node']!.split('.')[0];
    const versions = allSteps()
      .filter(({ step }) => step.uses?.startsWith('actions/setup-node@'))
      .map(({ step }) => String(step.with?.['node-version']));
    expect(versions.length).toBeGreaterThan(0);
    for (const v of versions) expect(v).toBe(major);
  });
});

test('every script of scripts/ci/ opens with a paragraph saying what it is for', () => {
  const dir = path.join(REPO_ROOT, 'scripts/ci');
  const mine = readdirSync(dir).filter((f) => !/^backfill-(plan|shard|merge)\.ts$/.test(f));
  expect(mine.length).toBeGreaterThanOrEqual(10);
  for (const file of mine) {
    const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
    const opening = file.endsWith('.sh') ? lines.slice(1, 3) : lines.slice(0, 2);
    for (const line of opening) expect(line, file).toMatch(file.endsWith('.sh') ? /^# \S/ : /^\/\/ \S/);
  }
});
