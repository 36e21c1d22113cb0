// The pure parts of the search benchmark: judging the first results of a topic query against the
// archive (scripts/bench/relevance.ts), the nearest-rank percentile of the cold searches
// (stats.ts), reading Lighthouse's reports (lighthouse-summary.ts), and the marked sections of a
// results file that a rewrite keeps (search-md.ts). No browser, nothing timed.
import { describe, expect, test } from 'vitest';
import { failingAudits, type Lhr, readRun, summarizeRuns } from '../../../../scripts/bench/lighthouse-summary.ts';
import {
  heldCounts,
  holdsEvery,
  type JudgedPaper,
  judgeTop,
  sameWord,
  summarizeTopics,
  wordsOf,
} from '../../../../scripts/bench/relevance.ts';
import {
  failingLines,
  keptSections,
  type SearchReport,
  searchMarkdown,
  upsertSection,
} from '../../../../scripts/bench/search-md.ts';
import { benchSets, TOPIC_QUERIES } from '../../../../scripts/bench/search-queries.ts';
import { percentile } from '../../../../scripts/bench/stats.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';

const paper = (title: string, aiKeywords: string[] = [], upvotes = 0): JudgedPaper => ({ title, aiKeywords, upvotes });

describe('relevance', () => {
  test('words: cut at anything not a letter or digit, lower-cased', () => {
    expect(wordsOf('Text-to-Image 3D Gaussians: Zero-Shot (v2)')).toEqual([
      'text',
      'to',
      'image',
      '3d',
      'gaussians',
      'zero',
      'shot',
      'v2',
    ]);
    expect(wordsOf('Über-Modèle')).toEqual(['über', 'modèle']);
  });

  test('a plural s or es, added or removed, is the same word; nothing else is', () => {
    expect(sameWord('model', 'models')).toBe(true);
    expect(sameWord('models', 'model')).toBe(true);
    expect(sameWord('process', 'processes')).toBe(true);
    expect(sameWord('agent', 'agentic')).toBe(false);
    expect(sameWord('generation', 'generative')).toBe(false);
    expect(sameWord('policy', 'policies')).toBe(false);
  });

  test('every query word, whole, in the title or the keywords, case ignored', () => {
    expect(holdsEvery('video generation', paper('Long Video Generation with Diffusion'))).toBe(true);
    expect(holdsEvery('video generation', paper('Video Tokenizers', ['generation']))).toBe(true);
    expect(holdsEvery('video generation', paper('Videos, generated'))).toBe(false);
    expect(holdsEvery('vision language model', paper('Vision-Language Models Reason'))).toBe(true);
    expect(holdsEvery('text-to-image', paper('A text to image model'))).toBe(true);
    expect(holdsEvery('3D reconstruction', paper('Fast 3d Reconstructions'))).toBe(true);
    // Whole words: "agent" is not in "agentic" nor in "reagent".
    expect(holdsEvery('agent', paper('Agentic reagents'))).toBe(false);
    expect(holdsEvery('mixture of experts', paper('Mixture-of-Experts at Scale'))).toBe(true);
    expect(holdsEvery('mixture of experts', paper('Expert Mixtures'))).toBe(false);
  });

  test('the first 10 judged: share out of 10, missing places off topic, median upvotes', () => {
    const papers = new Map<string, JudgedPaper>([
      ['2501.00001', paper('World Models for Agents', [], 40)],
      ['2501.00002', paper('A world of models', [], 10)],
      ['2501.00003', paper('Planning', ['world model'], 3)],
      ['2501.00004', paper('Unrelated', [], 100)],
    ]);
    const row = judgeTop('world model', ['2501.00001', '2501.00004', '2501.00003', '9999.99999'], papers, 3);
    expect(row).toMatchObject({ onTopic: 2, share: 0.2, medianUpvotes: 40, held: 3, unknown: 1 });
    expect(judgeTop('world model', [], papers, 3).medianUpvotes).toBeNaN();
    const eleven = Array.from({ length: 11 }, () => '2501.00001');
    expect(judgeTop('world model', eleven, papers, 3).share).toBe(1);
    expect(heldCounts(['world model', 'planning'], papers)).toEqual(
      new Map([
        ['world model', 3],
        ['planning', 1],
      ]),
    );
  });

  test('overall: the mean share and the median of the medians (queries without results left out)', () => {
    const rows = [0.5, 1, 0.9].map((share, i) => ({
      query: `q${i}`,
      ids: [],
      onTopic: share * 10,
      share,
      medianUpvotes: [12, 4, Number.NaN][i]!,
      held: 10,
      unknown: 0,
    }));
    const s = summarizeTopics(rows);
    expect(s.meanShare).toBeCloseTo(0.8);
    expect(s.medianOfMedians).toBe(8);
  });

  test('the topic queries are 20, each different', () => {
    expect(new Set(TOPIC_QUERIES.map((q) => q.toLowerCase())).size).toBe(20);
  });
});

