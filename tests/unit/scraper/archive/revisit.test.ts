// A revisited day (archive/revisit.ts): the papers Hugging Face still lists with their numbers
// now, those it no longer lists kept as held after them, and a day so made passes the writer's
// guards that would refuse the listing alone.
import { describe, expect, it } from 'vitest';
import { describeUnlisted, keepUnlisted } from '../../../../scraper/archive/revisit.ts';
import { planWrite } from '../../../../scraper/archive/store.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';

const [a, b, c] = ['2607.00001', '2607.00002', '2607.00003'].map((id) => paperRecord(id, { upvotes: 5 }));
const held = dayRecord('2026-07-31', [a!, b!, c!]);

describe('keepUnlisted', () => {
  it('puts the papers no longer listed after the listed ones, as held, ranked on', () => {
    const fetched = dayRecord(
      '2026-07-31',
      [
        { ...c!, upvotes: 9 },
        { ...a!, upvotes: 7 },
      ],
      {
        fetchedAt: '2026-08-07T01:00:00.000Z',
        via: 'api',
      },
    );
    const { day, unlisted } = keepUnlisted(held, fetched);
    expect(unlisted).toEqual([b!.id]);
    expect(day.papers.map((p) => [p.rank, p.id, p.upvotes])).toEqual([
      [1, c!.id, 9],
      [2, a!.id, 7],
      [3, b!.id, 5],
    ]);
    expect(day).toMatchObject({ fetchedAt: fetched.fetchedAt, via: 'api' });
    // The listing alone is refused (fewer papers); the day kept whole is written.
    expect(planWrite(fetched, { day: held })).toMatchObject({ action: 'refused' });
    expect(planWrite(day, { day: held })).toMatchObject({ action: 'write' });
  });

  it('leaves a listing that lost nothing as it is, new papers and all', () => {
    const fetched = dayRecord('2026-07-31', [a!, b!, c!, paperRecord('2607.00004')]);
    expect(keepUnlisted(held, fetched)).toEqual({ day: fetched, unlisted: [] });
  });
});

describe('describeUnlisted', () => {
  it('counts and names them, the first five', () => {
    expect(describeUnlisted(['2607.00002'])).toBe(
      '1 paper no longer listed by Hugging Face (2607.00002), kept as the archive holds it',
    );
    const ids = Array.from({ length: 7 }, (_, i) => `2607.0000${i}`);
    expect(describeUnlisted(ids)).toBe(
      '7 papers no longer listed by Hugging Face (2607.00000, 2607.00001, 2607.00002, 2607.00003, 2607.00004, …), kept as the archive holds them',
    );
  });
});
