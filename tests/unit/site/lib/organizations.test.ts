// The organizations pages' data (site/lib/organizations.ts): who is an organization, what it is
// called, which papers are its own, in which orders, and the address of its page, which must be
// URL-safe, unique and stable as the archive grows.
import { describe, expect, test } from 'vitest';
import type { Account, Day, Paper } from '../../../../scraper/archive/schema.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';
import { buildArchiveIndex } from '../../../../site/lib/archive-index.ts';
import {
  buildOrganizations,
  initialOf,
  mostUpvoted,
  newestPapers,
  organizationKey,
  organizationSlugs,
} from '../../../../site/lib/organizations.ts';

const org = (handle: string, name: string): Account => ({ handle, name });
const paper = (id: string, organization: Account | null, upvotes = 0): Paper =>
  paperRecord(id, { organization, upvotes });
const orgsOf = (days: Day[]) => buildOrganizations(buildArchiveIndex(days));

const NV = org('nvidia', 'NVIDIA');
const TH = org('Tencent-Hunyuan', 'Tencent Hunyuan');
const ARCHIVE: Day[] = [
  dayRecord('2026-07-30', [paper('2607.00001', NV, 5), paper('2607.00002', TH, 9), paper('2607.00003', null)]),
  dayRecord('2026-07-31', [paper('2607.00004', NV, 30), paper('2607.00005', org('Zeta', 'Zeta Lab'))]),
  // Featured again, with more upvotes, and Tencent's handle now in capitals: the same organization.
  dayRecord('2026-08-03', [paper('2607.00002', org('TENCENT-HUNYUAN', 'Tencent Hunyuan'), 12)]),
  dayRecord('2026-08-04', [paper('2608.00001', NV, 1), paper('2608.00002', org('Alpha', 'Alpha Lab'))]),
];

describe('buildOrganizations', () => {
  test('every organization, by number of papers, then by name; papers without one are in none', () => {
    const { list } = orgsOf(ARCHIVE);
    expect(list.map((o) => [o.name, o.papers.length])).toEqual([
      ['NVIDIA', 3],
      ['Alpha Lab', 1],
      ['Tencent Hunyuan', 1],
      ['Zeta Lab', 1],
    ]);
    expect(list.flatMap((o) => o.papers.map((e) => e.id))).not.toContain('2607.00003');
  });

  test('a handle in another case is the same organization, spelled as Hugging Face last spelled it', () => {
    const tencent = orgsOf(ARCHIVE).list.find((o) => o.name === 'Tencent Hunyuan')!;
    expect(tencent).toMatchObject({ handle: 'TENCENT-HUNYUAN', slug: 'tencent-hunyuan', formerNames: [] });
    expect(tencent.papers.map((e) => e.id)).toEqual(['2607.00002']);
    expect([tencent.firstDate, tencent.lastDate]).toEqual(['2026-07-30', '2026-08-03']);
  });

  test('a renamed organization is shown by its newest name, its earlier ones kept, latest first', () => {
    const renamed = [
      dayRecord('2026-07-01', [paper('2607.00001', org('lab', 'Old Lab'))]),
      dayRecord('2026-07-02', [paper('2607.00002', org('lab', 'Middle Lab'))]),
      dayRecord('2026-07-03', [paper('2607.00003', org('lab', 'Old Lab'))]),
      dayRecord('2026-07-06', [paper('2607.00004', org('lab', 'New Lab'))]),
    ];
    // The days read in any order give the same answer.
    for (const days of [renamed, [...renamed].reverse()]) {
      const [lab] = orgsOf(days).list;
      expect(lab).toMatchObject({ name: 'New Lab', formerNames: ['Old Lab', 'Middle Lab'], slug: 'lab' });
    }
  });

  test('its papers newest first, its most upvoted by the week pages’ ranking, its dates', () => {
    const nvidia = orgsOf(ARCHIVE).bySlug.get('nvidia')!;
    expect(newestPapers(nvidia).map((e) => e.id)).toEqual(['2608.00001', '2607.00004', '2607.00001']);
    expect(newestPapers(nvidia, 2)).toHaveLength(2);
    expect(mostUpvoted(nvidia).map((e) => [e.id, e.paper.upvotes])).toEqual([
      ['2607.00004', 30],
      ['2607.00001', 5],
      ['2608.00001', 1],
    ]);
    expect([nvidia.firstDate, nvidia.lastDate]).toEqual(['2026-07-30', '2026-08-04']);
  });

  test('a paper whose listings named two organizations is in both, so every card’s link has a page', () => {
    const moved = [
      dayRecord('2026-07-30', [paper('2607.00001', org('a', 'A'))]),
      dayRecord('2026-07-31', [paper('2607.00001', org('b', 'B'))]),
    ];
    const orgs = orgsOf(moved);
    expect(orgs.list.map((o) => [o.slug, o.papers.map((e) => e.id)])).toEqual([
      ['a', ['2607.00001']],
      ['b', ['2607.00001']],
    ]);
    expect(orgs.slugOf(org('A', 'Another name'))).toBe('a');
    expect(orgs.slugOf(org('c', 'C'))).toBeNull();
    expect(orgs.slugOf(null)).toBeNull();
  });

  test('an empty archive has no organization', () => {
    expect(orgsOf([]).list).toEqual([]);
  });
});

