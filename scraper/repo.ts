// Where this checkout is, for the code that reads files of the repository itself (the bundled
// archive, test fixtures, package.json): one constant instead of a path computed per script.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');

/** The version in package.json: what `papers --version` prints. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}
