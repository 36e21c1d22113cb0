// What a nightly run tells, in the log and on the job's summary page: the days by what became of
// them, the papers added, the commit, the push and the build; and its verdict (the exit status).
import { describe, expect, it } from 'vitest';
import type { DayReport } from '../../../../scraper/archive/index.ts';
import {
  formatNightlyMarkdown,
  formatNightlyText,
  mdText,
  type NightlyOutcome,
  summarizeNightly,
} from '../../../../scraper/nightly/summary.ts';

const report = (date: string, extra: Partial<DayReport>): DayReport => ({
  date,
  status: 'ok',
  papers: 20,
  action: 'unchanged',
  before: 20,
  rejected: [],
  message: null,
  ...extra,
});

const outcome = (extra: Partial<NightlyOutcome> = {}): NightlyOutcome => ({
  dates: ['2026-08-04', '2026-08-05', '2026-08-06', '2026-08-07'],
  reports: [
    report('2026-08-07', { action: 'created', before: 0 }),
    report('2026-08-04', {}),
    report('2026-08-05', { action: 'updated' }),
    report('2026-08-06', { action: 'updated' }),
  ],
  notAttempted: [],
  scrapeClean: true,
  papersAdded: [{ date: '2026-08-07', id: '2608.05987', title: 'AgentOPSD: *bold* | <b>x</b>' }],
  commit: { status: 'made', sha: '1a2b3c4d5e6f', subject: 'Daily Papers: 2026-08-07 added', author: 'bot <b@x>' },
  push: { remote: 'origin', branch: 'main', rebases: 1, pushed: true },
  build: { status: 'built', seconds: 9.16, outDir: '/repo/dist' },
  errors: [],
  ...extra,
});

describe('summarizeNightly', () => {
  it('sorts the days by what became of them, and is ok when all went well', () => {
    const s = summarizeNightly(outcome());
    expect(s).toMatchObject({
      from: '2026-08-04',
      to: '2026-08-07',
      added: ['2026-08-07'],
      changed: ['2026-08-05', '2026-08-06'],
      unchanged: ['2026-08-04'],
      noListing: [],
      failed: [],
      notes: [],
      ok: true,
    });
  });

  it('counts a failed day and a refused one as failed, a partial one as added with a note', () => {
    const s = summarizeNightly(
      outcome({
        scrapeClean: false,
        reports: [
          report('2026-08-04', { status: 'failed', papers: 0, action: 'none', message: 'HTTP 503 (5 attempts)' }),
          report('2026-08-05', { action: 'refused', message: '2026-08-05: the new listing has 3 papers …' }),
          report('2026-08-06', { status: 'partial', action: 'created', before: 0, message: 'no abstract for 1' }),
          report('2026-08-08', { status: 'no-listing', papers: 0, action: 'none', before: 0, message: 'redirected' }),
        ],
      }),
    );
    expect(s.failed.map((f) => f.date)).toEqual(['2026-08-04', '2026-08-05']);
    expect(s.added).toEqual(['2026-08-06']);
    expect(s.noListing).toEqual(['2026-08-08']);
    expect(s.notes).toEqual([{ date: '2026-08-06', message: 'no abstract for 1' }]);
    expect(s.ok).toBe(false);
  });

  it('is not ok when the commit or push failed, the build failed, or the run was interrupted', () => {
    expect(summarizeNightly(outcome({ errors: ['git push to origin/main failed: …'] })).ok).toBe(false);
    expect(
      summarizeNightly(
        outcome({ build: { status: 'failed', seconds: 3, outDir: 'dist', message: 'astro build exited 1' } }),
      ).ok,
    ).toBe(false);
    expect(summarizeNightly(outcome({ notAttempted: ['2026-08-07'] })).ok).toBe(false);
    expect(
      summarizeNightly(outcome({ build: { status: 'skipped' }, commit: { status: 'not asked' }, push: null })).ok,
    ).toBe(true);
  });
});

