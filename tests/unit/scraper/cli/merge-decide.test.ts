// `papers merge`'s decisions, apart from the files: which copy of a day goes to the writer, and
// which ledger entry a date without a file keeps.
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../../scraper/archive/index.ts';
import { decideDay, decideEntry } from '../../../../scraper/merge/decide.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';

const at = (hour: number) => `2026-08-08T${String(hour).padStart(2, '0')}:00:00.000Z`;
const day = (fetchedHour: number, papers = 2) =>
  dayRecord(
    '2026-08-07',
    Array.from({ length: papers }, (_, i) => paperRecord(`2608.0000${i}`)),
    { fetchedAt: at(fetchedHour) },
  );
const entry = (status: LedgerEntry['status'], hour = 1, reason: string | null = null): LedgerEntry => ({
  status,
  papers: 0,
  at: at(hour),
  via: 'api',
  reason,
});

describe('decideDay', () => {
  it('writes a day the archive does not hold', () => {
    expect(decideDay(day(1), null)).toEqual({ write: true });
  });

  it("keeps the archive's copy when it was fetched later", () => {
    expect(decideDay(day(1, 3), day(5, 2))).toEqual({ write: false, why: "the archive's copy was fetched later" });
  });

  it('compares fetch times as instants, however their fractions are written', () => {
    // As strings, "…:00Z" sorts after "…:00.500Z" ('Z' > '.'), though it is half a second earlier.
    const held = { ...day(1), fetchedAt: '2026-08-08T01:00:00Z' };
    const source = { ...day(1), fetchedAt: '2026-08-08T01:00:00.500Z' };
    expect(decideDay(source, held)).toEqual({ write: true });
    expect(decideDay(held, source)).toEqual({ write: false, why: "the archive's copy was fetched later" });
  });

  it('hands a copy as new or newer to the writer, whose guards judge it; --force overrides', () => {
    expect(decideDay(day(5), day(1))).toEqual({ write: true });
    expect(decideDay(day(1), day(1))).toEqual({ write: true });
    expect(decideDay(day(1), day(5), { force: true })).toEqual({ write: true });
  });
});

describe('decideEntry', () => {
  it('never takes an entry over a day the archive holds', () => {
    expect(decideEntry(entry('no-listing'), { entry: undefined, held: true })).toMatchObject({ take: false });
    expect(decideEntry(entry('failed', 9), { entry: entry('ok'), held: true })).toMatchObject({ take: false });
  });

  it('takes an entry for a date the archive never tried', () => {
    expect(decideEntry(entry('failed'), { entry: undefined, held: false })).toEqual({ take: true });
    expect(decideEntry(entry('no-listing'), { entry: undefined, held: false })).toEqual({ take: true });
  });

  it('prefers "no listing" over "failed", whichever is newer', () => {
    expect(decideEntry(entry('no-listing', 1), { entry: entry('failed', 9), held: false })).toEqual({ take: true });
    expect(decideEntry(entry('failed', 9), { entry: entry('no-listing', 1), held: false })).toEqual({
      take: false,
      why: 'the archive knows the day as no-listing',
    });
  });

  it('between two of a kind, takes the newer', () => {
    expect(decideEntry(entry('failed', 9, 'HTTP 503'), { entry: entry('failed', 1, 'timeout'), held: false })).toEqual({
      take: true,
    });
    expect(decideEntry(entry('failed', 1), { entry: entry('failed', 9), held: false })).toMatchObject({ take: false });
  });

  it('keeps a lost file told: an "ok" entry without its file is not replaced', () => {
    expect(decideEntry(entry('no-listing', 9), { entry: { ...entry('ok'), papers: 20 }, held: false })).toMatchObject({
      take: false,
    });
  });
});
