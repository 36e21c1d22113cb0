// `papers nightly` with its build, once: the real command as a process against the replay server
// (API source), then `astro build` of the archive it wrote, search index included. The build goes
// to a folder of its own inside the repository (see site-helpers.ts: Astro keeps a build's server
// chunks under an outDir within the working folder), removed afterwards.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../scraper/repo.ts';
import { runPapers } from '../../helpers/cli.ts';
import { FAST_PACING, replayServer } from '../../helpers/replay.ts';
import { tempDir } from '../../helpers/temp.ts';

const replay = replayServer({ quota: { pages: 1e9, api: 1e9 } });

const parent = path.join(REPO_ROOT, '.cache', 'nightly-tests');
mkdirSync(parent, { recursive: true });
const buildDir = mkdtempSync(path.join(parent, 'build-'));
afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

describe('papers nightly with the build', () => {
  it("builds the site over the archive it wrote: the new day's page and a search index", async () => {
    const content = tempDir();
    const dist = path.join(buildDir, 'dist');
    const result = await runPapers([
      'nightly',
      '--date',
      '2026-08-07',
      '--days',
      '2',
      '--content',
      content,
      '--out-dir',
      dist,
      '--base-url',
      replay.url,
      '--source',
      'api',
      ...FAST_PACING,
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('Nightly 2026-08-06 … 2026-08-07: 2 added, 0 changed');
    expect(result.stdout).toMatch(new RegExp(`Site: built in \\d+\\.\\d s into ${dist}\\n`));
    expect(result.stderr).toBe('papers nightly: building the site…\n');

    const page = readFileSync(path.join(dist, 'days', '2026-08-07', 'index.html'), 'utf8');
    expect(page).toContain('AgentOPSD: Recursive Self-Distillation for Agentic Reinforcement Learning');
    expect(existsSync(path.join(dist, 'papers', '2608.05987', 'index.html'))).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(dist, 'search', 'index.json'), 'utf8'));
    // Every paper of the two days (26 + 20) in the search index, each with its record.
    expect(manifest.papers).toBe(46);
    const records = (manifest.parts as { name: string }[]).flatMap(({ name }) =>
      readdirSync(path.join(dist, 'search', name, 'papers')),
    );
    expect(records).toHaveLength(46);
  });
});