describe('formatNightlyText', () => {
  it('says it in a few lines for the log', () => {
    expect(formatNightlyText(summarizeNightly(outcome()))).toBe(
      [
        'Nightly 2026-08-04 … 2026-08-07: 1 added, 2 changed, 1 unchanged, 0 no listing, 0 failed; 1 paper added.',
        '  added:       2026-08-07',
        '  changed:     2026-08-05, 2026-08-06',
        '  unchanged:   2026-08-04',
        'Commit: 1a2b3c4 "Daily Papers: 2026-08-07 added" by bot <b@x>; pushed to origin/main (after 1 rebase onto it)',
        'Site: built in 9.2 s into /repo/dist',
      ].join('\n'),
    );
  });

  it('tells a run by hand that nothing was committed or built unless asked', () => {
    const text = formatNightlyText(
      summarizeNightly(outcome({ commit: { status: 'not asked' }, push: null, build: { status: 'skipped' } })),
    );
    expect(text).toContain('Commit: not asked for (--commit)\nSite: not built (--skip-build)');
  });

  it("ends with a failed build's last lines", () => {
    const text = formatNightlyText(
      summarizeNightly(
        outcome({
          build: { status: 'failed', seconds: 2, outDir: 'dist', message: 'astro build exited 1:\nline 1\nboom' },
        }),
      ),
    );
    expect(text.endsWith('Site: BUILD FAILED after 2.0 s\nastro build exited 1:\nline 1\nboom')).toBe(true);
  });
});

describe('days had through the API', () => {
  const viaApi = (date: string, extra: Partial<DayReport> = {}) =>
    report(date, {
      action: 'created',
      before: 0,
      message: 'fetched through the API: the page could not be read (HTTP 403)',
      fallback: 'HTTP 403',
      ...extra,
    });

  it('are counted apart, are not a problem, and keep the run ok', () => {
    const s = summarizeNightly(outcome({ reports: [viaApi('2026-08-07'), report('2026-08-06', {})] }));
    expect(s.throughApi).toEqual([{ date: '2026-08-07', message: 'HTTP 403' }]);
    expect(s.added).toEqual(['2026-08-07']);
    expect(s.notes).toEqual([]);
    expect(s.ok).toBe(true);
    const text = formatNightlyText(s);
    expect(text).toMatch(/: 1 added, .* 0 failed \(1 through the API\); 1 paper added\./);
    expect(text).toContain('  via API:     2026-08-07: the page could not be read (HTTP 403)');
    const md = formatNightlyMarkdown(s);
    expect(md).toContain('| through the API | 2026-08-07 |');
    expect(md).toContain('**1 day fetched through the API**');
    expect(md).toContain('- 2026-08-07: HTTP 403');
    expect(md).not.toContain('(needs a look)');
  });

  it("keep a partial day's other problems as a note", () => {
    const partial = viaApi('2026-08-07', {
      status: 'partial',
      message: 'fetched through the API: the page could not be read (HTTP 403); rejected 1 item',
    });
    const s = summarizeNightly(outcome({ reports: [partial], scrapeClean: false }));
    expect(s.notes).toEqual([{ date: '2026-08-07', message: 'rejected 1 item' }]);
  });

  it('are none in a run whose pages all read: the table says so with a dash', () => {
    expect(formatNightlyMarkdown(summarizeNightly(outcome()))).toContain('| through the API | – |');
  });
});