test('percentile: nearest rank, always a measured value', () => {
  const tens = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  expect(percentile(tens, 50)).toBe(50);
  expect(percentile(tens, 90)).toBe(90);
  expect(percentile(tens, 91)).toBe(100);
  expect(percentile([...tens].reverse(), 10)).toBe(10);
  expect(percentile([3, 1, 2], 50)).toBe(2);
  expect(percentile([7], 90)).toBe(7);
  expect(percentile([5, 1], 0)).toBe(1);
  expect(percentile([], 50)).toBeNaN();
  const thirty = Array.from({ length: 30 }, (_, i) => i + 1);
  expect(percentile(thirty, 90)).toBe(27);
  expect(percentile(thirty, 50)).toBe(15);
});

function lhr(over: Partial<Lhr> & { a11y?: Lhr['audits'] } = {}): Lhr {
  const a11y = over.a11y ?? {};
  return {
    lighthouseVersion: '13.5.0',
    categories: {
      accessibility: { score: 0.96, auditRefs: Object.keys(a11y).map((id) => ({ id })) },
      performance: { score: 0.755, auditRefs: [] },
    },
    audits: {
      ...a11y,
      'cumulative-layout-shift': { id: 'cls', title: '', score: 0.5, scoreDisplayMode: 'numeric', numericValue: 0.23 },
      'total-blocking-time': { id: 'tbt', title: '', score: 0.5, scoreDisplayMode: 'numeric', numericValue: 504.5 },
      'layout-shifts': {
        id: 'layout-shifts',
        title: '',
        score: null,
        scoreDisplayMode: 'informative',
        details: {
          items: [
            { node: { selector: 'ol#results' }, score: 0.01 },
            { node: { selector: 'footer' }, score: 0.2 },
          ],
        },
      },
      'network-requests': {
        id: 'network-requests',
        title: '',
        score: null,
        scoreDisplayMode: 'informative',
        details: {
          items: [{ url: 'http://127.0.0.1/pagefind/fragment/en_1.pf_fragment' }, { url: 'http://127.0.0.1/' }],
        },
      },
    },
    configSettings: {
      formFactor: 'mobile',
      throttlingMethod: 'simulate',
      screenEmulation: { width: 412, height: 823, deviceScaleFactor: 1.75 },
      throttling: { rttMs: 150, throughputKbps: 1638.4, cpuSlowdownMultiplier: 4 },
    },
    environment: { benchmarkIndex: 1500 },
    ...over,
  };
}

const targetSize = (selectors: string[]): Lhr['audits'] => ({
  'target-size': {
    id: 'target-size',
    title: 'Touch targets do not have sufficient size or spacing.',
    score: 0,
    scoreDisplayMode: 'binary',
    details: { items: selectors.map((selector) => ({ node: { selector } })) },
  },
  'color-contrast': { id: 'color-contrast', title: 'ok', score: 1, scoreDisplayMode: 'binary' },
  'aria-allowed-role': { id: 'aria-allowed-role', title: 'n/a', score: null, scoreDisplayMode: 'notApplicable' },
});

describe('Lighthouse reports', () => {
  test('a run: scores out of 100, CLS, TBT, shifts largest first, fragments fetched', () => {
    const run = readRun(lhr({ a11y: targetSize(['li > a']) }));
    expect(run).toMatchObject({
      scores: { accessibility: 96, performance: 76 },
      cls: 0.23,
      tbtMs: 504.5,
      shifted: ['footer', 'ol#results'],
      fragments: 1,
      error: null,
    });
    expect(readRun(lhr({ runtimeError: { code: 'ERRORED_DOCUMENT_REQUEST', message: 'no' } })).error).toBe(
      'ERRORED_DOCUMENT_REQUEST: no',
    );
  });

  test('failing accessibility audits, with their elements each once and how many fail', () => {
    expect(failingAudits(lhr({ a11y: targetSize(['li > a', 'summary', 'li > a']) }))).toEqual([
      {
        id: 'target-size',
        title: 'Touch targets do not have sufficient size or spacing.',
        selectors: ['li > a', 'summary'],
        distinct: 2,
        elements: 3,
      },
    ]);
  });

  test('runs summarized: median scores, audits failing in any run, the fewest fragments', () => {
    const a = readRun(lhr({ a11y: targetSize(['li > a']) }));
    const b = { ...readRun(lhr()), scores: { accessibility: 100, performance: 60 }, tbtMs: 100, fragments: 0 };
    const c = { ...readRun(lhr({ a11y: targetSize(['summary']) })), scores: { accessibility: 96, performance: 90 } };
    const s = summarizeRuns([a, b, c]);
    expect(s.scores).toEqual({ accessibility: 96, performance: 76 });
    expect(s.scoreRuns['performance']).toEqual([76, 60, 90]);
    expect(s.tbtMs).toBe(504.5);
    expect(s.tbtRuns).toEqual([504.5, 100, 504.5]);
    expect(s.clsRuns).toEqual([0.23, 0.23, 0.23]);
    expect(s.fragments).toBe(0);
    expect(s.failing).toMatchObject([{ id: 'target-size', inRuns: 2, selectors: ['li > a', 'summary'] }]);
    expect(failingLines('day', { mobile: s, desktop: summarizeRuns([b]) })).toEqual([
      '- day: `target-size` (“Touch targets do not have sufficient size or spacing”: mobile 2 of 3 runs, 1 element): `li > a`, `summary`',
    ]);
  });
});

