// What the search finds, on the fixture archive built for this run: the index holds each
// paper's data and nothing its pages add (site/lib/search-records.ts); an id or a link finds its
// paper alone; an author's name finds their papers first; the submitter is found; excerpts come
// from the summary or the abstract; the keyword filter ignores case; a filter or a sort alone
// lists papers; no results says what to try next. One page for the whole file: each search runs
// in the page the last one left, as a reader's searches do (search-helpers.ts, showSearch), and
// the last test shows that a fresh page finds the same.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROLIFIC_AUTHOR } from '../../../scripts/site/make-fixture.ts';
import { sameName } from '../../../site/lib/search-keys.ts';
import { stemOf, wordsOf } from '../../../site/lib/search-text.ts';
import { TEST_BASE as BASE } from './fixture.ts';
import { fixturePapers, resultIds, resultTitles, searched, showSearch } from './search-helpers.ts';
import { type ServedSite, serveFixtureSite } from './site-helpers.ts';

let site: ServedSite;
let page: Page;
const papers = fixturePapers();

beforeAll(async () => {
  site = await serveFixtureSite();
  page = await (await site.browser.newContext()).newPage();
});
afterAll(async () => {
  await site?.close();
});

/** Runs the search of `params` on the search page; returns its status line. */
async function search(params: Record<string, string>): Promise<string> {
  return showSearch(page, site.at(`search/?${new URLSearchParams(params)}`));
}

const found = (status: string): number => Number(/^([\d,]+) papers? found/.exec(status)?.[1]?.replace(/,/g, '') ?? 0);

describe('what is indexed', () => {
  // Every paper page says these words (links, headings, counts); the index never saw a page. (A
  // word no indexed word begins with matches, in Pagefind, the longest indexed word it begins
  // with: "BibTeX" finds the hostile paper's "b". Hence "few", not "none".)
  test.each([['arXiv'], ['PDF'], ['Hugging Face'], ['BibTeX'], ['Featured'], ['upvotes'], ['Abstract'], ['Cite']])(
    'page furniture (“%s”) finds few papers, not all',
    async (words) => {
      expect(found(await search({ q: words }))).toBeLessThan(papers.length / 4);
    },
  );

  test('excerpts are the summary’s or the abstract’s words, never the title’s or the authors’', async () => {
    await search({ q: 'agent' });
    const ids = await resultIds(page);
    const excerpts = await page.$$eval('#search-results .result-excerpt', (ps) => ps.map((p) => p.textContent ?? ''));
    expect(ids.length).toBeGreaterThan(3);
    ids.forEach((id, i) => {
      const { paper } = papers.find((p) => p.paper.id === id)!;
      const body = `${paper.aiSummary ?? ''} ${paper.abstract}`.replace(/\s+/g, ' ');
      // An excerpt cut from the middle says so with "…" at either end.
      expect(body, id).toContain(excerpts[i]!.replace(/^…\s*|\s*…$/g, '').trim());
    });
    // A word of one title only, in no summary or abstract: the excerpt is the start of the summary.
    const words = (p: (typeof papers)[number]) => p.paper.title.toLowerCase().match(/[a-z]{6,}/g) ?? [];
    const bodies = papers.map((p) =>
      `${p.paper.aiSummary ?? ''} ${p.paper.abstract} ${p.paper.aiKeywords}`.toLowerCase(),
    );
    const titled = papers.find((p) => p.paper.aiSummary && words(p).some((w) => bodies.every((b) => !b.includes(w))))!;
    const word = words(titled).find((w) => bodies.every((b) => !b.includes(w)))!;
    await search({ q: word });
    expect(await resultTitles(page)).toEqual([titled.paper.title]);
    const excerpt = (await page.textContent('.result-excerpt'))!.replace(/\s*…$/, '');
    expect(
      titled.paper.aiSummary!.replace(/\s+/g, ' ').startsWith(excerpt.trim().split(' ').slice(0, 5).join(' ')),
    ).toBe(true);
  });
});

