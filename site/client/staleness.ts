// Reveals the "may have stopped updating" notice (components/Freshness.astro) when the reader's
// clock says the archive's newest day is too old, however long ago the page was built: a stopped
// nightly job builds no new page to say so. Bundled with the theme toggle (layouts/Page.astro),
// so it costs no request; the date comes from the notice's `data-newest-day`, the rule from
// lib/staleness.ts, the same one the build applies.
import { isStale, utcDay } from '../lib/staleness.ts';

for (const notice of document.querySelectorAll<HTMLElement>('[data-stale-notice][hidden]')) {
  const newest = notice.dataset['newestDay'];
  if (newest && isStale(newest, utcDay(Date.now()))) notice.hidden = false;
}
