// Building the site and its search index after a nightly run: `astro build` as a child process
// (a fresh Node, as `npm run build` runs it), over the archive folder the run wrote. Its output is
// kept, and shown (the last lines) only when it fails: a nightly log is read when something broke.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../repo.ts';

export const ASTRO_BIN = path.join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs');

/** Lines of a failed build's output shown in the error. */
const TAIL_LINES = 30;

export type BuildResult =
  | { ok: true; seconds: number; outDir: string }
  | { ok: false; seconds: number; outDir: string; message: string };

/** The last `n` non-empty lines of `text`. */
export function tail(text: string, n = TAIL_LINES): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
    .slice(-n)
    .join('\n');
}

export function buildSite({
  contentDir,
  outDir,
  env,
}: {
  contentDir: string;
  /** Where the site goes; undefined: Astro's own (dist/ in the repository). */
  outDir?: string | undefined;
  env: NodeJS.ProcessEnv;
}): Promise<BuildResult> {
  const args = [ASTRO_BIN, 'build', ...(outDir ? ['--outDir', outDir] : [])];
  const shownOut = outDir ?? path.join(REPO_ROOT, 'dist');
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: { ...env, PAPERS_CONTENT: contentDir, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const done = (code: number | null, why?: string) => {
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ ok: true, seconds, outDir: shownOut });
      else
        resolve({
          ok: false,
          seconds,
          outDir: shownOut,
          message: `astro build ${why ?? `exited ${code}`}${output.trim() ? `:\n${tail(output)}` : ''}`,
        });
    };
    child.on('error', (e) => done(null, `could not start: ${e.message}`));
    child.on('close', (code, signal) => done(code, signal ? `was killed (${signal})` : undefined));
  });
}
