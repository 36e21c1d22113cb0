// What a commit of the archive says: the days added and changed in its subject, every date and
// the papers added in its body; and the changes it is written from, computed from two states of
// the archive. All pure.
import { describe, expect, it } from 'vitest';
import type { Ledger, LedgerEntry } from '../../../../scraper/archive/index.ts';
import { type ContentChanges, contentChanges, dayFileDate, diffDay } from '../../../../scraper/git/changes.ts';
import {
  backfillCommitMessage,
  dateList,
  describeChanges,
  nightlyCommitMessage,
} from '../../../../scraper/git/commit-message.ts';
import { remoteMovedOn } from '../../../../scraper/git/publish.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';

const entry = (status: LedgerEntry['status'], papers = 0, reason: string | null = null): LedgerEntry => ({
  status,
  papers,
  at: '2026-08-08T01:00:00.000Z',
  via: 'api',
  reason,
});
const ledger = (days: Record<string, LedgerEntry>): Ledger => ({ format: 1, days });

describe('the changes between two states of an archive', () => {
  const a = paperRecord('2608.00001', { title: 'First', upvotes: 3 });
  const b = paperRecord('2608.00002', { title: 'Second' });

  it('tells a day added, updated (votes, a paper more), removed, or the same', () => {
    expect(diffDay('2026-08-07', null, dayRecord('2026-08-07', [a, b]))).toEqual({
      date: '2026-08-07',
      kind: 'added',
      papers: 2,
      papersAdded: [
        { date: '2026-08-07', id: a.id, title: 'First' },
        { date: '2026-08-07', id: b.id, title: 'Second' },
      ],
    });
    const held = dayRecord('2026-08-06', [a]);
    expect(diffDay('2026-08-06', held, dayRecord('2026-08-06', [{ ...a, upvotes: 9 }]))).toMatchObject({
      kind: 'updated',
      papersAdded: [],
    });
    expect(diffDay('2026-08-06', held, dayRecord('2026-08-06', [a, b]))).toMatchObject({
      kind: 'updated',
      papers: 2,
      papersAdded: [{ id: b.id }],
    });
    expect(diffDay('2026-08-06', held, null)).toMatchObject({ kind: 'removed', papers: 0 });
    // Fetched again, nothing else changed: not a change.
    const again = dayRecord('2026-08-06', [a], { fetchedAt: '2026-08-09T00:00:00.000Z', via: 'api' });
    expect(diffDay('2026-08-06', held, again)).toBeNull();
  });

  it('tells an update in which only the numbers moved (their order following) from one that changed more', () => {
    const held = dayRecord('2026-07-31', [a, b]);
    const votes = dayRecord('2026-07-31', [
      { ...b, upvotes: 7, comments: 2, githubStars: 4 },
      { ...a, upvotes: 5 },
    ]);
    expect(diffDay('2026-07-31', held, votes)).toMatchObject({ kind: 'updated', numbersOnly: true });
    const retitled = dayRecord('2026-07-31', [{ ...a, upvotes: 5, title: 'First, revised' }, b]);
    expect(diffDay('2026-07-31', held, retitled)).toMatchObject({ kind: 'updated', numbersOnly: false });
    const grown = dayRecord('2026-07-31', [a, b, paperRecord('2607.00003')]);
    expect(diffDay('2026-07-31', held, grown)).toMatchObject({ kind: 'updated', numbersOnly: false });
    const partial = dayRecord('2026-07-31', [{ ...a, upvotes: 5 }, b], { status: 'partial', problems: ['x'] });
    expect(diffDay('2026-07-31', held, partial)).toMatchObject({ kind: 'updated', numbersOnly: false });
  });

  it('tells ledger entries that changed for dates whose file did not, their time aside', () => {
    const before = ledger({ '2026-08-07': entry('ok', 20), '2026-08-08': entry('failed', 0, 'HTTP 503') });
    const after = ledger({
      '2026-08-07': { ...entry('ok', 21), at: '2026-08-09T00:00:00.000Z' },
      '2026-08-08': entry('no-listing', 0, 'redirected to 2026-08-07'),
      '2026-08-09': entry('no-listing'),
      '2026-08-10': { ...entry('failed', 0, 'HTTP 503'), at: 'later' },
    });
    const changes = contentChanges(
      [{ date: '2026-08-07', before: null, after: dayRecord('2026-08-07', [a]) }],
      { before: { ...before, days: { ...before.days, '2026-08-10': entry('failed', 0, 'HTTP 503') } }, after },
      ['README.md'],
    );
    expect(changes.ledger.map((l) => [l.date, l.status])).toEqual([
      ['2026-08-08', 'no-listing'],
      ['2026-08-09', 'no-listing'],
    ]);
    expect(changes.days.map((d) => d.date)).toEqual(['2026-08-07']);
    expect(changes.other).toEqual(['README.md']);
  });

  it('knows a day file by its path under the content folder', () => {
    expect(dayFileDate('days/2026/2026-08-07.md')).toBe('2026-08-07');
    expect(dayFileDate('ledger.json')).toBeNull();
    expect(dayFileDate('days/2026/.2026-08-07.md.tmp-1-ab')).toBeNull();
    expect(dayFileDate('other/days/2026/2026-08-07.md')).toBeNull();
  });
});

const change = (date: string, kind: 'added' | 'updated' | 'removed', ids: string[] = []) => ({
  date,
  kind,
  papers: ids.length,
  papersAdded: ids.map((id) => ({ date, id, title: `Title of ${id}` })),
});

