// A result's excerpt (site/lib/search-excerpt.ts): the stretch where the words searched for are
// thickest, marked, and nothing of the text ever HTML.
import { expect, test } from 'vitest';
import { excerptHtml } from '../../../../site/lib/search-excerpt.ts';
import { stemOf } from '../../../../site/lib/search-text.ts';

const stems = (...words: string[]) => new Set(words.map(stemOf));

test('the stretch with most matches, marked, with a mark where it was cut', () => {
  const body = `${'filler '.repeat(40)}we train video generation models for videos. ${'more '.repeat(40)}`;
  const html = excerptHtml(body, stems('video', 'generation'), 10);
  expect(html).toMatch(/^… /);
  expect(html).toMatch(/ …$/);
  expect(html).toContain('<mark>video</mark> <mark>generation</mark>');
  expect(html).toContain('<mark>videos.</mark>');
});

test('the start of the text when nothing matches; the text is escaped', () => {
  expect(excerptHtml('A <b>bold</b> & "quoted" claim.', stems('zebra'))).toBe(
    'A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; claim.',
  );
  expect(excerptHtml('<script>x</script> agents', stems('agent'))).toBe(
    '&lt;script&gt;x&lt;/script&gt; <mark>agents</mark>',
  );
});