describe('phrases, organizations, dates and upvotes', () => {
  /** Whether the title or the body holds the phrase's words one after the other, as the index reads words. */
  const holds = ({ paper }: (typeof papers)[number], phrase: string): boolean => {
    const want = wordsOf(phrase).map(stemOf).join(' ');
    return [paper.title, `${paper.aiSummary ?? ''} ${paper.abstract}`].some((text) =>
      ` ${wordsOf(text).map(stemOf).join(' ')} `.includes(` ${want} `),
    );
  };

  test('a quoted phrase finds the papers that hold its words together; the words alone find more', async () => {
    const phrase = 'language models';
    const together = papers.filter((p) => holds(p, phrase)).map((p) => p.paper.id);
    expect(together.length).toBeGreaterThan(0);
    expect(found(await search({ q: `"${phrase}"` }))).toBe(together.length);
    expect(new Set(await resultIds(page))).toEqual(new Set(together));
    expect(found(await search({ q: phrase }))).toBeGreaterThan(together.length);
  });

  test('"each word alone" and the nearest words leave a phrase’s quote marks out', async () => {
    expect(await search({ q: '"agent xyzzyplugh"' })).toBe('No paper found for "agent xyzzyplugh".');
    const words = page.locator('#search-next li', { hasText: 'Search for one of the words' });
    expect(await words.locator('a').allTextContents()).toEqual(['agent', 'xyzzyplugh']);
  });

  test('an organization by a word of its name; a name none holds offers the nearest', async () => {
    const withOrg = papers.find((p) => p.paper.organization)!.paper.organization!.name;
    const word = withOrg.split(/\s+/).find((w) => w.length >= 4)!;
    const holders = papers.filter((p) =>
      p.paper.organization?.name.toLowerCase().split(/\W+/).includes(word.toLowerCase()),
    );
    expect(found(await search({ organization: word.toUpperCase() }))).toBe(holders.length);
    const typo = `${word.slice(0, -1)}x`;
    expect(await search({ organization: typo })).toContain(`No organization’s name holds “${typo}”.`);
    const near = page.locator('#search-next li', { hasText: 'The nearest organizations' });
    expect(await near.locator('a').allTextContents()).toContain(withOrg);
  });

  test('a date range and a least number of upvotes, in the form and the address', async () => {
    const kept = papers.filter((p) => p.first >= '2026-07-01' && p.first <= '2026-07-31' && p.paper.upvotes >= 5);
    expect(kept.length).toBeGreaterThan(0);
    expect(found(await search({ from: '2026-07-01', to: '2026-07-31', upvotes: '5' }))).toBe(kept.length);
    expect(await page.inputValue('#f-from')).toBe('2026-07-01');
    expect(await page.inputValue('#f-to')).toBe('2026-07-31');
    expect(await page.inputValue('#f-upvotes')).toBe('5');
    // A month alone as the range's end: to its last day.
    expect(found(await search({ from: '2026-07', to: '2026-07', upvotes: '5' }))).toBe(kept.length);
  });
});

describe('a paper by its id or a link', () => {
  const paper = papers.find((p) => p.paper.id === '2608.05987')!.paper;

  test.each([
    '2608.05987',
    '2608.05987v2',
    'arXiv:2608.05987',
    'https://arxiv.org/abs/2608.05987v3',
    'https://arxiv.org/pdf/2608.05987v1.pdf',
    'https://arxiv.org/html/2608.05987v2',
    'https://huggingface.co/papers/2608.05987',
    'hf.co/papers/2608.05987',
  ])('%s finds that paper alone', async (q) => {
    expect(await search({ q })).toBe('1 paper found: arXiv 2608.05987.');
    expect(await resultTitles(page)).toEqual([paper.title]);
    expect(await page.getAttribute('.result-title a', 'href')).toBe(`${BASE}papers/2608.05987/`);
  });

  test('an id the archive does not hold says so, and links to the paper on arXiv and Hugging Face', async () => {
    expect(await search({ q: 'https://arxiv.org/abs/2608.99999v1' })).toBe(
      'No paper with arXiv id 2608.99999 in the archive.',
    );
    expect(await resultTitles(page)).toEqual([]);
    expect(await page.$$eval('#search-next a', (as) => as.map((a) => a.getAttribute('href')))).toEqual([
      'https://arxiv.org/abs/2608.99999',
      'https://huggingface.co/papers/2608.99999',
    ]);
  });
});

describe('authors and submitters', () => {
  const theirs = papers.filter((p) => p.paper.authors.some((a) => sameName(a, PROLIFIC_AUTHOR)));

  test.each([PROLIFIC_AUTHOR, 'zihan wang', 'ZiHan Wang'])(
    'a name (“%s”) finds that author’s papers first, before papers that only share its words',
    async (q) => {
      expect(theirs).toHaveLength(3);
      const status = await search({ q });
      const ids = await resultIds(page);
      expect(new Set(ids.slice(0, 3))).toEqual(new Set(theirs.map((p) => p.paper.id)));
      // Orca lists a Zihan Tang and a Yihao Wang: found, after them.
      expect(ids.length).toBeGreaterThan(3);
      expect(status).toContain(`First 3 papers by ${q}.`);
    },
  );

  test('an author link on a card and on a paper page leads to their papers, without JavaScript too', async () => {
    await page.goto(site.at('days/2026-07-31/'));
    const onCard = page.locator('.card details.authors a', { hasText: 'Zihan Wang' });
    const href = `${BASE}search/?${new URLSearchParams({ author: 'Zihan Wang' })}`;
    expect(await onCard.getAttribute('href')).toBe(href);
    const plain = await page.request.get(site.at(href.slice(BASE.length)));
    expect(plain.status()).toBe(200);
    expect(await plain.text()).toContain('<noscript>');

    await page.goto(site.at('papers/2608.05987/'));
    await page.locator('.page-head .authors a', { hasText: PROLIFIC_AUTHOR }).click();
    await page.waitForURL(/\/dpa\/search\/\?author=Zi-Han\+Wang$/);
    expect(await searched(page)).toBe(`3 papers found by ${PROLIFIC_AUTHOR}.`);
    expect(new Set(await resultIds(page))).toEqual(new Set(theirs.map((p) => p.paper.id)));
    expect(await page.inputValue('#f-author')).toBe(PROLIFIC_AUTHOR);
  });

  test('the submitter is searchable, and the paper page links to their submissions', async () => {
    const submitted = papers.filter((p) => p.paper.submitter?.handle === 'taesiri');
    expect(submitted.length).toBeGreaterThan(3);
    expect(found(await search({ q: 'taesiri' }))).toBe(submitted.length);
    expect(new Set(await resultIds(page))).toEqual(new Set(submitted.map((p) => p.paper.id)));
    await page.goto(site.at(`papers/${submitted[0]!.paper.id}/`));
    expect(await page.getAttribute('.details a:text("their submissions here")', 'href')).toBe(
      `${BASE}search/?q=taesiri`,
    );
  });
});

