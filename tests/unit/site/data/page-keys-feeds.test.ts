// The feed files' page keys (site/data/page-keys-feeds.ts): every file under /feeds/ has one,
// and it moves exactly when what the feed shows moves, so a night re-renders only those feeds.
import { describe, expect, test } from 'vitest';
import type { Day, Paper } from '../../../../scraper/archive/index.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';
import { feedPageKeys } from '../../../../site/data/page-keys-feeds.ts';
import { buildArchiveIndex } from '../../../../site/lib/archive-index.ts';

const org = (handle: string) => ({ handle, name: handle.toUpperCase(), avatar: null, isVerified: false });
const p = (id: string, handle: string, upvotes = 1): Paper =>
  paperRecord(id, { organization: org(handle), upvotes, aiKeywords: ['world models'] });
const ARCHIVE: Day[] = [
  dayRecord('2026-07-27', [p('2607.00001', 'lab'), p('2607.00002', 'lab'), p('2607.00003', 'kit')]),
  dayRecord('2026-07-28', [p('2607.00004', 'lab'), p('2607.00005', 'kit'), p('2607.00006', 'kit', 20)]),
  dayRecord('2026-08-03', [p('2608.00001', 'solo')]),
];

function keysOf(days: Day[]): Map<string, string> {
  const keys = new Map<string, string>();
  feedPageKeys(buildArchiveIndex(days), new Map(), keys);
  return keys;
}

const changed = (a: Map<string, string>, b: Map<string, string>): string[] =>
  [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();

describe('feed page keys', () => {
  test('every feed file under /feeds/ has one, each format its own', () => {
    expect([...keysOf(ARCHIVE).keys()].sort()).toEqual([
      '/feeds/days.json',
      '/feeds/keywords/world_models.json',
      '/feeds/keywords/world_models.xml',
      '/feeds/months.json',
      '/feeds/months.xml',
      '/feeds/organizations/kit.json',
      '/feeds/organizations/kit.xml',
      '/feeds/organizations/lab.json',
      '/feeds/organizations/lab.xml',
      '/feeds/papers.json',
      '/feeds/upvotes-10.json',
      '/feeds/upvotes-10.xml',
      '/feeds/weeks.json',
      '/feeds/weeks.xml',
    ]);
  });

  test('votes that move no item leave the papers’ feeds be; the tops of the week and month move', () => {
    const voted = ARCHIVE.map((d) => ({ ...d, papers: d.papers.map((x) => ({ ...x, upvotes: x.upvotes + 1 })) }));
    expect(changed(keysOf(ARCHIVE), keysOf(voted))).toEqual([
      '/feeds/months.json',
      '/feeds/months.xml',
      '/feeds/weeks.json',
      '/feeds/weeks.xml',
    ]);
  });

  test('a new paper of an organization: its feed and its keyword’s, not the other organization’s', () => {
    const added = [...ARCHIVE, dayRecord('2026-08-04', [p('2608.00002', 'lab')])];
    const moved = changed(keysOf(ARCHIVE), keysOf(added));
    expect(moved).toEqual(
      expect.arrayContaining([
        '/feeds/organizations/lab.xml',
        '/feeds/organizations/lab.json',
        '/feeds/keywords/world_models.xml',
        '/feeds/papers.json',
      ]),
    );
    expect(moved).not.toContain('/feeds/organizations/kit.xml');
    expect(moved).not.toContain('/feeds/weeks.xml');
  });
});
