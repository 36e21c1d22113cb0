// What a step hands on through $GITHUB_ENV and $GITHUB_OUTPUT (scripts/ci/github-env.ts): each
// value in the delimited form, so that no value can add a variable of its own.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { appendToGitHubFile, fileEntry, parseFileEntries } from '../../../../scripts/ci/github-env.ts';
import { tempDir } from '../../../helpers/temp.ts';

test('a value with a newline stays one value', () => {
  const hostile = 'https://x.example\nNODE_OPTIONS=--require /tmp/evil.js';
  const entry = fileEntry('PAPERS_SITE_URL', hostile, 'EOF_1');
  expect(entry).toBe(`PAPERS_SITE_URL<<EOF_1\n${hostile}\nEOF_1\n`);
  expect(parseFileEntries(entry)).toEqual({ PAPERS_SITE_URL: hostile });
});

test('names are checked, and a value holding its delimiter is refused', () => {
  expect(() => fileEntry('A=B', 'x')).toThrow(/not a variable or output name/);
  expect(() => fileEntry('A', 'x\nEOF_1\ny', 'EOF_1')).toThrow(/delimiter/);
  // The delimiter is random by default: two entries never share one.
  expect(fileEntry('A', 'x')).not.toBe(fileEntry('A', 'x'));
});

test('appends to the file the variable names; off GitHub Actions writes nothing', () => {
  const file = path.join(tempDir('github-env-'), 'output');
  expect(appendToGitHubFile('GITHUB_OUTPUT', { 'exit-code': '1', built: 'true' }, { GITHUB_OUTPUT: file })).toBe(true);
  expect(appendToGitHubFile('GITHUB_OUTPUT', { more: 'x' }, { GITHUB_OUTPUT: file })).toBe(true);
  expect(parseFileEntries(readFileSync(file, 'utf8'))).toEqual({ 'exit-code': '1', built: 'true', more: 'x' });
  expect(appendToGitHubFile('GITHUB_ENV', { A: 'b' }, {})).toBe(false);
});
