import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../../../scraper/archive/coverage.ts';
import { emptyLedger, parseLedger, recordAttempt, renderLedger } from '../../../../scraper/archive/ledger.ts';
import type { Day } from '../../../../scraper/archive/schema.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';

const held = (date: string, n: number, status: Day['status'] = 'ok'): Day =>
  dayRecord(
    date,
    Array.from({ length: n }, (_, i) => paperRecord(`2601.${String(10000 + i)}`)),
    { status, via: 'api', problems: status === 'partial' ? ['something missing'] : [] },
  );

describe('the ledger', () => {
  it('describes a held day by its file, and a missing one by the attempt', () => {
    let ledger = emptyLedger();
    ledger = recordAttempt(
      ledger,
      { date: '2026-01-05', status: 'ok', via: 'api', reason: null },
      held('2026-01-05', 3),
      'T1',
    );
    ledger = recordAttempt(
      ledger,
      { date: '2026-01-10', status: 'no-listing', via: 'page', reason: 'redirected to 2026-01-09' },
      null,
      'T1',
    );
    ledger = recordAttempt(
      ledger,
      { date: '2026-01-06', status: 'failed', via: 'page', reason: 'HTTP 500\nafter 5 tries' },
      null,
      'T1',
    );
    expect(ledger.days).toEqual({
      '2026-01-05': { status: 'ok', papers: 3, at: 'T1', via: 'api', reason: null },
      '2026-01-10': { status: 'no-listing', papers: 0, at: 'T1', via: 'page', reason: 'redirected to 2026-01-09' },
      '2026-01-06': { status: 'failed', papers: 0, at: 'T1', via: 'page', reason: 'HTTP 500 after 5 tries' },
    });
  });

  it('moves an entry only when something in it changes', () => {
    let ledger = recordAttempt(
      emptyLedger(),
      { date: '2026-01-05', status: 'ok', via: 'api', reason: null },
      held('2026-01-05', 3),
      'T1',
    );
    const same = recordAttempt(
      ledger,
      { date: '2026-01-05', status: 'ok', via: 'api', reason: null },
      held('2026-01-05', 3),
      'T2',
    );
    expect(same).toBe(ledger);
    ledger = recordAttempt(
      ledger,
      { date: '2026-01-05', status: 'ok', via: 'api', reason: null },
      held('2026-01-05', 4),
      'T3',
    );
    expect(ledger.days['2026-01-05']).toMatchObject({ papers: 4, at: 'T3' });
  });

  it('does not mark a held day failed when a re-fetch fails', () => {
    const ledger = recordAttempt(
      emptyLedger(),
      { date: '2026-01-05', status: 'ok', via: 'api', reason: null },
      held('2026-01-05', 3),
      'T1',
    );
    const after = recordAttempt(
      ledger,
      { date: '2026-01-05', status: 'failed', via: 'page', reason: 'timeout' },
      held('2026-01-05', 3),
      'T2',
    );
    expect(after.days['2026-01-05']).toMatchObject({ status: 'ok', papers: 3 });
  });

  it('renders one sorted line per date, and reads back what it wrote', () => {
    let ledger = emptyLedger();
    for (const date of ['2026-01-07', '2026-01-05', '2026-01-06']) {
      ledger = recordAttempt(
        ledger,
        { date, status: 'no-listing', via: 'api', reason: null },
        null,
        '2026-01-08T00:00:00.000Z',
      );
    }
    const text = renderLedger(ledger);
    expect(
      text
        .split('\n')
        .filter((l) => l.includes('"2026-01'))
        .map((l) => l.trim().slice(1, 11)),
    ).toEqual(['2026-01-05', '2026-01-06', '2026-01-07']);
    expect(parseLedger(text, 'ledger.json')).toEqual(ledger);
    expect(() => parseLedger('{"format":1,"days":{"2026-13-01":{}}}', 'content/ledger.json')).toThrow(
      /^content\/ledger\.json: /,
    );
    expect(() => parseLedger('{', 'content/ledger.json')).toThrow(/content\/ledger\.json: not valid JSON/);
  });
});

describe('coverage', () => {
  it('tells a quiet day from a lost one', () => {
    let ledger = emptyLedger();
    const days = [held('2026-01-05', 3), held('2026-01-09', 2, 'partial'), held('2026-01-11', 1)]; // Mon, Fri, Sun
    for (const d of days)
      ledger = recordAttempt(ledger, { date: d.date, status: d.status, via: 'api', reason: null }, d, 'T');
    ledger = recordAttempt(
      ledger,
      { date: '2026-01-06', status: 'no-listing', via: 'page', reason: 'holiday' },
      null,
      'T',
    );
    ledger = recordAttempt(
      ledger,
      { date: '2026-01-07', status: 'failed', via: 'page', reason: 'HTTP 503' },
      null,
      'T',
    );
    ledger = recordAttempt(
      ledger,
      { date: '2026-01-12', status: 'ok', via: 'api', reason: null },
      held('2026-01-12', 5),
      'T',
    );
    const c = computeCoverage(
      days.map((d) => ({ date: d.date, status: d.status, paperIds: d.papers.map((p) => p.id) })),
      ledger,
    );
    expect(c).toMatchObject({
      first: '2026-01-05',
      last: '2026-01-12',
      held: 3,
      ok: 2,
      partial: 1,
      papers: 6,
      distinctPapers: 3,
      weekendDaysHeld: 1,
    });
    expect(c.missingWeekdays).toEqual([
      { date: '2026-01-06', why: 'no listing', reason: 'holiday' },
      { date: '2026-01-07', why: 'failed', reason: 'HTTP 503' },
      { date: '2026-01-08', why: 'never tried', reason: null },
      { date: '2026-01-12', why: 'file lost', reason: null },
    ]);
    expect(c.lost).toEqual(['2026-01-12']);
  });
});
