// A day file: YAML front matter (the complete records, the data) and a markdown digest (for
// reading on GitHub). Written and read with gray-matter, with js-yaml 4 as its YAML engine:
// the same YAML library Astro's content loader parses the files with, so the site sees exactly
// what the reader sees.
import path from 'node:path';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { InputError } from '../errors.ts';
import { renderDigest } from './digest.ts';
import { type Day, DaySchema, describeIssues, FORMAT_VERSION, type Paper } from './schema.ts';

/** Every front-matter language gray-matter knows besides YAML: refused, never run (its `js` is eval). */
function refuse(language: string) {
  return () => {
    throw new Error(`front matter in ${language} is refused: a day file holds YAML front matter only`);
  };
}

const engines = {
  javascript: refuse('javascript'),
  js: refuse('js'),
  coffee: refuse('coffee'),
  coffeescript: refuse('coffeescript'),
  cson: refuse('cson'),
  json: refuse('json'),
  toml: refuse('toml'),
  yaml: {
    // JSON_SCHEMA would be stricter, but Astro's loader uses the default schema; every value we
    // write is typed so that both read it the same (dates and ids are quoted strings).
    parse: (s: string): object => yaml.load(s) as object,
    stringify: (data: object): string => yaml.dump(data, { lineWidth: -1, noRefs: true, sortKeys: false }),
  },
};

export class DayFileError extends InputError {
  readonly file: string;
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'DayFileError';
    this.file = file;
  }
}

/** content/days/YYYY/YYYY-MM-DD.md */
export function dayFilePath(contentDir: string, date: string): string {
  return path.join(contentDir, 'days', date.slice(0, 4), `${date}.md`);
}

/** Key order is part of the format: a fixed order is what makes files byte-identical. */
function orderedPaper(p: Paper): Paper {
  return {
    rank: p.rank,
    id: p.id,
    title: p.title,
    authors: p.authors,
    abstract: p.abstract,
    publishedAt: p.publishedAt,
    upvotes: p.upvotes,
    comments: p.comments,
    submitter: p.submitter && { handle: p.submitter.handle, name: p.submitter.name },
    organization: p.organization && { handle: p.organization.handle, name: p.organization.name },
    githubRepo: p.githubRepo,
    githubStars: p.githubStars,
    projectPage: p.projectPage,
    aiSummary: p.aiSummary,
    aiKeywords: p.aiKeywords,
    thumbnail: p.thumbnail,
    withdrawnAt: p.withdrawnAt,
  };
}

/** The day's records in file order: what "the same data" means when deciding to rewrite. */
export function orderedDay(day: Day): Day {
  return {
    format: FORMAT_VERSION,
    date: day.date,
    status: day.status,
    source: day.source,
    via: day.via,
    fetchedAt: day.fetchedAt,
    problems: day.problems,
    papers: day.papers.map(orderedPaper),
  };
}

/** The file's text. Throws if `day` does not satisfy the schema: nothing invalid is written. */
export function renderDayFile(day: Day): string {
  const checked = DaySchema.safeParse(day);
  if (!checked.success) {
    throw new DayFileError(`day ${day.date}`, `not written: ${describeIssues(checked.error)}`);
  }
  const ordered = orderedDay(checked.data);
  return matter.stringify(renderDigest(ordered), ordered, { engines } as never);
}

/**
 * The largest day file read: 100 times the largest real one (170 KB for 82 papers). A bigger
 * file is refused by name before it is parsed, so a planted one cannot exhaust a run or a build.
 */
export const MAX_DAY_FILE_BYTES = 16 * 1024 * 1024;

/**
 * The path of a YAML alias in parsed data ("papers[3].authors"), or null. The writer never
 * writes anchors; a file that uses them was made by hand, and an alias nested in aliases (the
 * "billion laughs") expands exponentially in whatever walks the data next.
 */
export function aliasPath(data: unknown): string | null {
  const seen = new Set<object>();
  const walk = (v: unknown, at: string): string | null => {
    if (typeof v !== 'object' || v === null) return null;
    if (seen.has(v)) return at;
    seen.add(v);
    const entries = Array.isArray(v)
      ? v.map((x, i) => [`[${i}]`, x] as const)
      : Object.entries(v).map(([k, x]) => [`.${k}`, x] as const);
    for (const [key, x] of entries) {
      const found = walk(x, `${at}${key}`);
      if (found !== null) return found;
    }
    return null;
  };
  const found = walk(data, '');
  return found === null ? null : found.replace(/^\./, '') || '(root)';
}

/**
 * The language named after a file's opening `---` ("" for none), as gray-matter reads it, or
 * null when the file opens with no front matter. gray-matter would hand `---js` to eval.
 */
export function frontMatterLanguage(text: string): string | null {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (!body.startsWith('---') || body.charAt(3) === '-') return null;
  const end = body.indexOf('\n');
  return (end < 0 ? body.slice(3) : body.slice(3, end)).trim();
}

/** Parses and validates a day file's text; `file` names it in errors. */
export function parseDayFile(text: string, file: string): Day {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_DAY_FILE_BYTES) {
    throw new DayFileError(
      file,
      `is ${(bytes / 1024 / 1024).toFixed(1)} MB, more than a day file may be (${MAX_DAY_FILE_BYTES / 1024 / 1024} MB)`,
    );
  }
  const language = frontMatterLanguage(text);
  if (language !== null && !/^(yaml|yml)?$/i.test(language)) {
    throw new DayFileError(
      file,
      `front matter in ${JSON.stringify(language)} is refused: a day file holds YAML front matter only, and nothing else of it is read`,
    );
  }
  let data: unknown;
  try {
    data = matter(text, { engines, language: 'yaml' } as never).data;
  } catch (e) {
    throw new DayFileError(file, `front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const alias = aliasPath(data);
  if (alias !== null) throw new DayFileError(file, `${alias}: uses a YAML alias, which day files never hold`);
  if (typeof data !== 'object' || data === null || Object.keys(data).length === 0) {
    throw new DayFileError(file, 'has no front matter');
  }
  const format = (data as { format?: unknown }).format;
  if (format !== FORMAT_VERSION) {
    throw new DayFileError(
      file,
      `format ${JSON.stringify(format)} is not ${FORMAT_VERSION}, the only day-file format this version reads`,
    );
  }
  const parsed = DaySchema.safeParse(data);
  if (!parsed.success) throw new DayFileError(file, describeIssues(parsed.error));
  const expected = path.basename(file, '.md');
  if (/^\d{4}-\d{2}-\d{2}$/.test(expected) && parsed.data.date !== expected) {
    throw new DayFileError(file, `date: ${parsed.data.date} does not match the file name`);
  }
  return parsed.data;
}
