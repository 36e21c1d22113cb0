// What the index holds for a paper (site/lib/search-records.ts): its summary and abstract as the
// body excerpts come from, the fields a searcher means as weighted metadata, the lookup words,
// and nothing a page adds around the paper. Pure functions over hand-made records.
import { describe, expect, test } from 'vitest';
import type { Paper } from '../../../../scraper/archive/schema.ts';
import { dayRecord, paperRecord as paper } from '../../../../scripts/fixtures/records.ts';
import { buildArchiveIndex } from '../../../../site/lib/archive-index.ts';
import { nameWord, tagWord } from '../../../../site/lib/search-keys.ts';
import { indexOrder, inertText, paperRecord, tableRow } from '../../../../site/lib/search-records.ts';

const entries = (...days: [string, Paper[]][]) =>
  buildArchiveIndex(days.map(([date, papers]) => dayRecord(date, papers))).papers;

describe('paperRecord', () => {
  const full = paper('2608.05987', {
    title: 'AgentOPSD: Recursive Self-Distillation',
    authors: ['Zi-Han Wang', 'Zoë Émile'],
    abstract: 'First paragraph.\n\nSecond paragraph.',
    aiSummary: 'A summary.',
    upvotes: 51,
    submitter: { handle: 'akhaliq', name: 'AK' },
    organization: { handle: 'nvidia', name: 'NVIDIA' },
    githubRepo: 'https://github.com/x/y',
    aiKeywords: ['Video Generation', 'agents', 'video generation'],
  });
  const record = paperRecord(entries(['2026-08-05', [full]]).get('2608.05987')!);

  test('the body is the summary, then the abstract: no title, author list, link label or heading', () => {
    expect(record.content).toBe('A summary.\n\nFirst paragraph.\n\nSecond paragraph.');
    expect(record.url).toBe('/papers/2608.05987/');
    expect(record.language).toBe('en');
  });

  test('metadata: what a searcher means, and the lookup words; filters only the result line’s day and upvotes', () => {
    expect(record.meta).toEqual({
      title: full.title,
      titleword: 'agentopsdrecursiveselfdistillation0',
      id: '2608.05987',
      authors: 'Zi-Han Wang, Zoë Émile',
      names: 'zihanwang0 zoeemile0',
      organization: 'NVIDIA',
      submitter: 'AK akhaliq',
      keywords: 'Video Generation, agents, video generation',
      tags: [
        tagWord('organization', 'NVIDIA'),
        tagWord('keyword', 'Video Generation'),
        tagWord('keyword', 'agents'),
      ].join(' '),
    });
    expect(record.filters).toEqual({ day: ['2026-08-05'], upvotes: ['51'] });
    expect(JSON.stringify(record)).not.toMatch(/arxiv\.org|huggingface|Hugging Face|Abstract|PDF/i);
  });

  test('a bare paper: no empty fields; without summary or abstract, its title and id are its body', () => {
    const bare = paperRecord(
      entries(['2026-08-05', [paper('2608.00001', { authors: [], abstract: ' ', title: 'Only a title' })]]).get(
        '2608.00001',
      )!,
    );
    expect(bare.content).toBe('Only a title 2608.00001');
    expect(Object.keys(bare.meta).sort()).toEqual(['id', 'title', 'titleword']);
    expect(bare.meta['titleword']).toBe(nameWord('Only a title'));
  });

  test('a submitter whose name is their handle is named once', () => {
    const p = paper('2608.00002', { submitter: { handle: 'akhaliq', name: 'AKhaliq' } });
    expect(paperRecord(entries(['2026-08-05', [p]]).get('2608.00002')!).meta['submitter']).toBe('AKhaliq');
  });

  test('scraped words that Pagefind would read as instructions stay words', () => {
    expect(inertText('a ___PAGEFIND_WEIGHT___9 b\n___END_PAGEFIND_WEIGHT___')).toBe(
      'a \u200B___PAGEFIND_WEIGHT___9 b\n\u200B___END_PAGEFIND_WEIGHT___',
    );
    expect(inertText('snake_case __init__')).toBe('snake_case __init__');
  });
});

describe('indexOrder and tableRow', () => {
  test('papers in the order of the day they were first featured, then their rank that day', () => {
    const papers = entries(
      ['2026-08-07', [paper('2608.00003'), paper('2608.00001', { githubRepo: 'https://github.com/a/b' })]],
      ['2026-08-03', [paper('2608.00002'), paper('2608.00001', { upvotes: 7 })]],
    );
    const ordered = indexOrder(papers.values());
    expect(ordered.map((e) => e.id)).toEqual(['2608.00002', '2608.00001', '2608.00003']);
    // The newest record's counts and links, the first day's date.
    expect(tableRow(ordered[1]!)).toEqual({ day: '2026-08-03', upvotes: 0, code: true });
  });
});
