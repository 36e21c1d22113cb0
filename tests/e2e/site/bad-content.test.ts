// A content file that fails the schema fails `npm run build` (`astro build`), and the error
// names the file and the field, as `papers status` does. Each case is a real build of a copy of
// the fixture archive with one thing broken.
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../../scraper/repo.ts';
import { buildDir, SITE_FIXTURE } from './site-helpers.ts';

const ASTRO = path.join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs');
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

type Run = { code: number | null; output: string };

function astroBuild(content: string, outDir: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PAPERS_CONTENT: content,
      PAPERS_BASE: '/',
      NO_COLOR: '1',
      CI: '1',
    };
    delete env['BASE_URL'];
    const child = spawn(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** A copy of the fixture archive, broken by `breakIt`, built; returns the run and the copy's path. */
async function buildBroken(breakIt: (content: string) => void): Promise<Run & { content: string }> {
  const dir = buildDir();
  made.push(dir);
  const content = path.join(dir, 'archive');
  cpSync(SITE_FIXTURE, content, { recursive: true });
  breakIt(content);
  return { ...(await astroBuild(content, path.join(dir, 'dist'))), content };
}

const dayFile = (content: string, date: string) => path.join(content, 'days', date.slice(0, 4), `${date}.md`);
const rel = (file: string) => path.relative(REPO_ROOT, file);

describe('a bad archive fails the build, naming the file and the field', () => {
  test('an id that is not an arXiv id', async () => {
    const run = await buildBroken((content) => {
      const file = dayFile(content, '2026-07-29');
      const text = readFileSync(file, 'utf8');
      const id = /id: '(\d{4}\.\d{4,5})'/.exec(text)![1]!;
      writeFileSync(file, text.replace(`id: '${id}'`, "id: '../../x'"));
    });
    expect(run.code).toBe(1);
    expect(run.output).toContain(`${rel(dayFile(run.content, '2026-07-29'))}: papers[0].id: must be an arXiv id`);
  });

  test('a missing field and a wrong type, all named at once', async () => {
    const run = await buildBroken((content) => {
      const file = dayFile(content, '2026-07-27');
      writeFileSync(
        file,
        readFileSync(file, 'utf8')
          .replace(/^ {4}upvotes: \d+$/m, '    upvotes: many')
          .replace(/^fetchedAt: .*\n/m, ''),
      );
    });
    expect(run.code).toBe(1);
    expect(run.output).toContain(rel(dayFile(run.content, '2026-07-27')));
    expect(run.output).toContain('fetchedAt:');
    expect(run.output).toContain('papers[0].upvotes:');
  });

  test('a day file under another date’s name', async () => {
    const run = await buildBroken((content) =>
      renameSync(dayFile(content, '2026-07-29'), dayFile(content, '2026-07-28')),
    );
    expect(run.code).toBe(1);
    expect(run.output).toContain(
      `${rel(dayFile(run.content, '2026-07-28'))}: date: 2026-07-29 does not match the file name`,
    );
  });

  test('front matter that is not YAML', async () => {
    const run = await buildBroken((content) => {
      const file = dayFile(content, '2026-07-29');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^papers:$/m, 'papers: [oops'));
    });
    expect(run.code).toBe(1);
    expect(run.output).toContain(dayFile(run.content, '2026-07-29'));
  });

  test('a ledger entry with an unknown status', async () => {
    const run = await buildBroken((content) => {
      const file = path.join(content, 'ledger.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"status":"failed"', '"status":"lost"'));
    });
    expect(run.code).toBe(1);
    expect(run.output).toContain(`${path.join(run.content, 'ledger.json')}: days.2026-07-28.status:`);
  });
});
