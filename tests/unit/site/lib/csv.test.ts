// The CSV files the site writes (site/lib/csv.ts): RFC 4180 (a header, CRLF, quotes where a
// field needs them, quotes doubled), read back to the same fields by a strict reader
// (tests/helpers/csv.ts), and text a spreadsheet would run as a formula defused.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type CsvValue, csvField, defuse, toCsv } from '../../../../site/lib/csv.ts';
import { parseCsv } from '../../../helpers/csv.ts';

describe('csvField', () => {
  test('a field with a comma, a quote, a CR or an LF is quoted, its quotes doubled; others are as they are', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a, b: c')).toBe('"a, b: c"');
    expect(csvField('<svg onload=alert(4)>, Inc.: "Org"')).toBe('"<svg onload=alert(4)>, Inc.: ""Org"""');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('carriage\rreturn')).toBe('"carriage\rreturn"');
    expect(csvField('')).toBe('');
    expect(csvField(null)).toBe('');
  });

  test('numbers are written as numbers, a negative one too; one that is not finite is refused', () => {
    expect([csvField(0), csvField(1234), csvField(41.2), csvField(-3)]).toEqual(['0', '1234', '41.2', '-3']);
    expect(() => csvField(Number.NaN)).toThrow(/cannot hold NaN/);
    expect(() => csvField(Number.POSITIVE_INFINITY)).toThrow(/cannot hold Infinity/);
  });

  test('text beginning with =, +, -, @, a tab or a CR gets an apostrophe, and quotes where it needs them', () => {
    expect(csvField('=HYPERLINK("http://evil.example","click")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""click"")"',
    );
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+49 30')).toBe("'+49 30");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvField('\t=1+1')).toBe("'\t=1+1");
    expect(csvField('\r=1+1')).toBe('"\'\r=1+1"');
    // Anywhere else, these characters are text: only the first one makes a formula.
    expect(csvField('vision-language models')).toBe('vision-language models');
    expect(csvField('a=b')).toBe('a=b');
  });

  test('defuse: no defused text begins as a formula does', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const d = defuse(s);
        expect(/^[=+\-@\t\r]/.test(d)).toBe(false);
        expect(d === s || d === `'${s}`).toBe(true);
      }),
    );
  });
});

describe('toCsv', () => {
  test('a header row, then a record a row, each ended by CRLF', () => {
    const text = toCsv(
      ['quarter', 'organization', 'papers'],
      [
        ['2026-Q3', 'NVIDIA', 11],
        ['2026-Q3', '<svg onload=alert(4)>, Inc.: "Org"', 1],
        ['2026-Q2', null, 0],
      ],
    );
    expect(text).toBe(
      'quarter,organization,papers\r\n2026-Q3,NVIDIA,11\r\n2026-Q3,"<svg onload=alert(4)>, Inc.: ""Org""",1\r\n2026-Q2,,0\r\n',
    );
    expect(parseCsv(text)).toEqual([
      ['quarter', 'organization', 'papers'],
      ['2026-Q3', 'NVIDIA', '11'],
      ['2026-Q3', '<svg onload=alert(4)>, Inc.: "Org"', '1'],
      ['2026-Q2', '', '0'],
    ]);
  });

  test('a row wider or narrower than the header is refused: it would shift the columns after it', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow(/a CSV row of 1 fields under a header of 2/);
    expect(() => toCsv(['a'], [['1', '2']])).toThrow(/2 fields under a header of 1/);
  });

  test('whatever the fields hold, a strict reader reads them back, text defused and numbers as written', () => {
    const value: fc.Arbitrary<CsvValue> = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', 'é', '😀') }),
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(value, { minLength: 5, maxLength: 5 })),
        (w, rows) => {
          const header = Array.from({ length: w }, (_, i) => `column_${i}`);
          const cut = rows.map((r) => r.slice(0, w));
          const parsed = parseCsv(toCsv(header, cut));
          expect(parsed[0]).toEqual(header);
          expect(parsed.slice(1)).toEqual(
            cut.map((r) => r.map((v) => (v === null ? '' : typeof v === 'number' ? String(v) : defuse(v)))),
          );
        },
      ),
    );
  });
});
