// The synthetic archive the build benchmarks scale with (scripts/bench/synthetic-corpus.ts):
// copies of the real archive filed over later dates, weekdays kept, papers under new arXiv ids
// that are valid, never real, and the same for every day that lists a paper. The pure parts on
// hand-made days, then one small archive written to a temporary folder and read back.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ARXIV_ID,
  type Day,
  DaySchema,
  entryForHeldDay,
  type Ledger,
  readArchive,
  readLedger,
  weekday,
  writeDay,
  writeLedger,
} from '../../../../scraper/archive/index.ts';
import {
  copyOffsetDays,
  idMinter,
  shiftDay,
  shiftLedger,
  writeSyntheticArchive,
} from '../../../../scripts/bench/synthetic-corpus.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';

const DAYS: Day[] = [
  dayRecord('2026-07-31', [
    paperRecord('2607.01234', { thumbnail: 'https://cdn.example/papers/2607.01234.png', upvotes: 7 }),
    paperRecord('2607.00042'),
  ]),
  dayRecord('2026-08-03', [
    paperRecord('2607.01234'),
    paperRecord('2608.00001', { withdrawnAt: '2026-08-05T00:00:00.000Z' }),
  ]),
];

describe('copyOffsetDays', () => {
  test('the span from first to last day, rounded up to whole weeks', () => {
    expect(copyOffsetDays('2026-07-31', '2026-08-03')).toBe(7);
    expect(copyOffsetDays('2026-08-03', '2026-08-09')).toBe(7);
    expect(copyOffsetDays('2026-08-03', '2026-08-10')).toBe(14);
    expect(copyOffsetDays('2023-05-04', '2026-08-07') % 7).toBe(0);
  });
});

describe('idMinter', () => {
  test('one new id per paper and copy, valid, named for the month it is listed in, never a real one', () => {
    const mint = idMinter();
    const a = mint(1, '2607.01234', '2026-08-07');
    expect(a).toBe('2608.60000');
    expect(mint(1, '2607.01234', '2026-08-10')).toBe(a);
    expect(mint(1, '2607.00042', '2026-08-07')).toBe('2608.60001');
    expect(mint(2, '2607.01234', '2026-09-01')).toBe('2609.60000');
    for (const id of [a, mint(3, '2501.00001', '2033-01-05')]) expect(id).toMatch(ARXIV_ID);
  });
});

describe('shiftDay', () => {
  const mint = idMinter();
  const offset = copyOffsetDays('2026-07-31', '2026-08-03');
  const copies = [0, 1, 2].map((copy) => DAYS.map((d) => shiftDay(d, copy, offset, mint)));

  test('copy 0 is the archive itself', () => {
    expect(copies[0]).toEqual(DAYS);
  });

  test('copy k is k spans later, on the same weekday, and a valid day', () => {
    const [first, second] = copies[2]!;
    expect(first!.date).toBe('2026-08-14');
    expect(weekday(first!.date)).toBe(weekday('2026-07-31'));
    expect(first!.source).toBe('https://huggingface.co/papers/date/2026-08-14');
    for (const d of copies.flat()) expect(DaySchema.safeParse(d).success).toBe(true);
    expect(second!.papers[1]!.withdrawnAt).toBe('2026-08-19T00:00:00.000Z');
  });

  test('papers get new ids, the same on every day of a copy, and the thumbnail follows the id', () => {
    const [first, second] = copies[1]!;
    const id = first!.papers[0]!.id;
    expect(id).not.toBe('2607.01234');
    expect(second!.papers[0]!.id).toBe(id);
    expect(first!.papers[0]!.thumbnail).toBe(`https://cdn.example/papers/${id}.png`);
    expect(first!.papers[0]!.upvotes).toBe(7);
    const ids = copies.flat().flatMap((d) => d.papers.map((p) => p.id));
    expect(new Set(ids).size).toBe(3 * 3);
  });
});

test('shiftLedger: every entry, held or not, in every copy', () => {
  const ledger: Ledger = {
    format: 1,
    days: {
      '2026-07-31': { status: 'ok', papers: 2, at: '2026-08-01T01:00:00.000Z', via: 'page', reason: null },
      '2026-08-01': {
        status: 'no-listing',
        papers: 0,
        at: '2026-08-02T01:00:00.000Z',
        via: 'page',
        reason: 'redirected',
      },
    },
  };
  const shifted = shiftLedger(ledger, 2, 7);
  expect(Object.keys(shifted.days)).toEqual(['2026-07-31', '2026-08-01', '2026-08-07', '2026-08-08']);
  expect(shifted.days['2026-08-08']).toEqual({ ...ledger.days['2026-08-01'], at: '2026-08-09T01:00:00.000Z' });
});

describe('writeSyntheticArchive', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'synthetic-'));
    for (const d of DAYS) await writeDay(path.join(dir, 'from'), d);
    const held = Object.fromEntries(DAYS.map((d) => [d.date, entryForHeldDay(d, '2026-08-04T01:00:00.000Z')]));
    await writeLedger(path.join(dir, 'from'), { format: 1, days: held });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('writes an archive of 3 copies that reads back whole', async () => {
    const out = path.join(dir, 'x3');
    expect(await writeSyntheticArchive(path.join(dir, 'from'), 3, out)).toEqual({ days: 6 });
    const { days, errors } = await readArchive(out);
    expect(errors).toEqual([]);
    expect(days.map((d) => d.date).sort()).toEqual([
      '2026-07-31',
      '2026-08-03',
      '2026-08-07',
      '2026-08-10',
      '2026-08-14',
      '2026-08-17',
    ]);
    expect(new Set(days.flatMap((d) => d.papers.map((p) => p.id))).size).toBe(9);
    expect(Object.keys((await readLedger(out)).days)).toEqual(days.map((d) => d.date).sort());
  });
});
