// When the archive itself cannot be written (a file where a folder should be, no space, no
// permission), the crawl stops at once and says why, with no `failed` entry for the days it
// interrupted; and a day whose file is empty or unreadable is never taken as held whole.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayFilePath } from '../../../../scraper/archive/day-file.ts';
import { readLedger, writeLedger } from '../../../../scraper/archive/ledger.ts';
import { listDayFiles } from '../../../../scraper/archive/store.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { crawlReplay, useReplay } from './crawl-helpers.ts';

const replay = useReplay();
const WEEK = ['2026-08-03', '2026-08-04', '2026-08-05', '2026-08-06', '2026-08-07'];

describe('a crawl that cannot write the archive', () => {
  it('stops every worker at once, throws the file-system error, and records no failed day', async () => {
    const content = tempDir();
    mkdirSync(path.join(content, 'days'), { recursive: true });
    writeFileSync(path.join(content, 'days', '2026'), 'a file where the year folder should be');
    const asked: string[] = [];
    const run = crawlReplay(replay.server, {
      contentDir: content,
      dates: WEEK,
      concurrency: 2,
      source: 'api',
      get: async (url, options) => {
        asked.push(url);
        const { fetchGet } = await import('../../../../scraper/fetch/http.ts');
        return fetchGet(url, options);
      },
    });
    await expect(run).rejects.toMatchObject({
      code: expect.stringMatching(/^(ENOTDIR|EEXIST)$/),
      path: expect.stringContaining('2026'),
    });
    // At most the two days in flight were asked for; the rest of the week never was.
    expect(asked.length).toBeLessThanOrEqual(2);
    expect(Object.values((await readLedger(content)).days).filter((e) => e.status === 'failed')).toEqual([]);
  });
});

describe('onlyMissing', () => {
  it('fetches again a day the ledger says is ok whose file is empty or does not read', async () => {
    const content = tempDir();
    const first = await crawlReplay(replay.server, { contentDir: content, dates: WEEK, source: 'api' });
    expect(first.reports.every((r) => r.status === 'ok')).toBe(true);
    writeFileSync(dayFilePath(content, '2026-08-04'), '');
    writeFileSync(dayFilePath(content, '2026-08-05'), '---\nformat: 1\ndate: [broken\n---\n');
    const ledger = await readLedger(content);
    await writeLedger(content, ledger);
    const again = await crawlReplay(replay.server, {
      contentDir: content,
      dates: WEEK,
      source: 'api',
      onlyMissing: true,
    });
    expect(again.skipped).toEqual(['2026-08-03', '2026-08-06', '2026-08-07']);
    expect(again.reports.map((r) => r.date)).toEqual(['2026-08-04', '2026-08-05']);
    // An unreadable file is kept as it is (--force replaces it); the ledger says so rather than "ok".
    expect((await readLedger(content)).days['2026-08-05']).toMatchObject({ status: 'failed' });
    expect((await listDayFiles(content)).map((f) => f.date)).toEqual(WEEK);
  });
});
