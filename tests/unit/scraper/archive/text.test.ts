import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, isCleanText, oneLine, unwrapParagraphs } from '../../../../scraper/archive/text.ts';

describe('the text rule', () => {
  it('drops C0 controls but tab and newline, DEL and C1 controls; normalizes CR', () => {
    expect(cleanText('a\u0000b\u0007c\u001Fd\u007Fe\u0085f\u009Fg')).toBe('abcdefg');
    expect(cleanText('tab\there\nnew\r\nline\rend')).toBe('tab\there\nnew\nline\nend');
  });

  it('replaces unpaired surrogates, keeps pairs', () => {
    expect(cleanText('x\uD800y')).toBe('x\uFFFDy');
    expect(cleanText('x\uDC00')).toBe('x\uFFFD');
    expect(cleanText('😀')).toBe('😀');
  });

  it('keeps markup, YAML syntax, TeX, emoji and right-to-left text as they are', () => {
    const s = '--- \n<script>alert(1)</script> key: value # {{ x }} $\\alpha$ "\'` 😀 مرحبا \u200F';
    expect(cleanText(s)).toBe(s);
  });

  it('is idempotent and its output is clean, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = cleanText(s);
        expect(cleanText(once)).toBe(once);
        expect(isCleanText(once)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('titles and names', () => {
  it('collapse every whitespace run, hard-wraps included', () => {
    expect(oneLine('  Multimodal\n  Models:\tA  Survey ')).toBe('Multimodal Models: A Survey');
  });
});

describe('abstracts', () => {
  it('undo arXiv hard-wraps and keep paragraphs', () => {
    const raw = 'Large language models\n  are good.\nVery good.\n\n  Second   paragraph\nhere.\n';
    expect(unwrapParagraphs(raw)).toBe('Large language models are good. Very good.\n\nSecond paragraph here.');
  });

  it('are stable: unwrapping twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = unwrapParagraphs(s);
        expect(unwrapParagraphs(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});
