// `papers nightly` with its build, once: the real command as a process against the replay server
// (API source), then `astro build` of the archive it wrote, search index included. The build goes
// to a folder of its own inside the repository (see site-helpers.ts: Astro keeps a build's server
// chunks under an outDir within the working folder), removed afterwards.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../scraper/repo.ts';
import { fixtureItems } from '../../../scripts/fixtures/hf-days.ts';
import { runPapers } from '../../helpers/cli.ts';
import { FAST_PACING, replayServer } from '../../helpers/replay.ts';
import { tempDir } from '../../helpers/temp.ts';

const replay = replayServer({ quota: { pages: 1e9, api: 1e9 } });

const parent = path.join(REPO_ROOT, '.cache', 'nightly-tests');
mkdirSync(parent, { recursive: true });
const buildDir = mkdtempSync(path.join(parent, 'build-'));
afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

describe('papers nightly with the build', () => {
  it("builds the site over the archive it wrote: the new day's page, a search index, and three nights of votes", async () => {
    const content = tempDir();
    const dist = path.join(buildDir, 'dist');
    const args = ['--date', '2026-08-07', '--days', '2', '--content', content, '--base-url', replay.url];
    const paced = ['--source', 'api', ...FAST_PACING];
    // Two nights before, with fewer votes for the day's first paper: the history gets each count.
    const items = fixtureItems('2026-08-07');
    const first = (items[0] as { paper: { id: string; upvotes: number } }).paper;
    for (const fewer of [30, 12]) {
      replay.server.setDay(
        '2026-08-07',
        items.map((item, i) => (i === 0 ? { ...item, paper: { ...first, upvotes: first.upvotes - fewer } } : item)),
      );
      const night = await runPapers(['nightly', ...args, ...paced, '--skip-build']);
      expect(night.code, night.stdout + night.stderr).toBe(0);
    }
    replay.server.setDay('2026-08-07', items);
    const result = await runPapers(['nightly', ...args, '--out-dir', dist, ...paced]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('Nightly 2026-08-06 … 2026-08-07: 0 added, 1 changed');
    expect(result.stdout).toMatch(new RegExp(`Site: built in \\d+\\.\\d s into ${dist}\\n`));
    expect(result.stderr).toBe('papers nightly: building the site…\n');

    const page = readFileSync(path.join(dist, 'days', '2026-08-07', 'index.html'), 'utf8');
    expect(page).toContain('AgentOPSD: Recursive Self-Distillation for Agentic Reinforcement Learning');
    // Its chart: a point for each night's count, and the counts in words.
    const paper = readFileSync(path.join(dist, 'papers', first.id, 'index.html'), 'utf8');
    expect(paper.match(/<circle class="dot"/g)).toHaveLength(3);
    expect(paper).toContain(`${first.upvotes - 30} upvotes when first fetched`);
    expect(paper).toContain(`${first.upvotes} upvotes at the last fetch`);
    // And on /rising/, first: it gained the most of the last 3 days' votes.
    const rising = readFileSync(path.join(dist, 'rising', 'index.html'), 'utf8');
    const listed = [...rising.matchAll(/<ol class="rising">([\s\S]*?)<\/ol>/g)][0]![1]!;
    expect(listed.indexOf(`papers/${first.id}/`)).toBeGreaterThan(-1);
    const manifest = JSON.parse(readFileSync(path.join(dist, 'search', 'index.json'), 'utf8'));
    // Every paper of the two days (26 + 20) in the search index, each with its record.
    expect(manifest.papers).toBe(46);
    const records = (manifest.parts as { name: string }[]).flatMap(({ name }) =>
      readdirSync(path.join(dist, 'search', name, 'papers')),
    );
    expect(records).toHaveLength(46);
  });
});
