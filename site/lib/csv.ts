// The CSV files the site publishes (the stats page's data, pages/stats/[name].csv.ts), written
// as RFC 4180 asks, so that any reader parses them alike: a header row, CRLF after every
// record, a field in double quotes when it holds a comma, a quote, a CR or an LF, its quotes
// doubled. Their text comes from Hugging Face (organization names, keywords), and a spreadsheet
// that opens the file runs a cell beginning with "=", "+", "-" or "@" as a formula (a tab or CR
// first hides one): such a field gets an apostrophe in front, as OWASP advises ("CSV
// injection"), which a spreadsheet shows as text. Data from elsewhere is never code. Pure.

/** What a field may hold: text, a finite number, or nothing (an empty field). */
export type CsvValue = string | number | null;

/** The characters that make a spreadsheet read a cell as a formula, when first. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Text that a spreadsheet would run as a formula, made text again; anything else as it is. */
export function defuse(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One field. Numbers are the site's own and written as numbers ("-3" stays a number: only text
 * is defused); a number that is not finite has no CSV form and is a bug in the caller.
 */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`a CSV field cannot hold ${value}`);
    return String(value);
  }
  const text = defuse(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: the header, then each row, every record ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const width = header.length;
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) {
    // A short or long row would shift every column after it for whoever reads the file.
    if (row.length !== width) throw new Error(`a CSV row of ${row.length} fields under a header of ${width}`);
    lines.push(row.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
