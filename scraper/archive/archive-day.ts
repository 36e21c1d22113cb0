// One attempt at one day, whatever got it (import, page, API): the listing's items are validated
// into records, the day file written under the guards, and the ledger told. Importer and
// scraper both end here, so both give the same files for the same data.
import { isLater } from './dates.ts';
import { describeRejection, papersFromItems, type Rejection } from './from-api.ts';
import { observationsOf, recordHistory } from './history.ts';
import { recordAttempt } from './ledger.ts';
import { describeUnlisted, keepUnlisted } from './revisit.ts';
import { type Day, FORMAT_VERSION, type Ledger, type LedgerStatus, type Via } from './schema.ts';
import { readDay, type WriteResult, writeDay } from './store.ts';
import { oneLine } from './text.ts';

export type DayOutcome =
  | {
      date: string;
      kind: 'listing';
      via: Via;
      source: string;
      fetchedAt: string;
      items: readonly unknown[];
      /** What the fetcher knows is missing (a card without an abstract, …): makes the day partial. */
      problems?: readonly string[];
      /**
       * Why the day's page could not be read, when the listing came through the API instead: said
       * among the day's problems, but the listing is whole, so the day stays ok.
       */
      fallback?: string | undefined;
    }
  | { date: string; kind: 'no-listing'; via: Via; reason: string }
  | { date: string; kind: 'failed'; via: Via; reason: string };

export type DayReport = {
  date: string;
  /** What this attempt found: ok, partial, no-listing or failed. */
  status: LedgerStatus;
  /** Papers in the listing fetched (0 for no-listing and failed). */
  papers: number;
  /** What happened to the day file. */
  action: WriteResult['action'] | 'none';
  /** Papers the archive held before. */
  before: number;
  rejected: Rejection[];
  /** Why, for anything but a plain success. */
  message: string | null;
  /** Why the page failed, when the day was had through the API instead. */
  fallback?: string | undefined;
  /**
   * The listing could not be had at all (the site down, a timeout; for an import, a dump that
   * does not read): nothing was compared or written. A revisit's such failure is not the night's.
   */
  notFetched?: true;
};

export type ArchiveDayOptions = {
  force?: boolean;
  now?: () => Date;
  /**
   * For answers whose time is their own (an import's dumps, each taken when its file was
   * written): one fetched before the day the archive holds never replaces it; its numbers go to
   * the history only, and the day file stays as it is. Unless forced.
   */
  keepNewer?: boolean;
  /**
   * For a revisit of a held day (revisit.ts): papers the archive holds that the listing no longer
   * has are kept, after the listed ones, and said in the report; the guards then judge the day.
   */
  keepUnlisted?: boolean;
};

const MAX_PROBLEMS_LISTED = 5;

/** How a day had through the API after its page failed says so, in its file and the ledger. */
const FALLBACK_PREFIX = 'fetched through the API: ';
export const fallbackProblem = (pageFailure: string): string =>
  `${FALLBACK_PREFIX}the page could not be read (${pageFailure})`;
/** Whether a day's problem is only the fallback's own note (the listing is whole). */
export const isFallbackProblem = (problem: string): boolean => problem.startsWith(FALLBACK_PREFIX);

function summarizeRejections(rejected: readonly Rejection[]): string[] {
  const listed = rejected.slice(0, MAX_PROBLEMS_LISTED).map(describeRejection);
  if (rejected.length > MAX_PROBLEMS_LISTED)
    listed.push(`and ${rejected.length - MAX_PROBLEMS_LISTED} more items rejected`);
  return listed.map((p) => `rejected ${p}`);
}

/** What a report says of an older copy whose numbers went to the history only. */
function keptNewer(held: Day, older: Day): string {
  const heldIds = new Set(held.papers.map((p) => p.id));
  const lacking = older.papers.filter((p) => !heldIds.has(p.id)).map((p) => p.id);
  const shown = lacking.slice(0, MAX_PROBLEMS_LISTED).join(', ') + (lacking.length > MAX_PROBLEMS_LISTED ? ', …' : '');
  const lacks =
    lacking.length > 0
      ? `; the archive's copy lacks ${lacking.length} of its papers (${shown}), not added (--force puts this copy in its place)`
      : '';
  return `kept: the archive's copy is newer (fetched ${held.fetchedAt}) than this one (${older.fetchedAt}); its numbers went to the history${lacks}`;
}

