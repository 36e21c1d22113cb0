// Records back from a citation file the site wrote (lib/cite-formats.ts): what the reading list
// imports. The file comes from the person's disk, possibly edited or someone else's: it is read
// as data, each record checked (an arXiv id of today's form, a title, its authors as text), and
// anything else is refused whole with one line saying which record and why, so an import adds
// all of a file or nothing. It reads the forms this site writes, not every BibTeX or RIS there
// is (a reference manager's export of other papers is not what the list keeps). Pure.
import { ARXIV_ID, type CiteRecord } from './cite-formats.ts';

export class CiteReadError extends Error {
  override name = 'CiteReadError';
}

/** A file bigger than any list a person keeps (about 40,000 papers of RIS): refused unread. */
export const MAX_CITE_FILE_CHARS = 20_000_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const YEAR = /^\d{4}$/;

/** The records of a file `formatCitations` wrote, whichever of the three formats it is. */
export function readCitations(text: string): CiteRecord[] {
  if (text.length > MAX_CITE_FILE_CHARS) throw new CiteReadError('the file is too large to be a reading list');
  const body = text.replace(/^\uFEFF/, '').trimStart();
  const records = body.startsWith('[')
    ? readCslJson(body)
    : body.startsWith('@')
      ? readBibtex(body)
      : /^TY {2}-/.test(body)
        ? readRis(body)
        : fail('not a BibTeX, RIS or CSL-JSON file');
  if (records.length === 0) fail('the file holds no papers');
  return records;
}

function fail(message: string): never {
  throw new CiteReadError(message);
}

/** A record whose fields are what a record must be, or the reason it is not. */
function checked(
  n: number,
  r: { id?: string; title?: string; authors: string[]; year?: string; date?: string | null },
): CiteRecord {
  const where = `record ${n}`;
  if (!r.id || !ARXIV_ID.test(r.id)) fail(`${where}: no arXiv id of the form 2501.01234`);
  if (!r.title?.trim()) fail(`${where} (${r.id}): no title`);
  const date = r.date && ISO_DATE.test(r.date) ? r.date : null;
  const year = r.year && YEAR.test(r.year) ? r.year : (date?.slice(0, 4) ?? `20${r.id.slice(0, 2)}`);
  return { id: r.id, title: r.title, authors: r.authors.filter((a) => a !== ''), year, date };
}

// ---- CSL-JSON

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

function readCslJson(body: string): CiteRecord[] {
  let items: unknown;
  try {
    items = JSON.parse(body);
  } catch {
    fail('not valid JSON');
  }
  if (!Array.isArray(items)) fail('CSL-JSON must be a list of items');
  return items.map((item: unknown, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) fail(`record ${i + 1}: not an object`);
    const o = item as Record<string, unknown>;
    const names = Array.isArray(o['author']) ? (o['author'] as unknown[]) : [];
    const authors = names.map((a) => {
      if (a === null || typeof a !== 'object') return '';
      const n = a as Record<string, unknown>;
      if (typeof n['literal'] === 'string') return n['literal'];
      return [text(n['given']), text(n['family']), text(n['suffix'])].filter(Boolean).join(' ');
    });
    const issued = (o['issued'] as { 'date-parts'?: unknown } | undefined)?.['date-parts'];
    const parts = Array.isArray(issued) && Array.isArray(issued[0]) ? (issued[0] as unknown[]) : [];
    const nums = parts.filter((p): p is number => Number.isInteger(p));
    const pad = (x: number) => String(x).padStart(2, '0');
    const date = nums.length === 3 ? `${nums[0]}-${pad(nums[1]!)}-${pad(nums[2]!)}` : null;
    return checked(i + 1, { id: text(o['id']), title: text(o['title']), authors, year: nums[0]?.toString(), date });
  });
}

// ---- RIS

function readRis(body: string): CiteRecord[] {
  const records: CiteRecord[] = [];
  let fields: [string, string][] | null = null;
  for (const raw of body.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    const m = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/.exec(raw);
    if (!m) fail(`record ${records.length + 1}: a line that is not "TAG  - value"`);
    const [, tag, value = ''] = m;
    if (tag === 'TY') fields = [];
    else if (fields === null) fail(`record ${records.length + 1}: a field before "TY"`);
    else if (tag === 'ER') {
      records.push(risFields(records.length + 1, fields));
      fields = null;
    } else fields.push([tag!, value.trim()]);
  }
  if (fields !== null) fail(`record ${records.length + 1}: no "ER" line at its end`);
  return records;
}

