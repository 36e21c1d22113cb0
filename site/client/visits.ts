// "New since your last visit" on day pages, decided here as data. A visit is a browser session
// (sessionStorage lasts as long as the tab's session); the browser remembers, in localStorage,
// the newest listing day it has shown (the home page and day pages are listings). On a visit's
// first page the day remembered becomes the visit's baseline, fixed for the whole visit: a day
// page newer than the baseline is a day published since the last visit, and all its papers are
// marked New. A browser's first visit has no baseline and marks nothing (everything would be
// new). Pure: the callers (stars.ts) read and write the storage.

export const SEEN_KEY = 'dpa-newest-day-seen-v1';
/** sessionStorage: the visit's baseline ("" when the visit has none). */
export const BASELINE_KEY = 'dpa-visit-baseline-v1';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (s: string | null): string | null => (s !== null && DAY.test(s) ? s : null);

export type VisitState = {
  /** localStorage: the newest listing day this browser has shown, on any visit. */
  seen: string | null;
  /** sessionStorage: null on a visit's first page, else the baseline this visit began with. */
  baseline: string | null;
};

export type VisitStep = {
  /** The day pages newer than this are new to the reader; null: nothing is. */
  baseline: string | null;
  /** What to write back: the visit's baseline ("" for none) and the newest day shown. */
  store: { baseline: string; seen: string | null };
};

/** The visit's baseline and what to remember, for a page showing the listing of `shown` (or none). */
export function visitStep(state: VisitState, shown: string | null): VisitStep {
  const seen = day(state.seen);
  const baseline = state.baseline === null ? seen : day(state.baseline);
  const listing = day(shown);
  const newest = listing && (!seen || listing > seen) ? listing : seen;
  return { baseline, store: { baseline: baseline ?? '', seen: newest } };
}

/** Whether a day's papers are new to a reader whose visit began with `baseline`. */
export const isNewDay = (date: string, baseline: string | null): boolean =>
  baseline !== null && DAY.test(date) && date > baseline;
