// What a nightly run tells: which days it added, changed, left unchanged, found without a listing
// or failed, the papers it added, the commit and push it made, and the site build. One summary,
// three renderings: text for the log, a JSON line, and Markdown for the job's page on GitHub
// ($GITHUB_STEP_SUMMARY). Pure: the run's results in, text out.
import { type DayReport, hfPaperUrl, isFallbackProblem } from '../archive/index.ts';
import type { PaperRef } from '../git/changes.ts';
import { dateList } from '../git/commit-message.ts';
import type { Pushed } from '../git/publish.ts';

export type BuildState =
  | { status: 'built'; seconds: number; outDir: string }
  | { status: 'failed'; seconds: number; outDir: string; message: string }
  | { status: 'skipped' }
  | { status: 'not run'; why: string };

export type CommitState =
  | { status: 'not asked' }
  | { status: 'nothing to commit' }
  | { status: 'made'; sha: string; subject: string; author: string }
  | { status: 'not made'; why: string };

export type NightlyOutcome = {
  dates: readonly string[];
  /** Older days fetched again through the API for the history of votes (nightly --revisit). */
  revisited?: readonly string[];
  reports: readonly DayReport[];
  notAttempted: readonly string[];
  /** Every day ok or without a listing, nothing refused (the scrape's own verdict). */
  scrapeClean: boolean;
  papersAdded: readonly PaperRef[];
  commit: CommitState;
  push: Pushed | null;
  build: BuildState;
  /** Failures after the scrape (commit, push), one line each. */
  errors: readonly string[];
};

export type DayNote = { date: string; message: string };

export type NightlySummary = {
  from: string;
  to: string;
  revisited: string[];
  added: string[];
  changed: string[];
  unchanged: string[];
  noListing: string[];
  failed: DayNote[];
  notTried: string[];
  /** Revisited days that could not be fetched (why): kept as held, and not the night's failure. */
  notRevisited: DayNote[];
  /** Days that went in but need a look (partial, a listing gone for a held day, papers no longer listed). */
  notes: DayNote[];
  /** Days had through the API because their page could not be read (why: the page's failure). */
  throughApi: DayNote[];
  papersAdded: PaperRef[];
  commit: CommitState;
  push: Pushed | null;
  build: BuildState;
  errors: string[];
  /** Exit 0: every day went well, and the commit, push and build too. */
  ok: boolean;
};

export function summarizeNightly(o: NightlyOutcome): NightlySummary {
  const s: NightlySummary = {
    from: o.dates[0] ?? '',
    to: o.dates.at(-1) ?? '',
    revisited: [...(o.revisited ?? [])],
    added: [],
    changed: [],
    unchanged: [],
    noListing: [],
    failed: [],
    notTried: [...o.notAttempted],
    notRevisited: [],
    notes: [],
    throughApi: [],
    papersAdded: [...o.papersAdded],
    commit: o.commit,
    push: o.push,
    build: o.build,
    errors: [...o.errors],
    ok: false,
  };
  const revisited = new Set(s.revisited);
  for (const r of [...o.reports].sort((a, b) => a.date.localeCompare(b.date))) {
    const message = r.message ?? r.status;
    if (revisited.has(r.date) && r.notFetched) s.notRevisited.push({ date: r.date, message });
    else if (r.status === 'failed' || r.action === 'refused') s.failed.push({ date: r.date, message });
    else {
      if (r.status === 'no-listing') s.noListing.push(r.date);
      else if (r.action === 'created') s.added.push(r.date);
      else if (r.action === 'updated' || r.action === 'removed') s.changed.push(r.date);
      else s.unchanged.push(r.date);
      if (r.fallback) s.throughApi.push({ date: r.date, message: r.fallback });
      // A day had through the API is counted on its own line; other problems of it still need a look.
      const message = r.fallback ? otherProblems(r) : r.message;
      if (message && (r.status !== 'no-listing' || r.before > 0)) s.notes.push({ date: r.date, message });
    }
  }
  s.revisited = s.revisited.filter((d) => !s.notRevisited.some((n) => n.date === d));
  s.ok = o.scrapeClean && o.notAttempted.length === 0 && s.errors.length === 0 && o.build.status !== 'failed';
  return s;
}

