// The feeds that follow something (site/lib/feed-list.ts, feed-items.ts): which exist (an
// organization from its 3rd paper, a keyword from its 5th, folded as the search's keyword filter
// folds it), what their items are (whole days, newest first), when a week or a month has ended
// (from the archive's newest day, never the clock), and when a paper passed an upvote mark (from
// the history of votes, else from the day's count).
import { describe, expect, it } from 'vitest';
import type { HistoryEntry, Paper } from '../../../../scraper/archive/index.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';
import { buildArchiveIndex } from '../../../../site/lib/archive-index.ts';
import {
  crossing,
  groupItems,
  historiesById,
  milestoneItems,
  monthEnd,
  monthItems,
  weekEnd,
  weekItems,
} from '../../../../site/lib/feed-items.ts';
import { buildFeeds, keywordSlugs } from '../../../../site/lib/feed-list.ts';
import { sitePaths } from '../../../../site/lib/paths.ts';

const paths = sitePaths('/dpa/');
const SITE = 'https://archive.example.org';
const org = (handle: string, name = handle) => ({ handle, name, avatar: null, isVerified: false });
const p = (id: string, extra: Partial<Paper> = {}) => paperRecord(id, extra);
const feedsOf = (days: ReturnType<typeof dayRecord>[], histories = new Map<string, HistoryEntry[]>()) =>
  buildFeeds(buildArchiveIndex(days), histories, paths, SITE);
const named = (days: ReturnType<typeof dayRecord>[], group: string) =>
  feedsOf(days)
    .filter((f) => f.group === group)
    .map((f) => [f.name, f.items.length]);

describe('which organizations and keywords have a feed', () => {
  it('an organization from its third paper, whatever the case of its handle', () => {
    const two = [
      dayRecord('2026-08-03', [p('2608.00001', { organization: org('Lab') })]),
      dayRecord('2026-08-04', [p('2608.00002', { organization: org('LAB', 'The Lab') })]),
    ];
    expect(named(two, 'organization')).toEqual([]);
    const three = [...two, dayRecord('2026-08-05', [p('2608.00003', { organization: org('lab', 'The Lab') })])];
    const feeds = feedsOf(three).filter((f) => f.group === 'organization');
    expect(feeds.map((f) => [f.name, f.items.length, f.rss, f.json, f.page])).toEqual([
      [
        'The Lab',
        3,
        '/dpa/feeds/organizations/lab.xml',
        '/dpa/feeds/organizations/lab.json',
        '/dpa/organizations/lab/',
      ],
    ]);
  });

  it('a keyword from its fifth paper, its case, spaces and accents folded, named as most papers spell it', () => {
    const spellings = ['Vidéo Generation', 'video generation', 'VIDEO  generation', 'Video génération'];
    // The fourth paper spells it twice: it counts once.
    const four = spellings.map((k, i) =>
      dayRecord(`2026-08-0${i + 1}`, [p(`2608.0000${i}`, { aiKeywords: i === 3 ? [k, 'video generation'] : [k] })]),
    );
    expect(named(four, 'keyword')).toEqual([]);
    const five = [...four, dayRecord('2026-08-06', [p('2608.00004', { aiKeywords: ['video generation'] })])];
    const [feed] = feedsOf(five).filter((f) => f.group === 'keyword');
    expect([feed!.name, feed!.items.length, feed!.rss]).toEqual([
      'video generation',
      5,
      '/dpa/feeds/keywords/video_generation.xml',
    ]);
    // Its page is the search filtered by it, which folds it the same way.
    expect(feed!.page).toBe('/dpa/search/?keyword=video+generation');
  });

  it('gives each keyword a file name of its own, from its key alone', () => {
    const slugs = keywordSlugs(['llm agents', 'llm-agents', 'con', 'a/b', 'gpt-4.5', '世界模型']);
    expect(slugs.get('llm agents')).toBe('llm_agents');
    expect(slugs.get('llm-agents')).toBe('llm-agents');
    for (const key of ['con', 'a/b', 'gpt-4.5', '世界模型'])
      expect(slugs.get(key)).toMatch(/^[a-z0-9-]*--[0-9a-f]{8}$/);
    expect(new Set(slugs.values()).size).toBe(6);
    expect(keywordSlugs(['gpt-4.5']).get('gpt-4.5')).toBe(slugs.get('gpt-4.5'));
  });
});

describe('a group feed', () => {
  it('lists the newest papers first, whole days only, the newest day whole whatever its size', () => {
    const days = Array.from({ length: 5 }, (_, d) =>
      dayRecord(
        `2026-08-0${d + 1}`,
        Array.from({ length: 20 }, (_, i) => p(`2608.${d}${String(i).padStart(4, '0')}`)),
      ),
    );
    const entries = [...buildArchiveIndex(days).papers.values()];
    // 50 fits two days of 20, not half of a third.
    const items = groupItems(entries, paths);
    expect(items).toHaveLength(40);
    expect(new Set(items.map((i) => i.pubDate.toISOString().slice(0, 10)))).toEqual(
      new Set(['2026-08-05', '2026-08-04']),
    );
    expect(items[0]!.link).toBe('/dpa/papers/2608.40000/');
    expect(groupItems(entries, paths, 10)).toHaveLength(20);
  });
});

