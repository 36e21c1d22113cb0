// The paper page's plain reference and RIS record (site/lib/reference.ts): names as given, the
// year, the arXiv id and URL; RIS tags one per line, CR LF, each value one clean line.
import { describe, expect, test } from 'vitest';
import { paperRecord } from '../../../../scripts/fixtures/records.ts';
import { plainReference, ris, risDataUrl, risName } from '../../../../site/lib/reference.ts';

const paper = paperRecord('2608.05987', {
  title: 'AgentOPSD: Recursive Self-Distillation',
  authors: ['Zi-Han Wang', 'Jie Wu'],
  abstract: 'First paragraph.\n\nSecond\nparagraph.',
  publishedAt: '2026-08-06T00:00:00.000Z',
  aiKeywords: ['credit assignment', 'RL'],
});

describe('plain reference', () => {
  test('authors, year, title, arXiv id and URL', () => {
    expect(plainReference(paper)).toBe(
      'Zi-Han Wang, Jie Wu. 2026. AgentOPSD: Recursive Self-Distillation. arXiv:2608.05987. https://arxiv.org/abs/2608.05987',
    );
  });

  test('ten authors, then "et al."; a title ending in a question mark keeps it; no authors, no names', () => {
    const many = { ...paper, authors: Array.from({ length: 12 }, (_, i) => `Author ${i + 1}`) };
    expect(plainReference(many)).toMatch(/^Author 1, .*Author 10, et al\. 2026\. /);
    expect(plainReference({ ...paper, title: 'Is it?' })).toContain(' 2026. Is it? arXiv:');
    expect(plainReference({ ...paper, authors: [] })).toMatch(/^2026\. AgentOPSD/);
  });

  test('line breaks and control characters in the data become spaces', () => {
    const odd = { ...paper, title: 'Two\nlines\u2028and\u0007bell', authors: ['A\tB'] };
    expect(plainReference(odd)).toBe(
      'A B. 2026. Two lines and bell. arXiv:2608.05987. https://arxiv.org/abs/2608.05987',
    );
  });
});

describe('RIS', () => {
  test('a record reference managers read: type, title, authors as "Family, Given", dates, ids, links', () => {
    expect(ris(paper).split('\r\n')).toEqual([
      'TY  - UNPB',
      'TI  - AgentOPSD: Recursive Self-Distillation',
      'AU  - Wang, Zi-Han',
      'AU  - Wu, Jie',
      'PY  - 2026',
      'DA  - 2026/08/06',
      'AB  - First paragraph. Second paragraph.',
      'KW  - credit assignment',
      'KW  - RL',
      'PB  - arXiv',
      'AN  - arXiv:2608.05987',
      'DO  - 10.48550/arXiv.2608.05987',
      'UR  - https://arxiv.org/abs/2608.05987',
      'L1  - https://arxiv.org/pdf/2608.05987',
      'ER  - ',
      '',
    ]);
  });

  test('names: the last word is the family name, a suffix stays a suffix, one word or a comma is kept', () => {
    expect(risName('Ada Lovelace')).toBe('Lovelace, Ada');
    expect(risName('Martin Luther King Jr.')).toBe('King, Martin Luther, Jr.');
    expect(risName('李华')).toBe('李华');
    expect(risName('Smith, John')).toBe('Smith, John');
    expect(risName(' Zoë  Émile ')).toBe('Émile, Zoë');
  });

  test('no value can start a new tag: every line of a hostile record is one tag', () => {
    const hostile = {
      ...paper,
      title: 'x\r\nER  - \r\nTY  - JOUR',
      authors: ['a\nAU  - b'],
      aiKeywords: ['k\u2029KW  - z'],
    };
    const lines = ris(hostile).split('\r\n').slice(0, -1);
    expect(lines.every((l) => /^[A-Z][A-Z0-9] {2}- /.test(l))).toBe(true);
    expect(lines.filter((l) => l.startsWith('ER'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('TY'))).toEqual(['TY  - UNPB']);
  });

  test('no publication time, no abstract: those lines are left out; the data: URL decodes to the record', () => {
    const bare = { ...paper, publishedAt: null, abstract: ' ', aiKeywords: [] };
    const text = ris(bare);
    expect(text).toContain('PY  - 2026\r\n');
    expect(text).not.toMatch(/^(DA|AB|KW) /m);
    const url = risDataUrl(bare);
    expect(url.startsWith('data:application/x-research-info-systems;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(text);
    expect(url).not.toMatch(/[\s<>"']/);
  });
});
