// Reads what the search issue asks of a Lighthouse report (an LHR): the category scores, the
// cumulative layout shift and total blocking time, every failing accessibility audit with the
// selectors of the elements that fail it (so that they can be fixed without opening the report),
// every failing best-practices audit (a score under 100 then says which audit costs it),
// the elements that shifted, and how many result fragments the search page fetched (proof that
// its results were rendered before the audit ended). Then the median of several runs. Pure: the
// LHR's shape is declared here as far as it is read, so tests build small ones by hand.
import { median } from './stats.ts';

type LhNode = { selector?: string; nodeLabel?: string };
type LhItem = { node?: LhNode; url?: string; score?: number };
export type LhAudit = {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
  details?: { items?: LhItem[] };
};
export type Lhr = {
  lighthouseVersion: string;
  categories: Record<string, { score: number | null; auditRefs: { id: string }[] }>;
  audits: Record<string, LhAudit>;
  runtimeError?: { code: string; message: string };
  configSettings: {
    formFactor: string;
    throttlingMethod: string;
    screenEmulation: { width: number; height: number; deviceScaleFactor: number };
    throttling: { rttMs?: number; throughputKbps?: number; cpuSlowdownMultiplier?: number };
  };
  environment: { benchmarkIndex: number };
};

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Most selectors listed for one audit: a failure repeated on every card is one fix. */
export const MAX_SELECTORS = 12;

/** An audit that fails: its elements' selectors (each once, the first MAX_SELECTORS) and how many elements fail. */
export type Failing = { id: string; title: string; selectors: string[]; distinct: number; elements: number };

export type LhRun = {
  /** 0 to 100, per category audited; null when Lighthouse could not score it. */
  scores: Record<string, number | null>;
  cls: number | null;
  tbtMs: number | null;
  /** Accessibility audits that fail. */
  failing: Failing[];
  /** Best-practices audits that fail (their items seldom name elements: errors in the console, say). */
  failingPractices: Failing[];
  /** Elements whose shifts make up the CLS, most first. */
  shifted: string[];
  /** Search result fragments (pf_fragment) the page fetched. */
  fragments: number;
  error: string | null;
};

const numeric = (audit: LhAudit | undefined): number | null => audit?.numericValue ?? null;

/** The audits of a category that fail, with the selectors of their elements (first MAX_SELECTORS). */
export function failingAudits(lhr: Lhr, category = 'accessibility'): Failing[] {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  return refs
    .map((ref) => lhr.audits[ref.id])
    .filter((a): a is LhAudit => a !== undefined && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'manual')
    .map((a) => {
      const nodes = (a.details?.items ?? []).map((i) => i.node?.selector).filter((s): s is string => !!s);
      const distinct = [...new Set(nodes)];
      return {
        id: a.id,
        title: a.title,
        selectors: distinct.slice(0, MAX_SELECTORS),
        distinct: distinct.length,
        elements: nodes.length,
      };
    });
}

export function readRun(lhr: Lhr): LhRun {
  const scores: Record<string, number | null> = {};
  for (const [id, category] of Object.entries(lhr.categories))
    scores[id] = category.score === null ? null : Math.round(category.score * 100);
  const shifts = [...(lhr.audits['layout-shifts']?.details?.items ?? [])].sort(
    (a, b) => (b.score ?? 0) - (a.score ?? 0),
  );
  return {
    scores,
    cls: numeric(lhr.audits['cumulative-layout-shift']),
    tbtMs: numeric(lhr.audits['total-blocking-time']),
    failing: failingAudits(lhr),
    failingPractices: failingAudits(lhr, 'best-practices'),
    shifted: [...new Set(shifts.map((s) => s.node?.selector).filter((s): s is string => !!s))],
    fragments: (lhr.audits['network-requests']?.details?.items ?? []).filter((i) => /\.pf_fragment$/.test(i.url ?? ''))
      .length,
    error: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
  };
}

export type LhSummary = {
  runs: number;
  /** Median of the runs' scores, per category. */
  scores: Record<string, number | null>;
  scoreRuns: Record<string, (number | null)[]>;
  cls: number | null;
  tbtMs: number | null;
  /** Each run's, in order: CLS moves with when the results land, relative to the audit's window. */
  clsRuns: (number | null)[];
  tbtRuns: (number | null)[];
  /** Accessibility audits failing in any run, with the runs they failed in. */
  failing: (Failing & { inRuns: number })[];
  /** Best-practices audits failing in any run, likewise. */
  failingPractices: (Failing & { inRuns: number })[];
  shifted: string[];
  /** The fewest result fragments of any run (0: some run audited a page without results). */
  fragments: number;
  errors: string[];
};

const medianOrNull = (xs: readonly (number | null)[]): number | null => {
  const known = xs.filter((x): x is number => x !== null);
  return known.length === 0 ? null : median(known);
};

/** Audits failing in any of the runs' lists, each once, with how many runs it failed in. */
function mergeFailing(lists: readonly Failing[][]): (Failing & { inRuns: number })[] {
  const failing = new Map<string, Failing & { inRuns: number }>();
  for (const list of lists)
    for (const f of list) {
      const seen = failing.get(f.id);
      if (!seen) failing.set(f.id, { ...f, inRuns: 1 });
      else {
        seen.inRuns += 1;
        seen.elements = Math.max(seen.elements, f.elements);
        seen.distinct = Math.max(seen.distinct, f.distinct);
        seen.selectors = [...new Set([...seen.selectors, ...f.selectors])].slice(0, MAX_SELECTORS);
      }
    }
  return [...failing.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function summarizeRuns(runs: readonly LhRun[]): LhSummary {
  const categories = [...new Set(runs.flatMap((r) => Object.keys(r.scores)))];
  const scoreRuns = Object.fromEntries(categories.map((c) => [c, runs.map((r) => r.scores[c] ?? null)]));
  return {
    runs: runs.length,
    scores: Object.fromEntries(categories.map((c) => [c, medianOrNull(scoreRuns[c]!)])),
    scoreRuns,
    cls: medianOrNull(runs.map((r) => r.cls)),
    tbtMs: medianOrNull(runs.map((r) => r.tbtMs)),
    clsRuns: runs.map((r) => r.cls),
    tbtRuns: runs.map((r) => r.tbtMs),
    failing: mergeFailing(runs.map((r) => r.failing)),
    failingPractices: mergeFailing(runs.map((r) => r.failingPractices)),
    shifted: [...new Set(runs.flatMap((r) => r.shifted.slice(0, 3)))],
    fragments: Math.min(...runs.map((r) => r.fragments)),
    errors: runs.flatMap((r) => (r.error ? [r.error] : [])),
  };
}

/** How Lighthouse emulated the device, in one line, from the report's own settings. */
export function formFactorLine(lhr: Lhr): string {
  const s = lhr.configSettings;
  const t = s.throttling;
  const e = s.screenEmulation;
  return (
    `${s.formFactor}: ${e.width}×${e.height} at ${e.deviceScaleFactor}x, ` +
    `${s.throttlingMethod} throttling (RTT ${t.rttMs ?? '?'} ms, ${((t.throughputKbps ?? 0) / 1024).toFixed(1)} Mbit/s, CPU ×${t.cpuSlowdownMultiplier ?? '?'})`
  );
}
