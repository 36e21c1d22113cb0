// The reading list's pure parts: the stored list read back whatever is in storage (nothing, bad
// JSON, another shape, entries of which some are not entries), kept and merged; a shared link's
// fragment read as data, whatever an address can carry; the "New since your last visit" rule;
// and which key does what, and when none does.
import { describe, expect, test } from 'vitest';
import { type KeyPress, keyAction, moveTo } from '../../../../site/client/key-map.ts';
import {
  type CiteRecord,
  checkRecord,
  has,
  isArxivId,
  keep,
  merge,
  parseList,
  parseShare,
  SHARE_MOST,
  serializeList,
  shareFragment,
  without,
} from '../../../../site/client/list-store.ts';
import { isNewDay, visitStep } from '../../../../site/client/visits.ts';

const record = (id: string, more: Partial<CiteRecord> = {}): CiteRecord => ({
  id,
  title: `Paper ${id}`,
  authors: ['A. One', 'B. Two'],
  year: '2025',
  date: '2025-01-03',
  ...more,
});

describe('the stored list', () => {
  test('nothing stored is an empty list, not an unreadable one', () => {
    expect(parseList(null)).toEqual({ list: [], unreadable: false });
    expect(parseList('')).toEqual({ list: [], unreadable: false });
  });

  test('round-trips', () => {
    const list = keep(keep([], record('2501.00001'), true, 1), record('2501.00002'), false, 2);
    expect(parseList(serializeList(list))).toEqual({ list, unreadable: false });
    expect(list.map((e) => e.record.id)).toEqual(['2501.00002', '2501.00001']);
  });

  test.each([
    ['bad JSON', '{"v":1,"items":['],
    ['another version', JSON.stringify({ v: 2, items: [] })],
    ['no version', JSON.stringify([{ record: record('2501.00001') }])],
    ['null', 'null'],
    ['a number', '42'],
    ['items not a list', JSON.stringify({ v: 1, items: {} })],
  ])('%s is unreadable (set aside by the caller), and an empty list', (_, raw) => {
    expect(parseList(raw)).toEqual({ list: [], unreadable: true });
  });

  test('entries that are not entries are dropped one by one; an id is kept once', () => {
    const good = { record: record('2501.00001'), complete: true, added: 5 };
    const raw = JSON.stringify({
      v: 1,
      items: [
        good,
        null,
        'x',
        { record: record('../../etc') },
        { record: record('2501.00003', { authors: 'A. One' as unknown as string[] }) },
        { record: record('2501.00004', { date: '<img src=x>' }) },
        { record: record('2501.00005', { title: 7 as unknown as string }) },
        { ...good, added: 9 },
        { record: { ...record('2501.00006'), extra: '<script>' }, complete: false, added: 'soon' },
      ],
    });
    const { list, unreadable } = parseList(raw);
    expect(unreadable).toBe(false);
    expect(list).toEqual([good, { record: record('2501.00006'), complete: false, added: 0 }]);
  });

  test('a record needs an arXiv id, a title, a year, a day or null', () => {
    expect(checkRecord(record('2501.00001', { date: null }))).toEqual(record('2501.00001', { date: null }));
    expect(checkRecord({ ...record('2501.00001'), date: undefined })).toEqual(record('2501.00001', { date: null }));
    expect(checkRecord(record('2501.00001', { year: '20255' }))).toBeNull();
    expect(checkRecord(record('2501.00001', { title: 'x'.repeat(5001) }))).toBeNull();
  });

  test('keep: a complete record replaces an incomplete one, never the other way round', () => {
    const partial = keep([], record('2501.00001', { authors: ['A. One'] }), false, 1);
    const whole = keep(partial, record('2501.00001'), true, 2);
    expect(whole).toEqual([{ record: record('2501.00001'), complete: true, added: 1 }]);
    expect(keep(whole, record('2501.00001', { authors: [] }), false, 3)).toBe(whole);
    expect(has(whole, '2501.00001')).toBe(true);
    expect(without(whole, '2501.00001')).toEqual([]);
  });

  test('merge adds the new first, in the file’s order; counts them; completes the known in place', () => {
    const list = keep([], record('2501.00001', { authors: [] }), false, 1);
    const out = merge(list, [record('2501.00002'), record('2501.00001'), record('2501.00003')], true, 2);
    expect(out.added).toBe(2);
    expect(out.list.map((e) => [e.record.id, e.complete])).toEqual([
      ['2501.00002', true],
      ['2501.00003', true],
      ['2501.00001', true],
    ]);
  });
});

