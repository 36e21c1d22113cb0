// Archive folders from elsewhere (a copy someone sent, a backfill's shards) are data and nothing
// else, whichever command reads them: a day file whose front matter names another language than
// YAML (`---js`, which gray-matter would eval) is refused by name and nothing of it runs; a FIFO
// where a day file should be never hangs a run that holds the archive's lock; a device or a
// link out of the folder is named, not read.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveDay } from '../../../../scraper/archive/archive-day.ts';
import { dayFilePath, renderDayFile } from '../../../../scraper/archive/day-file.ts';
import { historyFilePath, readHistory } from '../../../../scraper/archive/history.ts';
import { readLedger, writeLedger } from '../../../../scraper/archive/ledger.ts';
import { fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';
import { readSiteArchive } from '../../../../site/data/read-archive.ts';
import { runMain } from '../../../helpers/cli.ts';
import { tempDir } from '../../../helpers/temp.ts';

const DATE = '2026-06-15';

/** An archive holding one good day, as a shard would. */
async function shard(): Promise<string> {
  const dir = tempDir();
  const { ledger } = await archiveDay(dir, await readLedger(dir), {
    date: DATE,
    kind: 'listing',
    via: 'api',
    source: `https://huggingface.co/api/daily_papers?date=${DATE}`,
    fetchedAt: '2026-08-08T01:00:00.000Z',
    items: fixtureItems(DATE),
  });
  await writeLedger(dir, ledger);
  return dir;
}

/** A day file whose front matter is JavaScript that writes `marker`, then gives a valid day. */
function scriptedDay(date: string, marker: string, fence = '---js'): string {
  const day = JSON.stringify(JSON.parse(JSON.stringify(dayRecord(date, [paperRecord('2606.00001')]))));
  return `${fence}\n(require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran'), ${day})\n---\n# ${date}\n`;
}

describe('a day file with front matter in another language than YAML', () => {
  for (const fence of ['---js', '---javascript', '--- JS ', '---coffee']) {
    it(`(${fence.trim()}) is refused by name by merge, status and the build, and nothing of it runs`, async () => {
      const source = await shard();
      const marker = path.join(tempDir(), 'ran');
      const file = dayFilePath(source, '2026-06-16');
      writeFileSync(file, scriptedDay('2026-06-16', marker, fence));
      const language = fence.slice(3).trim();
      const refused = `${file}: front matter in ${JSON.stringify(language)} is refused: a day file holds YAML front matter only`;

      const mine = tempDir();
      const merged = await runMain(['merge', '--content', mine, source]);
      expect(merged.code).toBe(1);
      expect(merged.stderr).toContain(refused);
      expect(existsSync(dayFilePath(mine, '2026-06-16'))).toBe(false);

      const status = await runMain(['status', '--content', source]);
      expect(status.code).toBe(1);
      expect(status.stdout + status.stderr).toContain(refused);

      await expect(readSiteArchive(source)).rejects.toThrow(refused);
      expect(existsSync(marker)).toBe(false);
    });
  }

  it('a YAML fence (---yaml) reads as the plain one does', async () => {
    const source = await shard();
    const text = renderDayFile(dayRecord('2026-06-16', [paperRecord('2606.00001')]));
    writeFileSync(dayFilePath(source, '2026-06-16'), text.replace(/^---\n/, '---yaml\n'));
    const status = await runMain(['status', '--content', source]);
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);
  });
});

describe('files of an archive that are no regular files inside it', () => {
  it('a FIFO as a day file: merge names it at once and releases the lock; the next run goes ahead', async () => {
    const source = await shard();
    const fifo = dayFilePath(source, '2026-06-16');
    execFileSync('mkfifo', [fifo]);
    const mine = tempDir();
    const merged = await runMain(['merge', '--content', mine, source]);
    expect(merged.code).toBe(1);
    expect(merged.stderr).toContain(`${fifo}: is a named pipe (FIFO), not a file`);
    expect(readdirSync(mine).filter((f) => f.startsWith('.papers.lock'))).toEqual([]);
    const status = await runMain(['status', '--content', source]);
    expect(status.code).toBe(1);
    expect(status.stdout + status.stderr).toContain('is a named pipe (FIFO), not a file');
  });

  it('a link to /dev/zero, and a link out of the archive, are named and not read', async () => {
    const source = await shard();
    const zero = dayFilePath(source, '2026-06-16');
    symlinkSync('/dev/zero', zero);
    const secret = path.join(tempDir(), 'notes.md');
    writeFileSync(secret, renderDayFile(dayRecord('2026-06-17', [paperRecord('2606.00002')])));
    const out = dayFilePath(source, '2026-06-17');
    symlinkSync(secret, out);
    const mine = tempDir();
    const merged = await runMain(['merge', '--content', mine, source]);
    expect(merged.code).toBe(1);
    expect(merged.stderr).toContain(`${zero}: leads out of ${source} (to /dev/zero)`);
    expect(merged.stderr).toContain(`${out}: leads out of ${source} (to ${secret})`);
    expect(existsSync(dayFilePath(mine, '2026-06-17'))).toBe(false);
    // The good day of the same folder is merged all the same.
    expect(existsSync(dayFilePath(mine, DATE))).toBe(true);
  });

  it('a history of votes that is a link out, or not one, is named by status and merge; the day merges without it', async () => {
    const source = await shard();
    const secret = path.join(tempDir(), 'secret.jsonl');
    writeFileSync(
      secret,
      '{"id":"2606.00001","at":"2026-06-16T01:00:00.000Z","upvotes":1,"comments":0,"githubStars":null}\n',
    );
    const linked = historyFilePath(source, DATE);
    rmSync(linked);
    symlinkSync(secret, linked);
    const broken = historyFilePath(source, '2026-06-16');
    writeFileSync(broken, 'not a history\n');
    const status = await runMain(['status', '--content', source]);
    expect(status.code).toBe(1);
    expect(status.stdout).toContain(`${linked}: leads out of ${source} (to ${secret})`);
    expect(status.stdout).toContain(`${broken}: line 1 is not JSON`);
    const mine = tempDir();
    const merged = await runMain(['merge', '--content', mine, source]);
    expect(merged.stderr).toContain(`${linked}: leads out of ${source} (to ${secret})`);
    expect(existsSync(dayFilePath(mine, DATE))).toBe(true);
    // Its own numbers only: nothing of the file outside was read into the archive's history.
    expect((await readHistory(mine, DATE)).every((e) => e.at === '2026-08-08T01:00:00.000Z')).toBe(true);
  });

  it('a ledger that is a FIFO is named, not waited on', async () => {
    const source = tempDir();
    mkdirSync(path.join(source, 'days'));
    execFileSync('mkfifo', [path.join(source, 'ledger.json')]);
    const status = await runMain(['status', '--content', source]);
    expect(status.code).not.toBe(0);
    expect(status.stderr).toContain(`${path.join(source, 'ledger.json')}: is a named pipe (FIFO), not a file`);
  });
});
