// Archive records built by hand, for tests and test archives: every field present, as the
// schema wants, with only what a test cares about given.
import { FORMAT_VERSION, type Day, type Paper } from '../../scraper/archive/schema.ts';

export function paperRecord(id: string, extra: Partial<Paper> = {}): Paper {
  return {
    rank: 1,
    id,
    title: `Paper ${id}`,
    authors: ['Ada Lovelace', 'Alan Turing'],
    abstract: 'An abstract.',
    publishedAt: '2026-08-06T00:00:00.000Z',
    upvotes: 0,
    comments: 0,
    submitter: null,
    organization: null,
    githubRepo: null,
    githubStars: null,
    projectPage: null,
    aiSummary: null,
    aiKeywords: [],
    thumbnail: null,
    withdrawnAt: null,
    ...extra,
  };
}

/** A day holding `papers`, ranked in the order given. */
export function dayRecord(date: string, papers: Paper[], extra: Partial<Day> = {}): Day {
  return {
    format: FORMAT_VERSION,
    date,
    status: 'ok',
    source: `https://huggingface.co/papers/date/${date}`,
    via: 'page',
    fetchedAt: '2026-08-08T00:00:00.000Z',
    problems: [],
    papers: papers.map((p, i) => ({ ...p, rank: i + 1 })),
    ...extra,
  };
}
