// `papers scrape --max-page-mb` in process against the replay server: the size bound is the
// user's to set, and an answer over it fails its day by name while the others are kept.
import { describe, expect, it } from 'vitest';
import { listDayFiles } from '../../../../scraper/archive/store.ts';
import { runMain } from '../../../helpers/cli.ts';
import { FAST_PACING, replayServer } from '../../../helpers/replay.ts';
import { tempDir } from '../../../helpers/temp.ts';

const replay = replayServer({ quota: { pages: 1e9, api: 1e9 } });

describe('papers scrape --max-page-mb', () => {
  it('fails the day whose answer is over the bound, names the bound, and keeps the other days', async () => {
    const content = tempDir();
    replay.server.faults.set({ hugePage: { bytes: 3_000_000, paths: 'date=2026-08-05' } });
    try {
      const args = ['scrape', '--content', content, '--base-url', replay.url, '--source', 'api', ...FAST_PACING];
      const result = await runMain([...args, '--from', '2026-08-04', '--to', '2026-08-06', '--max-page-mb', '2']);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/2026-08-05 failed: .*the answer is larger than 2 MB once decoded/);
      expect((await listDayFiles(content)).map((f) => f.date)).toEqual(['2026-08-04', '2026-08-06']);
      // The default bound (20 MB) takes the same answer.
      replay.server.faults.set({ hugePage: { bytes: 3_000_000, paths: 'date=2026-08-05' } });
      expect((await runMain([...args, '--date', '2026-08-05'])).code).toBe(0);
    } finally {
      replay.server.faults.clear();
    }
  });
});