describe('days revisited for the history of votes', () => {
  const unreachable = report('2026-07-31', {
    status: 'failed',
    papers: 0,
    action: 'none',
    message: 'HTTP 503 (5 attempts); the archive holds 20 papers for 2026-07-31, kept',
    notFetched: true,
  });
  const unlisted = report('2026-07-24', {
    action: 'updated',
    message: '1 paper no longer listed by Hugging Face (2607.99999), kept as the archive holds it',
  });

  it('tell one that could not be fetched as not revisited, not failed, and keep the run ok', () => {
    const s = summarizeNightly(
      outcome({ revisited: ['2026-07-08', '2026-07-24', '2026-07-31'], reports: [unreachable, unlisted] }),
    );
    expect(s).toMatchObject({ failed: [], revisited: ['2026-07-08', '2026-07-24'], ok: true });
    expect(s.notRevisited).toEqual([{ date: '2026-07-31', message: unreachable.message }]);
    expect(s.notes).toEqual([{ date: '2026-07-24', message: unlisted.message }]);
    const text = formatNightlyText(s);
    expect(text).toContain(
      '  revisited:   2026-07-08, 2026-07-24 (through the API, for the history of votes)\n' +
        '  not revisited: 2026-07-31: HTTP 503 (5 attempts); the archive holds 20 papers for 2026-07-31, kept\n',
    );
    expect(text).toContain('  look at:     2026-07-24: 1 paper no longer listed by Hugging Face (2607.99999)');
    const md = formatNightlyMarkdown(s);
    expect(md).toContain('| revisited (history of votes) | 2026-07-08, 2026-07-24 |\n| not revisited | 2026-07-31 |');
    expect(md).toContain('**1 day not revisited**');
    expect(md).toContain('- 2026-07-31: HTTP 503 (5 attempts); the archive holds 20 papers for 2026-07-31, kept');
    expect(md).not.toContain('(needs a look)');
  });

  it('count a window day that could not be fetched as failed all the same', () => {
    const s = summarizeNightly(
      outcome({ revisited: ['2026-07-31'], reports: [{ ...unreachable, date: '2026-08-07' }], scrapeClean: false }),
    );
    expect(s.failed.map((f) => f.date)).toEqual(['2026-08-07']);
    expect(s.notRevisited).toEqual([]);
    expect(s.ok).toBe(false);
  });
});

describe('formatNightlyMarkdown', () => {
  it('is a table of days, the papers added, the commit and the build', () => {
    const md = formatNightlyMarkdown(summarizeNightly(outcome()));
    expect(md).toContain('### Daily Papers nightly, 2026-08-04 … 2026-08-07\n');
    expect(md).toContain('| added | 2026-08-07 |\n| changed | 2026-08-05, 2026-08-06 |\n| unchanged | 2026-08-04 |');
    expect(md).toContain('| no listing | – |\n| failed | – |');
    expect(md).toContain('**1 paper added**');
    expect(md).toContain(
      '| 2026-08-07 | [2608.05987](https://huggingface.co/papers/2608.05987) | AgentOPSD: \\*bold\\* \\| &lt;b&gt;x&lt;/b&gt; |',
    );
    expect(md).not.toContain('Needs a look');
  });

  it('lists what needs a look, the failed build included', () => {
    const md = formatNightlyMarkdown(
      summarizeNightly(
        outcome({
          reports: [report('2026-08-06', { status: 'failed', papers: 0, action: 'none', message: 'HTTP 503' })],
          scrapeClean: false,
          build: { status: 'failed', seconds: 2, outDir: 'dist', message: 'astro build exited 1:\nboom' },
        }),
      ),
    );
    expect(md).toContain('### Daily Papers nightly, 2026-08-04 … 2026-08-07 (needs a look)');
    expect(md).toContain('| failed | 2026-08-06 |');
    expect(md).toContain('- 2026-08-06 failed: HTTP 503');
    expect(md).toContain("- the site's build failed:\n\n```\nastro build exited 1:\nboom\n```");
  });

  it('shows text from the data literally: no markup, no HTML, one line', () => {
    expect(mdText('a_b *c* [d](e) `f` | g\nh <script>&')).toBe(
      'a\\_b \\*c\\* \\[d\\](e) \\`f\\` \\| g h &lt;script&gt;&amp;',
    );
  });
});
