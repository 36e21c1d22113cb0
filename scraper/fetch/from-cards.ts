// The fallback when a listing page has no embedded data: each card's id, title, votes,
// comments, submitter, organization and thumbnail, as the card shows them, with what cards lack
// (abstract, authors, links, keywords, the submitter's display name) from the paper API.
// Whatever cannot be filled is named, and makes the day partial.
import { ARXIV_ID } from '../archive/schema.ts';
import { heedRateLimit, statusError } from './http.ts';
import type { Listing, ListingContext } from './listing.ts';
import type { Card } from './parse-cards.ts';
import { FetchError } from './retry.ts';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The submitter as an item has it (`submittedBy`). The badge shows the account name; the paper
 * API's `submittedOnDailyBy` (from 2025) adds the display name when it is the same account.
 */
function submitterOf(card: Card, paper: Obj | null): Obj | null {
  if (!card.submitterName) return null;
  const by = isObj(paper?.['submittedOnDailyBy']) ? (paper['submittedOnDailyBy'] as Obj) : null;
  const same = by !== null && (by['user'] === card.submitterName || by['name'] === card.submitterName);
  const fullname = same && typeof by['fullname'] === 'string' ? by['fullname'] : null;
  return { name: card.submitterName, ...(fullname !== null ? { fullname } : {}) };
}

export async function listingFromCards(
  cards: Card[],
  source: string,
  ctx: ListingContext,
  problems: readonly string[],
): Promise<Listing> {
  const items: unknown[] = [];
  const unfilled: string[] = [];
  let nameless = 0;
  for (const card of cards) {
    const paper = await fetchPaper(card.id, ctx).catch((e: Error) => {
      unfilled.push(`${card.id} (${e.message.replace(/^\S+: /, '')})`);
      return null;
    });
    const submittedBy = submitterOf(card, paper);
    if (submittedBy && submittedBy['fullname'] === undefined) nameless++;
    items.push({
      paper: {
        ...(paper ?? { authors: [], summary: '' }),
        id: card.id,
        title: card.title || (paper?.['title'] as string | undefined),
        upvotes: card.upvotes ?? paper?.['upvotes'] ?? 0,
      },
      numComments: card.comments ?? 0,
      thumbnail: card.thumbnail,
      ...(submittedBy ? { submittedBy } : {}),
      ...(card.organization
        ? { organization: { name: card.organization.handle, fullname: card.organization.name } }
        : {}),
    });
  }
  const found = [...problems, 'the page had no embedded listing data: built from its cards and the paper API'];
  if (unfilled.length > 0) {
    found.push(
      `abstract, authors and links missing for ${unfilled.length} of ${cards.length} papers: ${unfilled.slice(0, 5).join(', ')}`,
    );
  }
  if (nameless > 0) {
    found.push(
      `submitters' display names unknown for ${nameless} of ${cards.length} papers: their account names stand in`,
    );
  }
  // Cards filled whole from the API hold everything the embedded data would: nothing to say then.
  const complete = problems.length === 0 && unfilled.length === 0 && nameless === 0;
  return { kind: 'listing', items, problems: complete ? [] : found, source };
}

async function fetchPaper(id: string, ctx: ListingContext): Promise<Obj> {
  // Never put an id that is not an arXiv id into a URL (the record is rejected later anyway).
  if (!ARXIV_ID.test(id)) throw new Error('not an arXiv id');
  const url = `${ctx.baseUrl}/api/papers/${id}`;
  await ctx.apiPacer.acquire(ctx.signal);
  const answer = await ctx.apiGet(url, {
    signal: ctx.signal,
    timeoutMs: ctx.timeoutMs,
    accept: 'application/json',
    ...(ctx.maxBytes !== undefined ? { maxBytes: ctx.maxBytes } : {}),
  });
  heedRateLimit(answer, ctx.apiPacer);
  if (answer.status !== 200) throw statusError(answer, url);
  try {
    const paper = JSON.parse(answer.text) as unknown;
    if (!isObj(paper)) throw new Error('not an object');
    return paper;
  } catch (e) {
    throw new FetchError(`${url}: not a paper (${(e as Error).message})`, { retryable: false });
  }
}
