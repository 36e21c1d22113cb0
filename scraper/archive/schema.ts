// The one definition of a paper, a day and a ledger entry. The writer, the reader, the site's
// content collection and the tests all take their shapes from here.
import { z } from 'zod';
import { isIsoDate } from './dates.ts';
import { isCleanText } from './text.ts';

/** Version of the day-file and ledger formats; a reader refuses files of another version. */
export const FORMAT_VERSION = 1;

/** arXiv identifiers as Hugging Face uses them (new style, no version): "2503.02130". */
export const ARXIV_ID = /^\d{4}\.\d{4,5}$/;

export const DAY_STATUSES = ['ok', 'partial'] as const;
export const LEDGER_STATUSES = ['ok', 'no-listing', 'partial', 'failed'] as const;
export const VIAS = ['page', 'api', 'import'] as const;

export type DayStatus = (typeof DAY_STATUSES)[number];
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];
export type Via = (typeof VIAS)[number];

/**
 * The most each kind of string may hold, in UTF-16 code units. Far above anything real (the
 * longest in 11,901 real papers: a 181-character title, a 1,923-character abstract, 942
 * authors), so they only stop a file made to exhaust whoever reads it.
 */
export const LIMITS = {
  line: 1_000,
  abstract: 200_000,
  summary: 20_000,
  url: 2_000,
  authors: 10_000,
  keywords: 200,
  problems: 100,
  papers: 500,
} as const;

/** Daily Papers began in May 2023 (the oldest listing known is 2023-05-04): no day is older. */
export const FIRST_DAY = '2023-05-01';

const bounded = (max: number) =>
  z
    .string()
    .max(max, { message: `is longer than ${max.toLocaleString('en')} characters` })
    .refine(isCleanText, { message: 'contains a control character, a carriage return or an unpaired surrogate' });
const text = bounded(LIMITS.abstract);
const line = bounded(LIMITS.line).refine((s) => s.length > 0 && !/\s\s|\n|^\s|\s$/.test(s), {
  message: 'must be one non-empty line with single spaces',
});
const url = bounded(LIMITS.url);
const count = z.number().int().nonnegative();
const timestamp = z.iso.datetime({ offset: false });
const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'must be a calendar date YYYY-MM-DD' })
  .refine((d) => d >= FIRST_DAY, { message: `is before Daily Papers began (${FIRST_DAY})` });

/** A URL with `user:password@` must never be written down; anything else is kept as given. */
function hasNoCredentials(value: string): boolean {
  try {
    const u = new URL(value);
    return u.username === '' && u.password === '';
  } catch {
    return true;
  }
}

export const ArxivIdSchema = z.string().regex(ARXIV_ID, {
  message: 'must be an arXiv id such as "2503.02130"',
});

/** A Hugging Face account or organization: its handle (URL name) and display name. */
export const AccountSchema = z.strictObject({
  handle: line,
  name: line,
});

export const PaperSchema = z.strictObject({
  /** 1-based position in the day's listing, as Hugging Face ordered it. */
  rank: z.number().int().positive(),
  id: ArxivIdSchema,
  title: line,
  authors: z.array(line).max(LIMITS.authors),
  /** arXiv hard-wraps undone; paragraphs separated by one blank line. */
  abstract: text,
  /** arXiv publication time (ISO, UTC). */
  publishedAt: timestamp.nullable(),
  upvotes: count,
  comments: count,
  submitter: AccountSchema.nullable(),
  organization: AccountSchema.nullable(),
  /** Link fields are kept as the site gave them; the site only links http(s) ones. */
  githubRepo: url.nullable(),
  githubStars: count.nullable(),
  projectPage: url.nullable(),
  aiSummary: bounded(LIMITS.summary).nullable(),
  aiKeywords: z.array(line).max(LIMITS.keywords),
  thumbnail: url.nullable(),
  withdrawnAt: timestamp.nullable(),
});

export const DaySchema = z
  .strictObject({
    format: z.literal(FORMAT_VERSION),
    date: isoDate,
    /** "partial" when the listing was got but something is known to be missing (see `problems`). */
    status: z.enum(DAY_STATUSES),
    /** Where the listing came from: the Hugging Face page or API URL of this day. */
    source: url.refine(hasNoCredentials, { message: 'holds a user name or password' }),
    via: z.enum(VIAS),
    fetchedAt: timestamp,
    problems: z.array(line).max(LIMITS.problems),
    papers: z
      .array(PaperSchema)
      .min(1, { message: 'a day holds at least one paper' })
      .max(LIMITS.papers, { message: `more than ${LIMITS.papers} papers is not a real day` }),
  })
  .superRefine((day, ctx) => {
    const seen = new Set<string>();
    day.papers.forEach((paper, i) => {
      if (paper.rank !== i + 1) {
        ctx.addIssue({ code: 'custom', path: ['papers', i, 'rank'], message: `must be ${i + 1} (listing order)` });
      }
      if (seen.has(paper.id)) {
        ctx.addIssue({ code: 'custom', path: ['papers', i, 'id'], message: `${paper.id} is listed twice` });
      }
      seen.add(paper.id);
    });
    if (day.status === 'partial' && day.problems.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['problems'], message: 'a partial day says what is missing' });
    }
  });

export const LedgerEntrySchema = z.strictObject({
  status: z.enum(LEDGER_STATUSES),
  /** Papers held for the day (0 unless ok or partial). */
  papers: count,
  /** When the archive last learnt something new about the day. */
  at: timestamp,
  via: z.enum(VIAS),
  reason: line.nullable(),
});

export const LedgerSchema = z.strictObject({
  format: z.literal(FORMAT_VERSION),
  days: z.record(isoDate, LedgerEntrySchema),
});

/**
 * One observation of a paper's numbers (history.ts): when the archive fetched them (the day's
 * `fetchedAt`) and what they were. A paper's history holds an entry each time they changed.
 */
export const HistoryEntrySchema = z.strictObject({
  id: ArxivIdSchema,
  at: timestamp,
  upvotes: count,
  comments: count,
  githubStars: count.nullable(),
});

export type Account = z.infer<typeof AccountSchema>;
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type Paper = z.infer<typeof PaperSchema>;
export type Day = z.infer<typeof DaySchema>;
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;
export type Ledger = z.infer<typeof LedgerSchema>;

/** "papers[3].id: must be an arXiv id …" for every issue, so a bad file names its field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .flatMap((issue) =>
      // A record's key that fails its schema ("days.2026-02-30") says why, not "Invalid key".
      issue.code === 'invalid_key'
        ? issue.issues.map((inner) => `${formatPath(issue.path)}: ${inner.message}`)
        : [`${formatPath(issue.path)}: ${issue.message}`],
    )
    .join('; ');
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`)).join('');
}
