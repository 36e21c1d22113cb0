// How much of each abstract a day page folds into its cards. A day page must stay a light page
// (40 KB of HTML and CSS, gzipped), and abstracts are most of its weight: a day of 50 papers
// holds about 65,000 characters of them, 27 KB gzipped. So a page holds at most a budget of
// abstract text; when a day's abstracts add up to more, each is cut to one common length (the
// longest that fits, so short abstracts stay whole) at a sentence or word, and the card says
// that the whole abstract is on the paper's page. The rest of a card weighs too (its title,
// authors and their search links, summary, links: about 350 bytes gzipped), so the budget shrinks
// on a day of many papers: the heaviest day listed (82 papers) keeps about 9,900 characters of abstracts.
// Most days are far under the budget and show every abstract whole. Pure.

/** Characters of abstract one day page holds at most: about 17 KB gzipped. */
export const DAY_ABSTRACT_BUDGET = 40_000;

/**
 * The abstract budget of a day of `papers` papers: what is left of the page's 40 KB once the
 * cards' other parts and the stylesheet are counted (about 33 KB for cards, 350 bytes a card
 * besides its abstract, 2.3 characters of abstract a gzipped byte), at most DAY_ABSTRACT_BUDGET.
 * tests/e2e/site/reading-weight.test.ts builds the heaviest day and weighs it.
 */
export function dayAbstractBudget(papers: number): number {
  return Math.max(4_000, Math.min(DAY_ABSTRACT_BUDGET, Math.floor((33_000 - 350 * papers) * 2.3)));
}

/**
 * The length every abstract is cut to so that all of them together fit `budget`: the largest
 * cap c with sum(min(length, c)) <= budget. Infinity when they fit whole.
 */
export function abstractCap(lengths: readonly number[], budget = DAY_ABSTRACT_BUDGET): number {
  if (lengths.reduce((a, b) => a + b, 0) <= budget) return Number.POSITIVE_INFINITY;
  const sorted = [...lengths].sort((a, b) => a - b);
  let left = budget;
  for (let i = 0; i < sorted.length; i++) {
    const share = Math.floor(left / (sorted.length - i));
    if (sorted[i]! > share) return share;
    left -= sorted[i]!;
  }
  return Number.POSITIVE_INFINITY;
}

/** The abstract cut to at most `cap` characters at a sentence or word end, and whether it was. */
export function cutAbstract(text: string, cap: number): { text: string; cut: boolean } {
  const chars = [...text]; // code points: a cut never splits a surrogate pair
  if (chars.length <= cap) return { text, cut: false };
  const head = chars.slice(0, Math.max(0, cap - 1)).join('');
  const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('.\n'));
  const space = head.search(/\s\S*$/);
  const end = sentence > head.length * 0.6 ? sentence + 1 : space > 0 ? space : head.length;
  return { text: `${head.slice(0, end).trimEnd()} …`, cut: true };
}