function risFields(n: number, fields: readonly [string, string][]): CiteRecord {
  const first = (tag: string) => fields.find(([t]) => t === tag)?.[1];
  const an = first('AN');
  const id = an?.startsWith('arXiv:') ? an.slice(6) : undefined;
  const authors = fields
    .filter(([t]) => t === 'AU')
    .map(([, v]) => {
      // "Family, Given[, Suffix]" back to the name as listed; a name without a comma is as listed.
      const [family, given, suffix] = v.split(', ');
      return given === undefined ? v : [given, family, suffix].filter(Boolean).join(' ');
    });
  const da = first('DA');
  return checked(n, { id, title: first('TI'), authors, year: first('PY'), date: da?.replaceAll('/', '-') ?? null });
}

// ---- BibTeX

const UNESCAPE: Record<string, string> = {
  '\\textbackslash{}': '\\',
  '\\textasciicircum{}': '^',
  '\\textasciitilde{}': '~',
};

/** A field's text as `bibtexText` escaped it, back. */
function unescapeBibtex(value: string): string {
  return value.replace(
    /\\text(?:backslash|asciicircum|asciitilde)\{\}|\\([{}$&%#_])/g,
    (m, c: string | undefined) => c ?? UNESCAPE[m]!,
  );
}

/** The braced value starting at `open` (a "{"), and where it ends; escaped braces do not count. */
function braced(body: string, open: number): { value: string; end: number } {
  let depth = 0;
  for (let i = open; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return { value: body.slice(open + 1, i), end: i + 1 };
  }
  return fail('a brace that is never closed');
}

/** Splits at " and " outside braces: BibTeX's list of names. */
function names(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && value.startsWith(' and ', i)) {
      out.push(value.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  out.push(value.slice(start));
  return out
    .map((n) => n.trim())
    .filter(Boolean)
    .map((n) => {
      if (n.startsWith('{') && braced(n, 0).end === n.length) return unescapeBibtex(n.slice(1, -1));
      // "Family, Jr., Given": how a name with a suffix is written (cite-formats.ts bibtexName).
      const [family, suffix, given] = n.split(', ').map(unescapeBibtex);
      return given === undefined ? unescapeBibtex(n) : `${given} ${family} ${suffix}`;
    });
}

function readBibtex(body: string): CiteRecord[] {
  const records: CiteRecord[] = [];
  let at = body.indexOf('@');
  while (at !== -1) {
    const n = records.length + 1;
    const head = /^@(\w+)\s*\{/.exec(body.slice(at, at + 64));
    if (!head) fail(`record ${n}: not an entry "@type{key, …}"`);
    const { value: entry, end } = braced(body, at + head[0].length - 1);
    const fields = new Map<string, string>();
    const rest = entry.slice(entry.indexOf(',') + 1);
    const field = /\s*(\w+)\s*=\s*/y;
    let i = 0;
    while (i < rest.length && rest.slice(i).trim() !== '') {
      field.lastIndex = i;
      const m = field.exec(rest);
      if (!m) fail(`record ${n}: a field that is not "name = {value}"`);
      i = field.lastIndex;
      let value: string;
      if (rest[i] === '{') ({ value, end: i } = braced(rest, i));
      else {
        const bare = /^[^,]*/.exec(rest.slice(i))![0];
        value = bare.trim();
        i += bare.length;
      }
      fields.set(m[1]!.toLowerCase(), value);
      i = rest.indexOf(',', i) === -1 ? rest.length : rest.indexOf(',', i) + 1;
    }
    const title = fields.get('title') ?? '';
    // The title is written in double braces, which keep its capitals: one pair is the text's.
    const bare = title.startsWith('{') && braced(title, 0).end === title.length ? title.slice(1, -1) : title;
    records.push(
      checked(n, {
        id: fields.get('eprint'),
        title: unescapeBibtex(bare),
        authors: names(fields.get('author') ?? ''),
        year: fields.get('year'),
      }),
    );
    at = body.indexOf('@', end);
  }
  return records;
}
