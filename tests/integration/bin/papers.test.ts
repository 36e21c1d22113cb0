// bin/papers.js, the command's launcher: it keeps V8's compiled code for the command between runs
// (Node's compile cache, in $TMPDIR unless $NODE_COMPILE_CACHE says otherwise), and a cache it
// cannot write changes nothing the user sees.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../../../scraper/repo.ts';
import { runPapers } from '../../helpers/cli.ts';
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