describe('a shared link', () => {
  test('round-trips its ids', () => {
    expect(parseShare(shareFragment(['2501.01234', '2502.00001']))).toEqual({
      ids: ['2501.01234', '2502.00001'],
      rejected: 0,
    });
  });

  test('a fragment that shares nothing is null', () => {
    for (const hash of ['', '#', '#main', '#idsx=2501.01234', '#q=ids=2501.01234']) expect(parseShare(hash)).toBeNull();
  });

  test.each([
    ['#ids=<img src=x onerror=alert(1)>,2501.01234', ['2501.01234'], 1],
    ['#ids=%3Cscript%3Ealert(1)%3C%2Fscript%3E', [], 1],
    ['#ids=javascript:alert(1)', [], 1],
    ['#ids=2501.01234%2C2502.00001', ['2501.01234', '2502.00001'], 0],
    ['#ids=%E0%A4%A,2501.01234', ['2501.01234'], 1],
    ['#ids=2501.01234v2,25010.1234,2501.123,2501.123456, 2501.01234 ,,', ['2501.01234'], 4],
    ['#ids=../../papers/2501.01234', [], 1],
    ['#ids=2501.01234&ids=2502.00001', [], 1],
  ])('%s: only arXiv ids, each once', (hash, ids, rejected) => {
    expect(parseShare(hash)).toEqual({ ids, rejected });
  });

  test(`at most ${SHARE_MOST} ids`, () => {
    const many = Array.from({ length: SHARE_MOST + 20 }, (_, i) => `2501.${String(i).padStart(5, '0')}`);
    expect(parseShare(`#ids=${many.join(',')}`)?.ids).toHaveLength(SHARE_MOST);
    expect(isArxivId('2501.00001')).toBe(true);
    expect(isArxivId(2501.00001)).toBe(false);
  });
});

describe('new since the last visit', () => {
  test('a first visit has no baseline: nothing is new; it remembers the day shown', () => {
    expect(visitStep({ seen: null, baseline: null }, '2026-07-29')).toEqual({
      baseline: null,
      store: { baseline: '', seen: '2026-07-29' },
    });
  });

  test('the next visit begins with the newest day seen before, and keeps it for the whole visit', () => {
    const first = visitStep({ seen: '2026-07-29', baseline: null }, '2026-08-05');
    expect(first).toEqual({ baseline: '2026-07-29', store: { baseline: '2026-07-29', seen: '2026-08-05' } });
    // Later pages of the same visit: the baseline holds though a newer day has now been seen.
    const later = visitStep({ seen: first.store.seen, baseline: first.store.baseline }, '2026-07-30');
    expect(later).toEqual({ baseline: '2026-07-29', store: { baseline: '2026-07-29', seen: '2026-08-05' } });
    expect(isNewDay('2026-07-30', later.baseline)).toBe(true);
    expect(isNewDay('2026-07-29', later.baseline)).toBe(false);
    expect(isNewDay('2026-07-01', later.baseline)).toBe(false);
  });

  test('a visit begun with no day seen stays without a baseline', () => {
    const step = visitStep({ seen: '2026-07-29', baseline: '' }, null);
    expect(step.baseline).toBeNull();
    expect(isNewDay('2026-08-05', step.baseline)).toBe(false);
  });

  test('an older day page does not lower the newest day seen; junk in storage is nothing', () => {
    expect(visitStep({ seen: '2026-08-05', baseline: '2026-08-05' }, '2026-06-30').store.seen).toBe('2026-08-05');
    expect(visitStep({ seen: '<b>', baseline: 'x' }, 'y')).toEqual({
      baseline: null,
      store: { baseline: '', seen: null },
    });
    expect(isNewDay('<b>', '2026-01-01')).toBe(false);
  });
});

describe('keys', () => {
  const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
    key,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    defaultPrevented: false,
    targetTag: 'BODY',
    targetEditable: false,
    ...more,
  });

  test('each key its action; others none', () => {
    expect(['/', 'j', 'k', 's', '?', 'J', 'x', 'Enter', 'Escape'].map((k) => keyAction(press(k)))).toEqual([
      'search',
      'next',
      'previous',
      'star',
      'help',
      null,
      null,
      null,
      null,
    ]);
    expect(keyAction(press('j', { targetTag: 'A' }))).toBe('next');
    expect(keyAction(press('s', { targetTag: 'BUTTON' }))).toBe('star');
  });

  test('none while typing in a field, with Ctrl, Alt or Meta, or once the page took the key', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT']) expect(keyAction(press('j', { targetTag: tag }))).toBeNull();
    expect(keyAction(press('/', { targetEditable: true, targetTag: 'DIV' }))).toBeNull();
    expect(keyAction(press('s', { ctrlKey: true }))).toBeNull();
    expect(keyAction(press('k', { altKey: true }))).toBeNull();
    expect(keyAction(press('/', { metaKey: true }))).toBeNull();
    expect(keyAction(press('j', { defaultPrevented: true }))).toBeNull();
  });

  test('moving: from none to the first or last, then one at a time, stopping at the ends', () => {
    expect(moveTo(-1, 1, 5)).toBe(0);
    expect(moveTo(-1, -1, 5)).toBe(4);
    expect(moveTo(0, 1, 5)).toBe(1);
    expect(moveTo(4, 1, 5)).toBe(4);
    expect(moveTo(0, -1, 5)).toBe(0);
    expect(moveTo(-1, 1, 0)).toBeNull();
  });
});
