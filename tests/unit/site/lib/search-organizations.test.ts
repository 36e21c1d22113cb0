// The organization filter (site/lib/search-organizations.ts): a name typed finds every
// organization whose name holds its words, case and accents ignored, and offers the nearest
// names when it finds none.
import { expect, test } from 'vitest';
import {
  matchOrganizations,
  nearOrganizations,
  type OrganizationList,
} from '../../../../site/lib/search-organizations.ts';

const list: OrganizationList = [
  ['AI at Meta', 40],
  ['Alibaba Group', 30],
  ['Meta Research', 12],
  ['Qwen (Alibaba)', 9],
  ['Metaverse Lab', 3],
  ['Université de Montréal', 2],
];

test('every organization whose name holds each word; the exact name; case and accents ignored', () => {
  expect(matchOrganizations('Meta', list)).toEqual([1, 3]);
  expect(matchOrganizations('alibaba', list)).toEqual([2, 4]);
  expect(matchOrganizations('universite montreal', list)).toEqual([6]);
  expect(matchOrganizations('AI at Meta', list)).toEqual([1]);
  expect(matchOrganizations('Google', list)).toEqual([]);
  expect(matchOrganizations('  ', list)).toEqual([]);
});

test('the nearest names, most papers first, when a name finds none', () => {
  expect(nearOrganizations('Alibba', list)).toEqual(['Alibaba Group', 'Qwen (Alibaba)']);
  expect(nearOrganizations('Metta', list)).toEqual(['AI at Meta', 'Meta Research']);
  expect(nearOrganizations('xy', list)).toEqual([]);
});
