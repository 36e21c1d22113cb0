// The keys by which an incremental build carries a page over (site/data/page-keys.ts): every
// generated page has one, and it moves exactly when the data the page shows moves. A key that
// stays put while its page's data changed would leave a stale page; the e2e test
// (tests/e2e/site/incremental.test.ts) checks whole builds, these check each page's inputs.
import { afterEach, describe, expect, test } from 'vitest';
import type { Day, Ledger, Paper } from '../../../../scraper/archive/index.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';
import {
  canonicalJson,
  clearPublishedPageKeys,
  normalizePathname,
  pageKeys,
  publishedPageKeys,
  publishPageKeys,
} from '../../../../site/data/page-keys.ts';
import { buildArchiveIndex } from '../../../../site/lib/archive-index.ts';
import { buildCalendar } from '../../../../site/lib/calendar.ts';

const paper = (id: string, upvotes = 1): Paper => paperRecord(id, { upvotes });
const ARCHIVE: Day[] = [
  dayRecord('2026-07-30', [paper('2607.00001'), paper('2607.00002')]),
  dayRecord('2026-07-31', [paper('2607.00003')]),
  dayRecord('2026-08-03', [paper('2608.00001'), paper('2607.00002')]),
];
/** The keys as the build makes them: the archive's index, its calendar and its ledger. */
function keysOf(days: Day[], ledger: Ledger = { format: 1, days: {} }): Map<string, string> {
  const index = buildArchiveIndex(days);
  const held = index.days.map((d) => ({ date: d.date, status: d.status, papers: d.papers.length }));
  return pageKeys(index, { ledger, calendar: buildCalendar(held, ledger) });
}