export async function archiveDay(
  contentDir: string,
  ledger: Ledger,
  outcome: DayOutcome,
  { force = false, now = () => new Date(), keepNewer = false, keepUnlisted: revisit = false }: ArchiveDayOptions = {},
): Promise<{ ledger: Ledger; report: DayReport }> {
  const at = now().toISOString();
  const { date, via } = outcome;

  const settle = async (report: DayReport, reason: string | null, held?: Day | null) => {
    // An unreadable file was kept as it is (see planWrite); the ledger then tells the attempt.
    const heldDay = held !== undefined ? held : await readDay(contentDir, date).catch(() => null);
    return { ledger: recordAttempt(ledger, { date, status: report.status, via, reason }, heldDay, at), report };
  };

  if (outcome.kind !== 'listing') {
    const held = await readDay(contentDir, date).catch(() => null);
    // The site has no listing for a day the archive holds: keep the day, but say so plainly
    // (a listing withdrawn, or a day an older scraper filed from another day's page).
    const kept = held ? `; the archive holds ${held.papers.length} papers for ${date}, kept` : '';
    const report: DayReport = {
      date,
      status: outcome.kind,
      papers: 0,
      action: 'none',
      before: held?.papers.length ?? 0,
      rejected: [],
      message: `${outcome.reason}${kept}`,
      ...(outcome.kind === 'failed' ? { notFetched: true as const } : {}),
    };
    return settle(report, outcome.reason, held);
  }

  if (outcome.items.length === 0) {
    const reason = 'the listing holds no papers';
    return settle(
      { date, status: 'no-listing', papers: 0, action: 'none', before: 0, rejected: [], message: reason },
      reason,
    );
  }

  const { papers, rejected } = papersFromItems(outcome.items);
  if (papers.length === 0) {
    const reason = `every item was rejected: ${summarizeRejections(rejected).join('; ')}`;
    return settle({ date, status: 'failed', papers: 0, action: 'none', before: 0, rejected, message: reason }, reason);
  }

  const missing = [...(outcome.problems ?? []), ...summarizeRejections(rejected)];
  const fellBack = outcome.fallback ? [fallbackProblem(outcome.fallback)] : [];
  const problems = [...fellBack, ...missing];
  const day: Day = {
    format: FORMAT_VERSION,
    date,
    status: missing.length > 0 ? 'partial' : 'ok',
    source: outcome.source,
    via,
    fetchedAt: outcome.fetchedAt,
    problems: problems.map(oneLine).filter(Boolean),
    papers,
  };
  if (keepNewer && !force) {
    const held = await readDay(contentDir, date).catch(() => null);
    if (held && isLater(held.fetchedAt, day.fetchedAt)) {
      // The history is one form whatever the order (history.ts): an older observation goes in
      // before the newer ones as if it had come first. The held day's own numbers go in too, as
      // writeDay adds them, for an archive older than its history.
      await recordHistory(contentDir, date, [...observationsOf(held), ...observationsOf(day)]);
      const report: DayReport = {
        date,
        status: day.status,
        papers: papers.length,
        action: 'unchanged',
        before: held.papers.length,
        rejected,
        message: [keptNewer(held, day), ...problems].join('; '),
      };
      return settle(report, report.message, held);
    }
  }

  const held = revisit ? await readDay(contentDir, date).catch(() => null) : null;
  const { day: toWrite, unlisted } = held ? keepUnlisted(held, day) : { day, unlisted: [] };
  const result = await writeDay(contentDir, toWrite, { force });
  const notes = [...(unlisted.length > 0 ? [describeUnlisted(unlisted)] : []), ...problems];
  const report: DayReport = {
    date,
    status: day.status,
    papers: papers.length,
    action: result.action,
    before: result.before,
    rejected,
    message: result.action === 'refused' ? result.reason : notes.length > 0 ? notes.join('; ') : null,
    ...(outcome.fallback ? { fallback: outcome.fallback } : {}),
  };
  return settle(report, report.message, result.held);
}
