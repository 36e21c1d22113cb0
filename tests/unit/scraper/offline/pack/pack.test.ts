// The folder inside a pack, named after the file: a name that could not be one folder (`..zip`,
// `...tar.gz`, a slash or a drive in it) gives the default name instead, so that no entry's path
// can climb out of the folder the archive is unpacked in.
import { expect, test } from 'vitest';
import { DEFAULT_TOP_FOLDER, topFolderOf } from '../../../../../scraper/offline/pack/pack.ts';

test('the top folder is the file name without its ending', () => {
  expect(topFolderOf('/tmp/out/daily-papers-archive-2026-08-07.tar.gz')).toBe('daily-papers-archive-2026-08-07');
  expect(topFolderOf('papers.TGZ')).toBe('papers');
  expect(topFolderOf('my papers (2026).zip')).toBe('my papers (2026)');
  expect(topFolderOf('.hidden.zip')).toBe('.hidden');
  expect(topFolderOf('Über-état.zip')).toBe('Über-état');
});

test.each([
  '..zip',
  '...tar.gz',
  '/tmp/out/..tgz',
  '....zip',
  ' .zip',
  '. ..tar.gz',
  'C:.zip',
  'a:b.zip',
  'a\\..\\b.zip',
  'tab\there.zip',
])('%j, which cannot name one folder, gives the default folder', (file) => {
  expect(topFolderOf(file)).toBe(DEFAULT_TOP_FOLDER);
});