/** A report's message without the fallback's own problem (the first one, archive-day.ts). */
function otherProblems(r: DayReport): string | null {
  const rest = (r.message ?? '').split('; ').filter((p) => !isFallbackProblem(p));
  return rest.length > 0 && r.status === 'partial' ? rest.join('; ') : null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const span = (s: NightlySummary) => (s.from === s.to ? s.from : `${s.from} … ${s.to}`);

function counts(s: NightlySummary): string {
  const api = s.throughApi.length > 0 ? ` (${s.throughApi.length} through the API)` : '';
  return (
    `${s.added.length} added, ${s.changed.length} changed, ${s.unchanged.length} unchanged, ` +
    `${s.noListing.length} no listing, ${s.failed.length} failed${api}`
  );
}

function commitLine(c: CommitState, push: Pushed | null): string {
  switch (c.status) {
    case 'not asked':
      return 'not asked for (--commit)';
    case 'nothing to commit':
      return push ? `nothing new to commit; ${pushLine(push)}` : 'nothing new to commit';
    case 'not made':
      return `none (${c.why})`;
    case 'made':
      return `${c.sha.slice(0, 7)} "${c.subject}" by ${c.author}${push ? `; ${pushLine(push)}` : ''}`;
  }
}

function pushLine(p: Pushed): string {
  if (!p.pushed) return `${p.remote}/${p.branch} already has it, nothing to push`;
  const after = p.rebases > 0 ? ` (after ${plural(p.rebases, 'rebase')} onto it)` : '';
  return `pushed to ${p.remote}/${p.branch}${after}`;
}

function buildLine(b: BuildState): string {
  switch (b.status) {
    case 'built':
      return `built in ${b.seconds.toFixed(1)} s into ${b.outDir}`;
    case 'failed':
      return `BUILD FAILED after ${b.seconds.toFixed(1)} s`;
    case 'skipped':
      return 'not built (--skip-build)';
    case 'not run':
      return `not built (${b.why})`;
  }
}

export function formatNightlyText(s: NightlySummary): string {
  const lines = [`Nightly ${span(s)}: ${counts(s)}; ${plural(s.papersAdded.length, 'paper')} added.`];
  const row = (label: string, text: string) => lines.push(`  ${`${label}:`.padEnd(12)} ${text}`);
  if (s.added.length > 0) row('added', s.added.join(', '));
  if (s.changed.length > 0) row('changed', s.changed.join(', '));
  if (s.unchanged.length > 0) row('unchanged', s.unchanged.join(', '));
  if (s.noListing.length > 0) row('no listing', s.noListing.join(', '));
  for (const f of s.failed) row('failed', `${f.date}: ${f.message}`);
  for (const a of s.throughApi) row('via API', `${a.date}: the page could not be read (${a.message})`);
  if (s.notTried.length > 0) row('not tried', `${s.notTried.join(', ')} (interrupted)`);
  for (const n of s.notes) row('look at', `${n.date}: ${n.message}`);
  if (s.revisited.length > 0) row('revisited', `${s.revisited.join(', ')} (through the API, for the history of votes)`);
  for (const n of s.notRevisited) row('not revisited', `${n.date}: ${n.message}`);
  lines.push(`Commit: ${commitLine(s.commit, s.push)}`, `Site: ${buildLine(s.build)}`);
  for (const e of s.errors) lines.push(`Error: ${e}`);
  if (s.build.status === 'failed') lines.push(s.build.message);
  return lines.join('\n');
}

/** Text from the archive's data as Markdown shows it: literally, on one line, no markup or HTML. */
export function mdText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1');
}

/** Papers listed in the Markdown summary; more are counted. */
const PAPERS_SHOWN = 100;

export function formatNightlyMarkdown(s: NightlySummary): string {
  const cell = (dates: readonly string[]) => (dates.length > 0 ? dateList(dates, 10) : '–');
  const lines = [
    `### Daily Papers nightly, ${span(s)}${s.ok ? '' : ' (needs a look)'}`,
    '',
    '| days | |',
    '| --- | --- |',
    `| added | ${cell(s.added)} |`,
    `| changed | ${cell(s.changed)} |`,
    `| unchanged | ${cell(s.unchanged)} |`,
    `| no listing | ${cell(s.noListing)} |`,
    `| failed | ${cell(s.failed.map((f) => f.date))} |`,
    `| through the API | ${cell(s.throughApi.map((a) => a.date))} |`,
    ...(s.revisited.length > 0 ? [`| revisited (history of votes) | ${cell(s.revisited)} |`] : []),
    ...(s.notRevisited.length > 0 ? [`| not revisited | ${cell(s.notRevisited.map((n) => n.date))} |`] : []),
    '',
  ];
  if (s.notRevisited.length > 0) {
    lines.push(
      `**${plural(s.notRevisited.length, 'day')} not revisited**: fetching again a day held for the history of votes failed; the day is kept as held (the run still passes).`,
      '',
    );
    for (const n of s.notRevisited) lines.push(`- ${n.date}: ${mdText(n.message)}`);
    lines.push('');
  }
  if (s.throughApi.length > 0) {
    lines.push(
      `**${plural(s.throughApi.length, 'day')} fetched through the API**: the listing page could not be read, so the same run took the day from Hugging Face's API (the run still passes). If this repeats night after night, see the README's "When a night fails".`,
      '',
    );
    for (const a of s.throughApi) lines.push(`- ${a.date}: ${mdText(a.message)}`);
    lines.push('');
  }
  if (s.failed.length + s.notTried.length + s.notes.length + s.errors.length > 0) {
    lines.push('**Needs a look**', '');
    for (const f of s.failed) lines.push(`- ${f.date} failed: ${mdText(f.message)}`);
    if (s.notTried.length > 0) lines.push(`- not tried (interrupted): ${s.notTried.join(', ')}`);
    for (const n of s.notes) lines.push(`- ${n.date}: ${mdText(n.message)}`);
    for (const e of s.errors) lines.push(`- ${mdText(e)}`);
    if (s.build.status === 'failed')
      lines.push(`- the site's build failed:`, '', '```', s.build.message.replaceAll('```', "'''"), '```');
    lines.push('');
  }
  lines.push(`**${plural(s.papersAdded.length, 'paper')} added**`, '');
  if (s.papersAdded.length > 0) {
    lines.push('<details><summary>Papers added</summary>', '', '| day | paper | title |', '| --- | --- | --- |');
    for (const p of s.papersAdded.slice(0, PAPERS_SHOWN))
      lines.push(`| ${p.date} | [${p.id}](${hfPaperUrl(p.id)}) | ${mdText(p.title)} |`);
    if (s.papersAdded.length > PAPERS_SHOWN) lines.push(`| | | … and ${s.papersAdded.length - PAPERS_SHOWN} more |`);
    lines.push('', '</details>', '');
  }
  lines.push(`**Commit:** ${mdText(commitLine(s.commit, s.push))}  `, `**Site:** ${mdText(buildLine(s.build))}`, '');
  return lines.join('\n');
}