describe('filters and sorts', () => {
  test('the keyword filter ignores case and accents', async () => {
    const lower = found(await search({ keyword: 'supervised fine-tuning' }));
    expect(lower).toBeGreaterThan(1);
    const lowerIds = await resultIds(page);
    expect(found(await search({ keyword: 'SUPERVISED  Fine-Tuning' }))).toBe(lower);
    expect(await resultIds(page)).toEqual(lowerIds);
  });

  test('a sort or a filter alone lists papers', async () => {
    expect(found(await search({ sort: 'newest' }))).toBe(papers.length);
    const newest = papers.filter((p) => p.first === '2026-08-05').map((p) => p.paper.title);
    expect(newest).toContain((await resultTitles(page))[0]);

    const withCode = papers.filter((p) => p.paper.githubRepo !== null);
    expect(found(await search({ code: 'yes' }))).toBe(withCode.length);
    expect(found(await search({ month: '2026-07', sort: 'upvotes' }))).toBe(
      papers.filter((p) => p.first.startsWith('2026-07')).length,
    );
    const votes = await page.$$eval('.result-meta', (ms) =>
      ms.map((m) => Number(/(\d+) upvotes?/.exec(m.textContent ?? '')![1])),
    );
    expect(votes).toEqual([...votes].sort((a, b) => b - a));
  });

  test('no results says what to try: each filter dropped, fewer words, the archive', async () => {
    // The hostile paper's word, with another no paper shares with it, in a month it is not in.
    const status = await search({ q: 'agent xyzzyhostile', month: '2026-06', code: 'yes' });
    expect(status).toBe('No paper found for “agent xyzzyhostile”.');
    const links = await page.$$eval('#search-next a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toEqual([
      ['Search without “month 2026-06”', `${BASE}search/?q=agent+xyzzyhostile&code=yes`],
      ['Search without “with code”', `${BASE}search/?q=agent+xyzzyhostile&month=2026-06`],
      ['agent', `${BASE}search/?q=agent&month=2026-06&code=yes`],
      ['xyzzyhostile', `${BASE}search/?q=xyzzyhostile&month=2026-06&code=yes`],
      ['Browse the archive day by day', `${BASE}archive/`],
    ]);
    await page.locator('#search-next a', { hasText: /^agent$/ }).click();
    await page.waitForURL(/\?q=agent&month=2026-06&code=yes$/);
    expect(found(await searched(page))).toBeGreaterThan(0);
  });

  test('no results offers the nearest words the archive has for a mistyped one', async () => {
    expect(await search({ q: 'agnet modles', month: '2026-06' })).toBe('No paper found for “agnet modles”.');
    const nearest = page.locator('#search-next li', { hasText: 'The nearest words in the archive' });
    const links = await nearest
      .locator('a')
      .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toContainEqual(['agent', `${BASE}search/?q=agent+modles&month=2026-06`]);
    expect(links).toContainEqual(['models', `${BASE}search/?q=agnet+models&month=2026-06`]);
    await search({ q: 'agent models', month: '2026-06' });
    expect(found(await searched(page))).toBeGreaterThan(0);
  });
});

test('a search in a fresh page finds what it finds in a page that has searched before', async () => {
  // Every search above ran in one page; this one runs there after all of them, then alone.
  const params = { q: 'model', code: 'yes', sort: 'upvotes' };
  const status = await search(params);
  const ids = await resultIds(page);
  const fresh = await site.browser.newContext();
  try {
    const alone = await fresh.newPage();
    expect(await showSearch(alone, site.at(`search/?${new URLSearchParams(params)}`))).toBe(status);
    expect(await resultIds(alone)).toEqual(ids);
    expect(ids.length).toBeGreaterThan(1);
  } finally {
    await fresh.close();
  }
});
