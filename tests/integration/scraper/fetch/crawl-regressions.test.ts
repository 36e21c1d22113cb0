// A re-fetch through the replay server that lost what the archive holds is refused like a
// shrink, naming the day and the fields: every vote turned into the string "0", every author
// list null, abstracts gone. The held day stays byte for byte, and --force still overrides.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dayFilePath } from '../../../../scraper/archive/day-file.ts';
import { fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { crawlReplay, useReplay } from './crawl-helpers.ts';

const replay = useReplay();
const DAY = '2026-08-06';

/** The day as the site would answer it after `spoil`. */
function served(spoil: (item: Record<string, any>) => void) {
  const items = fixtureItems(DAY);
  for (const item of items) spoil(item);
  return items;
}

describe('a regressive re-fetch', () => {
  for (const source of ['page', 'api'] as const) {
    it(`is refused, naming the fields, and --force overrides it (${source} source)`, async () => {
      const content = tempDir();
      expect((await crawlReplay(replay.server, { contentDir: content, dates: [DAY], source })).reports[0]?.status).toBe(
        'ok',
      );
      const file = dayFilePath(content, DAY);
      const held = readFileSync(file, 'utf8');
      try {
        // Votes as strings and authors null: every record is rejected as the wrong type.
        replay.server.setDay(
          DAY,
          served((i) => {
            i.paper.upvotes = '0';
            i.paper.authors = null;
          }),
        );
        const wrongTypes = await crawlReplay(replay.server, { contentDir: content, dates: [DAY], source });
        expect(wrongTypes.reports[0]).toMatchObject({ status: 'failed', action: 'none' });
        expect(wrongTypes.reports[0]?.message).toMatch(/paper\.upvotes is the string "0", not a whole number/);
        expect(readFileSync(file, 'utf8')).toBe(held);

        // Well-typed but emptied: authors and abstracts gone, votes at 0.
        replay.server.setDay(
          DAY,
          served((i) => {
            i.paper.upvotes = 0;
            i.paper.authors = [];
            i.paper.summary = '';
            delete i.summary;
          }),
        );
        const emptied = await crawlReplay(replay.server, { contentDir: content, dates: [DAY], source });
        expect(emptied.reports[0]).toMatchObject({ action: 'refused' });
        expect(emptied.reports[0]?.message).toMatch(
          new RegExp(
            `^${DAY}: the new listing lost what the archive holds: authors gone for \\d+ of \\d+ papers .*abstract gone .*votes fell to 0`,
          ),
        );
        expect(readFileSync(file, 'utf8')).toBe(held);
        const forced = await crawlReplay(replay.server, { contentDir: content, dates: [DAY], source, force: true });
        expect(forced.reports[0]).toMatchObject({ action: 'updated' });
      } finally {
        replay.server.setDay(DAY, fixtureItems(DAY));
      }
    });
  }
});