/** The pages whose key differs between two archives, new and removed pages included. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}

describe('canonicalJson', () => {
  test('the same data gives the same text whatever the order of its fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, { e: 0, f: 1 }] }, b: 1 }),
    );
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });
});

describe('pageKeys', () => {
  test('every page of a route with parameters has a key; the pages that read the whole archive have none', () => {
    expect([...keysOf(ARCHIVE).keys()].sort()).toEqual([
      '/days/2026-07-30',
      '/days/2026-07-30.json',
      '/days/2026-07-31',
      '/days/2026-07-31.json',
      '/days/2026-08-01', // a Saturday: why it has no papers, and the nearest days that have
      '/days/2026-08-02',
      '/days/2026-08-03',
      '/days/2026-08-03.json',
      '/months/2026-07',
      '/months/2026-08',
      '/papers/2607.00001',
      '/papers/2607.00002',
      '/papers/2607.00003',
      '/papers/2608.00001',
      '/papers/date/2026-07-30', // Hugging Face's addresses, leading to ours
      '/papers/date/2026-07-31',
      '/papers/date/2026-08-01',
      '/papers/date/2026-08-02',
      '/papers/date/2026-08-03',
      '/papers/month/2026-07',
      '/papers/month/2026-08',
      '/papers/week/2026-W31',
      '/papers/week/2026-W32',
      '/weeks/2026-W31',
      '/weeks/2026-W32',
    ]);
  });

  test('a keyword another paper comes to share: the pages that show its chip', () => {
    const tagged = (days: Day[], id: string) =>
      days.map((d) => ({ ...d, papers: d.papers.map((p) => (p.id === id ? { ...p, aiKeywords: ['Agents'] } : p)) }));
    const one = tagged(ARCHIVE, '2607.00003');
    const two = tagged(one, '2608.00001');
    expect(changed(keysOf(one), keysOf(two))).toEqual(
      expect.arrayContaining(['/papers/2607.00003', '/days/2026-07-31', '/weeks/2026-W31', '/months/2026-07']),
    );
  });

  test('a related paper’s votes or title moved: the pages that list it among their related', () => {
    const titled = (votes: number, title = 'Sparse attention for long video diffusion') => [
      dayRecord('2026-07-30', [paperRecord('2607.00001', { title: 'Sparse attention kernels for video diffusion' })]),
      dayRecord('2026-07-31', [paperRecord('2607.00002', { title, upvotes: votes })]),
      dayRecord('2026-08-03', [paperRecord('2608.00001', { title: 'Robot grasping from touch' })]),
    ];
    expect(changed(keysOf(titled(1)), keysOf(titled(7)))).toEqual(
      expect.arrayContaining(['/papers/2607.00001', '/papers/2607.00002']),
    );
    expect(changed(keysOf(titled(1)), keysOf(titled(7)))).not.toContain('/papers/2608.00001');
    expect(changed(keysOf(titled(1)), keysOf(titled(1, 'Sparse attention for long video diffusion, v2')))).toContain(
      '/papers/2607.00001',
    );
  });

  test('a date without papers: its page moves with its ledger entry and its nearest days', () => {
    const tried: Ledger = {
      format: 1,
      days: {
        '2026-08-01': { status: 'no-listing', papers: 0, at: '2026-08-02T01:00:00.000Z', via: 'page', reason: null },
      },
    };
    expect(changed(keysOf(ARCHIVE), keysOf(ARCHIVE, tried))).toContain('/days/2026-08-01');
    const nearer = [...ARCHIVE, dayRecord('2026-08-04', [paper('2608.00002')])];
    expect(changed(keysOf(ARCHIVE), keysOf(nearer))).not.toContain('/days/2026-08-01');
  });

  test('the same archive, read in another order or with its fields in another order, gives the same keys', () => {
    const reordered = [...ARCHIVE].reverse().map((d) => JSON.parse(canonicalJson(d)) as Day);
    expect(changed(keysOf(ARCHIVE), keysOf(reordered))).toEqual([]);
  });

  test('a day added: its pages, its papers, the day before it (its "next" link), its week and month', () => {
    const added = [...ARCHIVE, dayRecord('2026-08-04', [paper('2608.00002'), paper('2607.00001', 9)])];
    expect(changed(keysOf(ARCHIVE), keysOf(added))).toEqual([
      '/days/2026-08-03', // its next day is now 2026-08-04
      '/days/2026-08-04',
      '/days/2026-08-04.json',
      '/months/2026-07', // 2607.00001 is ranked there with its newest record (9 upvotes)
      '/months/2026-08',
      '/papers/2607.00001', // featured again: its days and its counts
      '/papers/2608.00002',
      '/papers/date/2026-08-04', // a new page: Hugging Face's address of the day
      '/weeks/2026-W31',
      '/weeks/2026-W32',
    ]);
  });

  test("one day's votes changed: that day's pages, its papers, and the week and month that rank them", () => {
    const voted = ARCHIVE.map((d) =>
      d.date === '2026-07-31' ? { ...d, papers: d.papers.map((p) => ({ ...p, upvotes: p.upvotes + 10 })) } : d,
    );
    expect(changed(keysOf(ARCHIVE), keysOf(voted))).toEqual([
      '/days/2026-07-31',
      '/days/2026-07-31.json',
      '/months/2026-07',
      '/papers/2607.00003',
      '/weeks/2026-W31',
    ]);
  });

  test('any field of a record, however deep, moves the keys of the pages that show it', () => {
    const edits: ((p: Paper) => Paper)[] = [
      (p) => ({ ...p, submitter: { handle: 'ada', name: 'Ada' } }),
      (p) => ({ ...p, organization: { handle: 'org', name: 'Org' } }),
      (p) => ({ ...p, aiKeywords: ['a keyword'] }),
      (p) => ({ ...p, abstract: `${p.abstract} More.` }),
    ];
    const base = keysOf(ARCHIVE);
    for (const edit of edits) {
      const edited = ARCHIVE.map((d) => (d.date === '2026-07-31' ? { ...d, papers: d.papers.map(edit) } : d));
      expect(changed(base, keysOf(edited))).toEqual(expect.arrayContaining(['/papers/2607.00003', '/days/2026-07-31']));
    }
  });

  test('a week gaining its first day changes the weeks either side (their pagers)', () => {
    const later = [...ARCHIVE, dayRecord('2026-08-10', [paper('2608.00009')])];
    expect(changed(keysOf(ARCHIVE), keysOf(later))).toEqual(
      expect.arrayContaining(['/weeks/2026-W32', '/weeks/2026-W33', '/days/2026-08-03']),
    );
    expect(changed(keysOf(ARCHIVE), keysOf(later))).not.toContain('/weeks/2026-W31');
  });
});

describe('organization pages', () => {
  const NV = { handle: 'nvidia', name: 'NVIDIA' };
  const LAB = { handle: 'Lab', name: 'A Lab' };
  const withOrgs: Day[] = [
    dayRecord('2026-07-30', [paperRecord('2607.00001', { organization: NV }), paper('2607.00002')]),
    dayRecord('2026-07-31', [paperRecord('2607.00003', { organization: LAB })]),
  ];
  const edit = (days: Day[], date: string, change: (p: Paper) => Paper): Day[] =>
    days.map((d) => (d.date === date ? { ...d, papers: d.papers.map(change) } : d));

  test('each organization’s page has a key, by its slug', () => {
    expect([...keysOf(withOrgs).keys()].filter((k) => k.startsWith('/organizations/')).sort()).toEqual([
      '/organizations/lab',
      '/organizations/nvidia',
    ]);
  });

  test('its papers’ votes or records moved: its page, not another organization’s', () => {
    const voted = edit(withOrgs, '2026-07-30', (p) => ({ ...p, upvotes: p.upvotes + 5 }));
    const moved = changed(keysOf(withOrgs), keysOf(voted));
    expect(moved).toContain('/organizations/nvidia');
    expect(moved).not.toContain('/organizations/lab');
  });

  test('a new paper of its own on a new day: its page (count, dates, newest), and the others stay', () => {
    const added = [...withOrgs, dayRecord('2026-08-03', [paperRecord('2608.00001', { organization: LAB })])];
    const moved = changed(keysOf(withOrgs), keysOf(added));
    expect(moved).toContain('/organizations/lab');
    expect(moved).not.toContain('/organizations/nvidia');
  });

  test('renamed by Hugging Face: its page, and the pages that show the name, no other', () => {
    const renamed = edit(withOrgs, '2026-07-31', (p) => ({ ...p, organization: { handle: 'Lab', name: 'The Lab' } }));
    expect(changed(keysOf(withOrgs), keysOf(renamed))).toEqual([
      '/days/2026-07-31',
      '/days/2026-07-31.json',
      '/months/2026-07',
      '/organizations/lab', // the same page: its slug is its handle's
      '/papers/2607.00003',
      '/weeks/2026-W31',
    ]);
  });

  test('a paper that comes to name an organization: its page appears, and that paper’s pages move', () => {
    const named = edit(withOrgs, '2026-07-30', (p) => (p.id === '2607.00002' ? { ...p, organization: LAB } : p));
    expect(changed(keysOf(withOrgs), keysOf(named))).toEqual(
      expect.arrayContaining(['/organizations/lab', '/days/2026-07-30', '/papers/2607.00002']),
    );
  });
});

test('normalizePathname: a leading slash, no trailing one', () => {
  expect(normalizePathname('/days/2026-08-03/')).toBe('/days/2026-08-03');
  expect(normalizePathname('papers/2608.00001')).toBe('/papers/2608.00001');
  expect(normalizePathname('/days/2026-08-03.json')).toBe('/days/2026-08-03.json');
});

describe('the channel from the site bundle to the build', () => {
  afterEach(clearPublishedPageKeys);

  test('what the bundle publishes, the build reads, until cleared', () => {
    expect(publishedPageKeys()).toBeNull();
    publishPageKeys(() => new Map([['/days/2026-08-03', 'k']]));
    expect(publishedPageKeys()?.get('/days/2026-08-03')).toBe('k');
    clearPublishedPageKeys();
    expect(publishedPageKeys()).toBeNull();
  });
});
