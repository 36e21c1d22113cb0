// Citations of a paper page (site/lib/citation.ts): BibTeX, Highwire tags, JSON-LD, and JSON
// that cannot end the script element it sits in. Pure functions over hand-made records.
import { describe, expect, test } from 'vitest';
import type { Paper } from '../../../../scraper/archive/schema.ts';
import { paperRecord } from '../../../../scripts/fixtures/records.ts';
import {
  bibtex,
  bibtexKey,
  bibtexText,
  highwireTags,
  jsonForScript,
  scholarlyArticle,
} from '../../../../site/lib/citation.ts';

const paper = (id: string, upvotes: number, extra: Partial<Paper> = {}): Paper =>
  paperRecord(id, { upvotes, ...extra });

describe('citations', () => {
  test('BibTeX escapes each special character once', () => {
    expect(bibtexText('a\\b {c} $d$ & 50% #1 x_y ^ ~')).toBe(
      'a\\textbackslash{}b \\{c\\} \\$d\\$ \\& 50\\% \\#1 x\\_y \\textasciicircum{} \\textasciitilde{}',
    );
    expect(bibtexText('two\n  lines')).toBe('two lines');
  });

  test('a BibTeX entry with its key from the first author, the year and the title', () => {
    const p = paper('2608.05987', 1, {
      title: 'AgentOPSD: Recursive Self-Distillation',
      authors: ['Zi-Han Wang', 'Jie Wu'],
    });
    expect(bibtexKey(p)).toBe('wang2026agentopsd');
    expect(bibtex(p)).toBe(
      [
        '@misc{wang2026agentopsd,',
        '  title = {{AgentOPSD: Recursive Self-Distillation}},',
        '  author = {Zi-Han Wang and Jie Wu},',
        '  year = {2026},',
        '  eprint = {2608.05987},',
        '  archivePrefix = {arXiv},',
        '  url = {https://arxiv.org/abs/2608.05987}',
        '}',
      ].join('\n'),
    );
    expect(bibtexKey(paper('2608.00001', 0, { authors: [] }))).toBe('arxiv260800001');
    expect(bibtexKey(paper('2608.00001', 0, { authors: ['Émile Zoë'], title: 'The Über model' }))).toBe('zoe2026uber');
  });

  test('JSON for a script element cannot end it, and parses back to the same value', () => {
    const value = { name: '</script><script>alert(1)</script> <!-- & \u2028\u2029 >' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  test('Highwire tags and JSON-LD carry the paper’s own values', () => {
    const p = paper('2608.05987', 1, { aiKeywords: ['a', 'b'], organization: { handle: 'x', name: 'X Lab' } });
    const tags = highwireTags(p);
    expect(tags.filter((t) => t.name === 'citation_author').map((t) => t.content)).toEqual(p.authors);
    expect(tags.find((t) => t.name === 'citation_publication_date')?.content).toBe('2026/08/06');
    expect(tags.find((t) => t.name === 'citation_keywords')?.content).toBe('a; b');
    const ld = scholarlyArticle(p, 'https://example.org/papers/2608.05987/');
    expect(ld).toMatchObject({
      '@type': 'ScholarlyArticle',
      name: p.title,
      datePublished: p.publishedAt,
      keywords: ['a', 'b'],
    });
  });
});