describe('the top 20 of each week and month', () => {
  // 27 July 2026 is a Monday (week 31), 2 August its Sunday; 3 August starts week 32.
  const ranked = (n: number, date: string) =>
    Array.from({ length: n }, (_, i) => p(`2607.${date.slice(8)}${String(i).padStart(3, '0')}`, { upvotes: i }));

  it('has a week once the archive holds a day after its Sunday, dated the Monday after', () => {
    expect(weekEnd('2026-W31')).toBe('2026-08-03');
    const sunday = buildArchiveIndex([
      dayRecord('2026-07-27', ranked(25, '2026-07-27')),
      dayRecord('2026-08-02', [p('2608.00001')]),
    ]);
    expect(weekItems(sunday, paths, SITE)).toEqual([]);
    const monday = buildArchiveIndex([...sunday.days, dayRecord('2026-08-03', [p('2608.00002')])]);
    const [item, ...rest] = weekItems(monday, paths, SITE);
    expect(rest).toEqual([]);
    expect(item!.pubDate.toISOString()).toBe('2026-08-03T00:00:00.000Z');
    expect(item!.link).toBe('/dpa/weeks/2026-W31/');
    expect(item!.title).toBe('Top 20 of Week 31, 2026 (27 Jul – 2 Aug)');
    // Ranked by upvotes, each a link to its paper's page, absolute.
    const hrefs = [...item!.description.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs).toHaveLength(20);
    expect(hrefs[0]).toBe(`${SITE}/dpa/papers/2607.27024/`);
  });

  it('has a month once the archive holds a day of the next, dated its first day; none without', () => {
    expect([monthEnd('2026-07'), monthEnd('2026-12')]).toEqual(['2026-08-01', '2027-01-01']);
    const july = buildArchiveIndex([
      dayRecord('2026-07-27', ranked(3, '2026-07-27')),
      dayRecord('2026-07-31', [p('2607.99999')]),
    ]);
    expect(monthItems(july, paths, SITE)).toEqual([]);
    // Without an ended week or month, no feed at all: never an empty one.
    expect(feedsOf([...july.days]).map((f) => f.name)).not.toContain('Top 20 of each month');
    const august = buildArchiveIndex([...july.days, dayRecord('2026-08-03', [p('2608.00001')])]);
    const items = monthItems(august, paths, SITE);
    expect(items.map((i) => [i.title, i.pubDate.toISOString()])).toEqual([
      ['Top 4 of July 2026', '2026-08-01T00:00:00.000Z'],
    ]);
    expect(feedsOf([...august.days]).map((f) => f.name)).toContain('Top 20 of each month');
  });
});

describe('papers passing an upvote mark', () => {
  const days = [
    dayRecord('2026-08-04', [p('2608.00001', { upvotes: 60 }), p('2608.00002', { upvotes: 9 })]),
    dayRecord('2026-08-05', [p('2608.00003', { upvotes: 12 })]),
  ];
  const at = (id: string, time: string, upvotes: number): HistoryEntry => ({
    id,
    at: time,
    upvotes,
    comments: 0,
    githubStars: null,
  });

  it('dates a crossing by the first fetch of the history at or over the mark', () => {
    const histories = new Map([
      [
        '2026-08-04',
        [
          at('2608.00001', '2026-08-04T20:00:00.000Z', 8),
          at('2608.00001', '2026-08-05T02:00:00.000Z', 11),
          at('2608.00001', '2026-08-06T02:00:00.000Z', 60),
        ],
      ],
    ]);
    const index = buildArchiveIndex(days);
    const byId = historiesById(histories);
    const entry = index.papers.get('2608.00001')!;
    expect(crossing(entry, byId.get(entry.id)!, index, 10)).toEqual({
      at: '2026-08-05T02:00:00.000Z',
      upvotes: 11,
      from: 'history',
    });
    expect(crossing(entry, byId.get(entry.id)!, index, 50)).toEqual({
      at: '2026-08-06T02:00:00.000Z',
      upvotes: 60,
      from: 'history',
    });
    expect(crossing(entry, byId.get(entry.id)!, index, 100)).toBeNull();
    // Without a history, the listing day whose count first reached it.
    const other = index.papers.get('2608.00003')!;
    expect(crossing(other, [], index, 10)).toEqual({ at: '2026-08-05T00:00:00.000Z', upvotes: 12, from: 'day' });
    const items = milestoneItems(index, byId, 10, paths);
    expect(items.map((i) => [i.link, i.pubDate.toISOString()])).toEqual([
      ['/dpa/papers/2608.00001/', '2026-08-05T02:00:00.000Z'],
      ['/dpa/papers/2608.00003/', '2026-08-05T00:00:00.000Z'],
    ]);
    expect(items[0]!.description).toMatch(/^<p>Passed 10 upvotes: 11 upvotes at Wed 5 Aug 2026, 02:00 UTC\./);
  });

  it('takes the first day whose count reached it when a paper is featured again', () => {
    const again = [
      dayRecord('2026-08-03', [p('2608.00007', { upvotes: 4 })]),
      dayRecord('2026-08-06', [p('2608.00007', { upvotes: 104 })]),
    ];
    const index = buildArchiveIndex(again);
    expect(crossing(index.papers.get('2608.00007')!, [], index, 100)).toMatchObject({
      at: '2026-08-06T00:00:00.000Z',
      from: 'day',
    });
    // A mark no paper reached has no feed.
    expect(feedsOf(again).map((f) => f.name)).toEqual([
      'Newest papers',
      'Days',
      'Papers passing 10 upvotes',
      'Papers passing 50 upvotes',
      'Papers passing 100 upvotes',
    ]);
    expect(feedsOf([dayRecord('2026-08-03', [p('2608.00007', { upvotes: 4 })])]).map((f) => f.name)).toEqual([
      'Newest papers',
      'Days',
    ]);
  });
});
