// Reading the fields a page needs out of API items. Items are kept as `unknown` (they are replayed
// byte for byte, whatever era or oddity they hold), so every read here is defensive: a synthetic
// day with a missing or odd field must still render, as the real site would.

type Obj = Record<string, unknown>;

export function asObject(v: unknown): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function paperOf(item: unknown): Obj | undefined {
  return asObject(asObject(item)?.['paper']);
}

/** The paper id as the site has it; a number is shown as the site would print it. */
export function paperIdOf(item: unknown): string | undefined {
  const id = paperOf(item)?.['id'];
  return typeof id === 'string' ? id : typeof id === 'number' ? String(id) : undefined;
}

export type Org = { name: string; fullname: string; avatar: string | undefined };
export type Person = { name: string; avatarUrl: string | undefined };

/** What one card shows: a projection of the item, nothing the item does not hold. */
export type CardView = {
  id: string;
  title: string;
  upvotes: number;
  comments: number;
  organization: Org | undefined;
  authors: Person[];
  /** The "Submitted by" badge shows the account name (`submittedBy.name`), not the display name. */
  submitter: Person | undefined;
  /** The social thumbnail (`thumbnail`, `mediaUrl` before June 2024), as the item has it. */
  thumbnail: string | undefined;
  /** The paper's first video (`mediaUrls`), shown instead of the image where there is one. */
  video: string | undefined;
  githubStars: number | undefined;
};

const VIDEO = /\.(?:mp4|webm|mov)(?:[?#].*)?$/i;

function orgOf(v: unknown): Org | undefined {
  const o = asObject(v);
  const name = str(o?.['name']);
  if (!o || !name) return undefined;
  return { name, fullname: str(o['fullname']) ?? name, avatar: str(o['avatar']) };
}

export function cardView(item: unknown): CardView | undefined {
  const outer = asObject(item);
  const paper = paperOf(item);
  const id = paperIdOf(item);
  if (!outer || !paper || id === undefined) return undefined;
  // The organization has lived in three places over the years; the card shows whichever is there.
  const organization =
    orgOf(outer['organization']) ?? orgOf(paper['organization']) ?? orgOf(outer['submitterOrganization']);
  const authors = (Array.isArray(paper['authors']) ? paper['authors'] : []).map((a): Person => {
    const author = asObject(a);
    return {
      name: str(author?.['name']) ?? '',
      avatarUrl: str(asObject(author?.['user'])?.['avatarUrl']),
    };
  });
  const by = asObject(outer['submittedBy']) ?? asObject(paper['submittedOnDailyBy']);
  const byName = str(by?.['name']) ?? str(by?.['user']);
  const media = Array.isArray(outer['mediaUrls']) ? outer['mediaUrls'] : [];
  return {
    id,
    title: str(paper['title']) ?? str(outer['title']) ?? '',
    upvotes: num(paper['upvotes']) ?? 0,
    comments: num(outer['numComments']) ?? 0,
    organization,
    authors,
    submitter: byName ? { name: byName, avatarUrl: str(by?.['avatarUrl']) } : undefined,
    thumbnail: str(outer['thumbnail']) ?? str(outer['mediaUrl']),
    video: media.map(str).find((u): u is string => u !== undefined && VIDEO.test(u)),
    githubStars: num(paper['githubStars']),
  };
}

export function paperTitle(paper: Obj): string {
  return str(paper['title']) ?? '';
}

export function paperSummary(paper: Obj): string {
  return str(paper['summary']) ?? '';
}

export function paperAuthorNames(paper: Obj): string[] {
  return (Array.isArray(paper['authors']) ? paper['authors'] : [])
    .map((a) => str(asObject(a)?.['name']))
    .filter((n): n is string => n !== undefined);
}

export function paperString(paper: Obj, key: string): string | undefined {
  return str(paper[key]);
}
