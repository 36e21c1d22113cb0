// Temporary folders for tests, each removed when the test that made it ends (whether or not the
// test file runs isolated from others).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/** A fresh folder removed after the current test (or, made outside a test, left to the OS). */
export function tempDir(prefix = 'papers-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  } catch {
    // Made in a beforeAll: the file's own afterAll cleans up, or the OS does.
  }
  return dir;
}
