// A content file that fails the schema fails `npm run build` (`astro build`): exit 1, and the
// error names the file and the field, as `papers status` does. One real build of a broken copy
// of the fixture archive proves the wiring (site/data/read-archive.ts → Astro's error output);
// every other broken file, and each message, is checked in process by
// tests/unit/site/data/read-archive.test.ts, a content folder
// that does not exist included.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { REPO_ROOT } from '../../../scraper/repo.ts';
import { buildDir, SITE_FIXTURE } from './fixture.ts';
import { astroBuild } from './site-helpers.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('a day file with an id that is not an arXiv id fails the build, naming the file and the field, and writes no site', async () => {
  const dir = buildDir();
  made.push(dir);
  const content = path.join(dir, 'archive');
  cpSync(SITE_FIXTURE, content, { recursive: true });
  const file = path.join(content, 'days', '2026', '2026-07-29.md');
  const text = readFileSync(file, 'utf8');
  const id = /id: '(\d{4}\.\d{4,5})'/.exec(text)![1]!;
  writeFileSync(file, text.replace(`id: '${id}'`, "id: '../../x'"));

  const run = await astroBuild(content, path.join(dir, 'dist'));
  expect(run.code, run.output).toBe(1);
  expect(run.output).toContain(
    `${path.relative(REPO_ROOT, file)}: papers[0].id: must be an arXiv id such as "2503.02130"`,
  );
  expect(existsSync(path.join(dir, 'dist', 'index.html'))).toBe(false);
});
