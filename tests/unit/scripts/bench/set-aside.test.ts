// The build benchmarks move a finished run's folders aside instead of deleting them right before
// the next timed build (set-aside.ts says why): a folder set aside leaves its place whole, a missing
// one is no fault, and emptying the trash removes every folder set aside, whatever run made it.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { emptyTrash, setAside } from '../../../../scripts/bench/set-aside.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('a folder set aside leaves its place whole, and emptying the trash deletes it', async () => {
  const work = mkdtempSync(path.join(tmpdir(), 'set-aside-'));
  made.push(work);
  for (const name of ['dist-full', 'cache-full']) {
    mkdirSync(path.join(work, name, 'days'), { recursive: true });
    writeFileSync(path.join(work, name, 'days', 'a.html'), name);
  }
  await setAside(path.join(work, 'dist-full'));
  await setAside(path.join(work, 'cache-full'));
  await setAside(path.join(work, 'never-made'));
  expect(existsSync(path.join(work, 'dist-full'))).toBe(false);
  const trash = path.join(work, '.trash');
  const aside = readdirSync(trash).sort();
  expect(aside).toHaveLength(2);
  expect(aside.map((n) => readFileSync(path.join(trash, n, 'days', 'a.html'), 'utf8')).sort()).toEqual([
    'cache-full',
    'dist-full',
  ]);
  // The same name set aside again (the next run's) keeps both.
  mkdirSync(path.join(work, 'dist-full'));
  await setAside(path.join(work, 'dist-full'));
  expect(readdirSync(trash)).toHaveLength(3);
  await emptyTrash(work);
  expect(readdirSync(work)).toEqual([]);
  await emptyTrash(work);
});