describe('the commit message', () => {
  const nightly: ContentChanges = {
    days: [
      change('2026-08-05', 'updated'),
      change('2026-08-06', 'updated'),
      change('2026-08-07', 'added', ['2608.1', '2608.2']),
    ],
    ledger: [{ date: '2026-08-08', status: 'no-listing', reason: null }],
    other: [],
  };

  it('names the days added and changed in its subject', () => {
    expect(nightlyCommitMessage(nightly).split('\n')[0]).toBe(
      'Daily Papers: 2026-08-07 added; 2026-08-05, 2026-08-06 updated; 2026-08-08 no listing',
    );
    expect(
      describeChanges({ days: [], ledger: [{ date: '2026-08-06', status: 'failed', reason: 'x' }], other: [] }),
    ).toBe('2026-08-06 failed');
    expect(describeChanges({ days: [], ledger: [], other: ['notes.txt'] })).toBe('1 other files changed');
  });

  it('lists every date and the papers added in its body', () => {
    expect(nightlyCommitMessage(nightly)).toBe(
      [
        'Daily Papers: 2026-08-07 added; 2026-08-05, 2026-08-06 updated; 2026-08-08 no listing',
        '',
        'Added (1): 2026-08-07',
        'Updated (2): 2026-08-05, 2026-08-06',
        'No listing (1): 2026-08-08',
        '',
        'Papers added (2):',
        '- 2026-08-07 2608.1 Title of 2608.1',
        '- 2026-08-07 2608.2 Title of 2608.2',
        '',
      ].join('\n'),
    );
  });

  it("names the revisited days whose numbers only moved apart from the window's", () => {
    const withRevisits: ContentChanges = {
      ...nightly,
      days: [
        { ...change('2026-07-08', 'updated'), numbersOnly: true },
        { ...change('2026-07-24', 'updated'), numbersOnly: false }, // a revisit that changed more
        { ...change('2026-07-31', 'updated'), numbersOnly: true },
        { ...nightly.days[0]!, numbersOnly: true }, // a window day's votes: updated, as ever
        ...nightly.days.slice(1),
      ],
    };
    const message = nightlyCommitMessage(withRevisits, { revisited: ['2026-07-08', '2026-07-24', '2026-07-31'] });
    expect(message.split('\n').slice(0, 6)).toEqual([
      'Daily Papers: 2026-08-07 added; 2026-07-24, 2026-08-05, 2026-08-06 updated; 2026-07-08, 2026-07-31 votes updated; 2026-08-08 no listing',
      '',
      'Added (1): 2026-08-07',
      'Updated (3): 2026-07-24, 2026-08-05, 2026-08-06',
      'Votes updated (2): 2026-07-08, 2026-07-31',
      'No listing (1): 2026-08-08',
    ]);
    // Without revisits, the same changes read as before.
    expect(nightlyCommitMessage(withRevisits).split('\n')[0]).toBe(
      'Daily Papers: 2026-08-07 added; 2026-07-08 … 2026-08-06 (5 days) updated; 2026-08-08 no listing',
    );
  });

  it('names many dates as a span, and lists at most 200 papers', () => {
    expect(dateList(['2026-06-03', '2026-06-01', '2026-06-02'])).toBe('2026-06-01, 2026-06-02, 2026-06-03');
    const dates = Array.from({ length: 12 }, (_, i) => `2026-06-${String(i + 10).padStart(2, '0')}`);
    expect(dateList(dates)).toBe('2026-06-10 … 2026-06-21 (12 days)');
    const many: ContentChanges = {
      days: dates.map((d, i) =>
        change(
          d,
          'added',
          Array.from({ length: 20 }, (_, j) => `2606.${i}${j}`),
        ),
      ),
      ledger: [],
      other: [],
    };
    const message = nightlyCommitMessage(many);
    expect(message.split('\n')[0]).toBe('Daily Papers: 2026-06-10 … 2026-06-21 (12 days) added');
    expect(message).toContain('Papers added (240):');
    expect(message).toContain('- … and 40 more');
    expect(message.split('\n').filter((l) => l.startsWith('- 2026'))).toHaveLength(200);
    // Date lists are wrapped for `git log`.
    for (const line of message.split('\n').filter((l) => !l.startsWith('- ')))
      expect(line.length).toBeLessThanOrEqual(72);
  });

  it('for a backfill, names the range and the counts', () => {
    const backfill: ContentChanges = {
      days: [change('2026-06-15', 'added', ['2606.1']), change('2026-06-16', 'added'), change('2026-06-17', 'updated')],
      ledger: [
        { date: '2026-06-20', status: 'no-listing', reason: null },
        { date: '2026-06-18', status: 'failed', reason: 'HTTP 503' },
      ],
      other: [],
    };
    expect(backfillCommitMessage(backfill, { from: '2026-06-15', to: '2026-06-30' }).split('\n')[0]).toBe(
      'Daily Papers backfill 2026-06-15 … 2026-06-30: 2 days added, 1 day updated, 1 no listing, 1 failed',
    );
  });
});

describe('a push the remote refused', () => {
  it('is retried after a rebase only when the remote moved on', () => {
    expect(
      remoteMovedOn(
        " ! [rejected]        HEAD -> main (fetch first)\nerror: failed to push some refs to '/tmp/remote.git'\n",
      ),
    ).toBe(true);
    expect(remoteMovedOn(' ! [rejected]        HEAD -> main (non-fast-forward)\n')).toBe(true);
    expect(remoteMovedOn(' ! [remote rejected] HEAD -> main (protected branch hook declined)\n')).toBe(false);
    expect(remoteMovedOn("fatal: could not read Username for 'https://github.com'\n")).toBe(false);
  });
});
