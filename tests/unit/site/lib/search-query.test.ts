// Reading a query as a researcher means it (site/lib/search-query.ts): an arXiv id or a link to
// a paper names that paper; words that could be a name are also looked up as one.
import { describe, expect, test } from 'vitest';
import { arxivIdOf, couldBeName, queryKind } from '../../../../site/lib/search-query.ts';

describe('arxivIdOf', () => {
  test.each([
    ['2608.05987', '2608.05987'],
    ['2608.05987v2', '2608.05987'],
    ['  2608.05987v12 ', '2608.05987'],
    ['arXiv:2608.05987', '2608.05987'],
    ['arxiv: 2608.05987v1', '2608.05987'],
    ['1412.6980', '1412.6980'],
    ['https://arxiv.org/abs/2608.05987', '2608.05987'],
    ['https://arxiv.org/abs/2608.05987v3', '2608.05987'],
    ['http://arxiv.org/pdf/2608.05987', '2608.05987'],
    ['https://arxiv.org/pdf/2608.05987v2.pdf', '2608.05987'],
    ['https://arxiv.org/pdf/2608.05987.pdf', '2608.05987'],
    ['https://arxiv.org/html/2608.05987v1', '2608.05987'],
    ['https://arxiv.org/html/2608.05987v1/#S3', '2608.05987'],
    ['https://www.arxiv.org/abs/2608.05987?context=cs', '2608.05987'],
    ['https://export.arxiv.org/abs/2608.05987', '2608.05987'],
    ['arxiv.org/abs/2608.05987', '2608.05987'],
    ['https://huggingface.co/papers/2608.05987', '2608.05987'],
    ['https://huggingface.co/papers/2608.05987#community', '2608.05987'],
    ['huggingface.co/papers/2608.05987', '2608.05987'],
    ['hf.co/papers/2608.05987', '2608.05987'],
    ['https://archive.example.org/dpa/papers/2608.05987/', '2608.05987'],
  ])('%s names %s', (query, id) => {
    expect(arxivIdOf(query)).toBe(id);
  });

  test.each([
    ['a word', 'attention'],
    ['a number', '2608'],
    ['an id with words', '2608.05987 agents'],
    ['month 13', '2613.05987'],
    ['month 00', '2600.05987'],
    ['five digits before 2015', '1412.69801'],
    ['six digits', '2608.059871'],
    ['another site’s path', 'https://example.org/blog/2608.05987'],
    ['not http', 'javascript:alert(1)//arxiv.org/abs/2608.05987'],
    ['ftp', 'ftp://arxiv.org/abs/2608.05987'],
    ['an old-style id', 'hep-th/9901001'],
  ])('%s is not a paper (%s)', (_, query) => {
    expect(arxivIdOf(query)).toBeNull();
  });
});

describe('couldBeName', () => {
  test.each(['Zi-Han Wang', 'zihan wang', 'J. R. R. Tolkien', "Conan O'Brien", 'Zoë Émile', 'Juan Carlos de la Cruz'])(
    '%s could be a name',
    (q) => {
      expect(couldBeName(q)).toBe(true);
    },
  );
  test.each(['Wang', 'GPT-4 turbo', 'a b', 'one two three four five six', 'diffusion, models', 'Qwen2.5 report'])(
    '%s could not',
    (q) => {
      expect(couldBeName(q)).toBe(false);
    },
  );
});

describe('queryKind', () => {
  test('ids and links are papers; words say whether they could be a name or a title; nothing is none', () => {
    expect(queryKind('https://arxiv.org/pdf/2608.05987v1')).toEqual({ kind: 'paper', id: '2608.05987' });
    expect(queryKind('  Zi-Han   Wang ')).toEqual({ kind: 'words', words: 'Zi-Han Wang', name: true, title: true });
    expect(queryKind('agents')).toEqual({ kind: 'words', words: 'agents', name: false, title: false });
    expect(queryKind('   ')).toEqual({ kind: 'none' });
  });
});