describe('organizationSlugs', () => {
  const slugOf = (handle: string, name = handle): string => {
    const key = organizationKey(org(handle, name));
    return organizationSlugs([key]).get(key)!;
  };

  test('a plain handle is its own slug, in lower case', () => {
    expect(
      ['nvidia', 'Tencent-Hunyuan', 'ByteDance-Seed', 'SJTU-DENG-Lab', 'a_b.c', '01-ai'].map((h) => slugOf(h)),
    ).toEqual(['nvidia', 'tencent-hunyuan', 'bytedance-seed', 'sjtu-deng-lab', 'a_b.c', '01-ai']);
  });

  test('anything else: its letters and digits, "--" and a hash of the key; URL-safe, never a plain slug', () => {
    const odd = [
      'evil"org',
      '../etc',
      '-lead',
      'a--b',
      'a.',
      'Über Lab',
      '北京大学',
      '<svg onload=alert(1)>',
      'con',
      'nul.x',
      'x'.repeat(200),
    ];
    const slugs = odd.map((h) => slugOf(h));
    for (const slug of slugs) {
      expect(slug).toMatch(/^[a-z0-9-]{1,40}--[0-9a-f]{8}$/);
      expect(encodeURIComponent(slug)).toBe(slug);
    }
    expect(slugs.slice(0, 6).map((s) => s.replace(/--.*/, ''))).toEqual([
      'evil-org',
      'etc',
      'lead',
      'a-b',
      'a',
      'uber-lab',
    ]);
    expect(slugOf('北京大学')).toMatch(/^org--/);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  test('an organization known by its name alone is hashed too, apart from a handle of the same text', () => {
    expect(slugOf('', 'Simple Lab')).toMatch(/^simple-lab--[0-9a-f]{8}$/);
    expect(organizationKey(org('', 'x'))).not.toBe(organizationKey(org('x', 'x')));
  });

  test('a slug depends on its own key only: others coming and going never move it', () => {
    const keys = ['@nvidia', '@evil"org', '=Some Lab'];
    const alone = keys.map((k) => organizationSlugs([k]).get(k));
    const together = organizationSlugs([...keys, "@evil'org", '@zeta']);
    expect(keys.map((k) => together.get(k))).toEqual(alone);
  });

  test('hashed slugs that meet take the whole hash, then a number', () => {
    // A hash whose first 8 digits are always the same: "x!3" and "x?3" share their words too.
    const clash = (key: string): string => (key.endsWith('3') ? 'ffffffff00000000' : `ffffffff0000000${key.at(-1)}`);
    const slugs = organizationSlugs(['@x!1', '@x!2', '@x!3', '@x?3'], clash);
    expect(Object.fromEntries(slugs)).toEqual({
      '@x!1': 'x-1--ffffffff', // the words differ: no clash
      '@x!2': 'x-2--ffffffff',
      '@x!3': 'x-3--ffffffff00000000',
      '@x?3': 'x-3--ffffffff00000000-2',
    });
  });
});

test('initialOf: the first letter, without accents or case; "#" for anything else', () => {
  expect(['NVIDIA', 'école', ' tsinghua', '01.AI', '北京大学', '', '"Org"'].map(initialOf)).toEqual([
    'n',
    'e',
    't',
    '#',
    '#',
    '#',
    '#',
  ]);
});