test('the phrase and filter queries are drawn from values the archive holds', () => {
  const org = { handle: 'acme', name: 'Acme Labs' };
  const days = [
    dayRecord('2025-03-03', [paperRecord('2503.00001', { organization: org, aiKeywords: ['agents'] })]),
    dayRecord('2026-08-07', [paperRecord('2608.00002', { organization: org, aiKeywords: ['agents'] })]),
  ];
  const { queries, more } = benchSets(days);
  expect(queries).toHaveLength(20);
  expect(more).toHaveLength(10);
  const params = more.map((q) => q.params);
  expect(params).toContainEqual({ q: '"reinforcement learning"', month: '2026-08' });
  expect(params).toContainEqual({ organization: 'Acme Labs' });
  expect(params).toContainEqual({ q: 'agent', keyword: 'agents' });
  expect(params).toContainEqual({ year: '2026', code: 'yes' });
  expect(more.filter((q) => q.params['q']?.startsWith('"')).length).toBeGreaterThanOrEqual(4);
});

test('the targets: at most 250 KB and 300 ms at the 90th percentile', () => {
  const report = (deployed: number, ms: number): SearchReport => ({
    at: '2026-12-06T11:00:00.000Z',
    commit: 'abc1234',
    command: 'search-bench',
    browser: '/usr/bin/chromium (Chromium 156)',
    machine: { cpu: 'cpu', cores: 2, memoryBytes: 2 ** 30, os: 'Linux', node: 'v24' },
    load: { start: [1, 1, 1], end: [2, 2, 2] },
    seconds: { all: 61, cold: 30, relevance: 31, lighthouse: null },
    dist: 'dist',
    archive: { path: 'content', days: 1, papers: 1 },
    runs: 3,
    cold: { rows: [], p50: { bytes: 1, deployed: 1, ms: 1 }, p90: { bytes: deployed, deployed, ms } },
    titles: { mrr: 1, count: 0, misses: [] },
    authors: { p5: 1, rows: [] },
    topics: { rows: [], summary: { meanShare: 1, medianOfMedians: 5 } },
    lighthouse: null,
  });
  const met = searchMarkdown(report(250 * 1024, 300), 'Search');
  expect(met).toContain('| 250.0 KB (p50 0.0 KB) | met |');
  expect(met).toContain('| 300 ms (p50 1 ms) | met |');
  expect(met).toContain('The run took 1 min 1 s');
  const missed = searchMarkdown(report(250 * 1024 + 1, 301), 'Search', 3);
  expect(missed.startsWith('### Search\n')).toBe(true);
  expect(missed).toContain('#### Targets');
  expect(missed.match(/\*\*missed\*\*/g)).toHaveLength(2);
});

describe('marked sections of a results file', () => {
  test('a section is appended, then replaced in place; a rewrite keeps the marked ones', () => {
    const doc = '# Results\n\nbuilds\n';
    const once = upsertSection(doc, 'Before', '## Before\n\nold');
    expect(once).toBe(
      '# Results\n\nbuilds\n\n<!-- search-bench section: Before -->\n## Before\n\nold\n<!-- end of search-bench section -->\n',
    );
    const twice = upsertSection(`${once}\n## After\n`, 'Before', '## Before\n\nnew\n');
    expect(twice).toContain('## Before\n\nnew\n<!-- end');
    expect(twice).not.toContain('old');
    expect(twice.endsWith('## After\n')).toBe(true);
    const both = upsertSection(twice, 'Other', '## Other');
    expect(keptSections(both)).toEqual([
      '<!-- search-bench section: Before -->\n## Before\n\nnew\n<!-- end of search-bench section -->',
      '<!-- search-bench section: Other -->\n## Other\n<!-- end of search-bench section -->',
    ]);
    expect(upsertSection('', 'X', 'x')).toBe(
      '<!-- search-bench section: X -->\nx\n<!-- end of search-bench section -->\n',
    );
  });
});
