import { describe, expect, it } from 'vitest';
import { idProblem, paperFromItem, papersFromItems } from '../../../../scraper/archive/from-api.ts';
import { PaperSchema } from '../../../../scraper/archive/schema.ts';
import { ERA_DAYS, fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';

describe('records from every era of the API format', () => {
  for (const [era, date] of Object.entries(ERA_DAYS)) {
    it(`${era} (${date}): every item becomes a valid record, in listing order`, () => {
      const items = fixtureItems(date);
      const { papers, rejected } = papersFromItems(items);
      expect(rejected).toEqual([]);
      expect(papers.map((p) => p.id)).toEqual(items.map((i) => i.paper.id));
      expect(papers.map((p) => p.rank)).toEqual(items.map((_, i) => i + 1));
      for (const p of papers) expect(PaperSchema.safeParse(p).success).toBe(true);
    });
  }

  it('keeps every field the listing has (a 2026 item)', () => {
    const item = fixtureItems(ERA_DAYS.late2026)[0]!;
    const result = paperFromItem(item, 1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.paper).toMatchObject({
      id: '2608.05987',
      title: 'AgentOPSD: Recursive Self-Distillation for Agentic Reinforcement Learning',
      upvotes: item.paper.upvotes,
      comments: item.numComments,
      publishedAt: '2026-08-06T00:00:00.000Z',
      submitter: { handle: 'zzzzhw', name: 'Zi-Han Wang' },
      organization: { handle: 'Tsinghua', name: 'Tsinghua University' },
      githubRepo: 'https://github.com/ZethWang/AgentOPSD',
      githubStars: 2,
      thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2608.05987.png',
    });
    expect(result.paper.authors).toEqual(item.paper.authors.map((a: { name: string }) => a.name));
    expect(result.paper.abstract).not.toMatch(/\n/);
  });

  it('undoes the hard wraps of 2024 titles and abstracts', () => {
    const items = fixtureItems(ERA_DAYS.mid2024);
    const wrapped = items.find((i) => /\n/.test(i.paper.title))!;
    const { papers } = papersFromItems(items);
    const paper = papers.find((p) => p.id === wrapped.paper.id)!;
    expect(paper.title).toBe(wrapped.paper.title.replace(/\s+/g, ' ').trim());
    expect(paper.abstract).toBe(wrapped.paper.summary.replace(/\s+/g, ' ').trim());
  });

  it('takes the thumbnail from mediaUrl before June 2024, when no submitter was given', () => {
    const item = fixtureItems(ERA_DAYS.mediaUrl2024)[0]!;
    const result = paperFromItem(item, 1);
    if (!result.ok) throw new Error(result.rejection.reason);
    expect(result.paper.thumbnail).toBe(item.mediaUrl);
    expect(result.paper.submitter).toBeNull();
  });

  it("falls back to the paper's submittedOnDailyBy for the submitter", () => {
    const item = fixtureItems(ERA_DAYS.first2023)[0]!;
    delete item.submittedBy;
    const result = paperFromItem(item, 1);
    if (!result.ok) throw new Error(result.rejection.reason);
    expect(result.paper.submitter).toEqual({ handle: 'akhaliq', name: 'AK' });
  });

  it('takes the organization from submitterOrganization (Sept 2025)', () => {
    const item = fixtureItems(ERA_DAYS.submitterOrg2025).find((i) => i.submitterOrganization)!;
    const result = paperFromItem(item, 1);
    if (!result.ok) throw new Error(result.rejection.reason);
    expect(result.paper.organization).toEqual({
      handle: item.submitterOrganization.name,
      name: item.submitterOrganization.fullname,
    });
  });

  it('keeps a withdrawn paper with its withdrawal time', () => {
    const { papers } = papersFromItems(fixtureItems(ERA_DAYS.withdrawn2023));
    expect(papers.find((p) => p.id === '2306.05949')?.withdrawnAt).toBe('2024-06-28T13:50:57.000Z');
  });
});

describe('ids that are not arXiv ids never become records', () => {
  const base = () => fixtureItems(ERA_DAYS.late2026)[0]!;
  const cases: [unknown, RegExp][] = [
    ['../../x', /not an arXiv id/],
    ['2501.1234/evil', /not an arXiv id/],
    ['2501.12345/../../etc', /not an arXiv id/],
    ['', /empty id/],
    [' 2501.12345', /not an arXiv id/],
    ['2501.12345\n', /not an arXiv id/],
    ['2501.12345v2', /not an arXiv id/],
    [2503.0213, /numeric id/],
    [null, /no paper id/],
    [undefined, /no paper id/],
    [{ id: 1 }, /type object/],
  ];
  for (const [id, reason] of cases) {
    it(`rejects ${JSON.stringify(id) ?? 'undefined'} with a reason`, () => {
      const item = base();
      item.paper.id = id;
      const result = paperFromItem(item, 3);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.rejection.rank).toBe(3);
      expect(result.rejection.reason).toMatch(reason);
      expect(idProblem(id)).toMatch(reason);
    });
  }

  it('drops a rejected item without leaving a gap in the ranks, and says which', () => {
    const items = fixtureItems(ERA_DAYS.late2026).slice(0, 4);
    items[1]!.paper.id = '../../x';
    const { papers, rejected } = papersFromItems(items);
    expect(papers.map((p) => p.rank)).toEqual([1, 2, 3]);
    expect(rejected).toEqual([{ rank: 2, id: '../../x', reason: expect.stringMatching(/not an arXiv id/) }]);
  });

  it('rejects a paper listed twice on one day', () => {
    const items = fixtureItems(ERA_DAYS.late2026).slice(0, 2);
    items.push(structuredClone(items[0]!));
    const { papers, rejected } = papersFromItems(items);
    expect(papers).toHaveLength(2);
    expect(rejected[0]).toMatchObject({ rank: 3, reason: 'is listed twice on this day' });
  });

  it('rejects items that are not objects or have no title', () => {
    const noTitle = fixtureItems(ERA_DAYS.late2026)[0]!;
    noTitle.paper.title = ' \n ';
    delete noTitle.title;
    const { rejected } = papersFromItems([null, 'x', { nopaper: 1 }, noTitle]);
    expect(rejected.map((r) => r.reason)).toEqual([
      'is not an object (null)',
      'is not an object (string)',
      'has no "paper" object',
      'has no title',
    ]);
  });
});
