// The organizations pages (/organizations/ and /organizations/<slug>/): every organization that
// Hugging Face names on a paper of the archive, with its papers, its name and its page's address.
// An organization is its handle, compared without case (Hugging Face's handles ignore it: the
// full corpus has SJTU-Deng-Lab and SJTU-DENG-Lab, one lab), and is named as Hugging Face named
// it last; a paper belongs to every organization any of its listings named (a card links to the
// page of the organization it shows, so that page must exist). Pure: the archive index in,
// organizations out.
import type { Account } from '../../scraper/archive/index.ts';
import { type ArchiveIndex, compareByUpvotes, type PaperEntry } from './archive-index.ts';

export type Organization = {
  /** Its page's address under /organizations/ (organizationSlugs). */
  slug: string;
  /** The handle as Hugging Face spelled it last; null for one known by its name only. */
  handle: string | null;
  /** The name Hugging Face gave it on the newest listing that named it. */
  name: string;
  /** The names it had before, the latest first. */
  formerNames: string[];
  /** Its papers, newest first: by the day each was first featured, then its rank that day. */
  papers: PaperEntry[];
  /** The first day one of its papers was featured, and the last. */
  firstDate: string;
  lastDate: string;
};

export type Organizations = {
  /** Every organization, by number of papers, then by name. */
  list: Organization[];
  bySlug: ReadonlyMap<string, Organization>;
  /** The slug of the page of the organization a paper record names; null when it names none. */
  slugOf: (organization: Account | null) => string | null;
};

/** How many papers an organization's page lists, newest and most upvoted. */
export const ORGANIZATION_LIST = 10;

/**
 * What papers are grouped by: "@" and the handle in lower case, or, should a record have no
 * handle, "=" and its name in lower case (the prefixes keep a name from meeting a handle).
 */
export function organizationKey(organization: Account): string {
  const handle = organization.handle.trim();
  return handle !== '' ? `@${handle.toLowerCase()}` : `=${organization.name.trim().toLowerCase()}`;
}

/** A handle that is its own slug: letters and digits in runs joined by one "-", "_" or ".". */
const PLAIN = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
/** Names Windows gives to devices: a folder so named cannot be unpacked there (papers pack). */
export const DEVICE = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/;
const MAX_PLAIN = 96;

/** FNV-1a, 64 bits, of the UTF-8 bytes, as 16 hex digits: short, stable, no dependency. */
function fnv64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text))
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return hash.toString(16).padStart(16, '0');
}

/**
 * Each group key's slug. A handle made of lower-case letters, digits and single "-", "_" or "."
 * between them (every handle of the full corpus, once lower-cased) is its own slug: "nvidia",
 * "tencent-hunyuan". Anything else (another character, a device name, a name without a handle)
 * becomes its letters and digits joined by "-" (at most 40 characters, else "org"), then "--" and
 * 8 hex digits of a hash of the key: `evil"org` → "evil-org--1f0c…". A plain slug never holds
 * "--", so the two kinds never meet; plain slugs are distinct as their keys are; and should two
 * hashed slugs still meet, those take all 16 digits (then, failing that, "-2", "-3" in key order).
 * So a slug depends on its own key alone, and stays put as other organizations come and go.
 */
export function organizationSlugs(keys: Iterable<string>, hash: (key: string) => string = fnv64): Map<string, string> {
  const slugs = new Map<string, string>();
  const hashed = new Map<string, string[]>();
  for (const key of new Set(keys)) {
    const rest = key.slice(1);
    if (key.startsWith('@') && PLAIN.test(rest) && !DEVICE.test(rest) && rest.length <= MAX_PLAIN) {
      slugs.set(key, rest);
      continue;
    }
    const words = rest
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 40)
      .replace(/^-+|-+$/g, '');
    const base = `${words || 'org'}--`;
    const slug = `${base}${hash(key).slice(0, 8)}`;
    hashed.set(slug, [...(hashed.get(slug) ?? []), key]);
    slugs.set(key, slug);
  }
  for (const keys of hashed.values()) {
    if (keys.length < 2) continue;
    const longer = new Map<string, string[]>();
    for (const key of keys) {
      const slug = `${slugs.get(key)!.replace(/--[^-]*$/, '--')}${hash(key)}`;
      longer.set(slug, [...(longer.get(slug) ?? []), key]);
    }
    for (const [slug, same] of longer) {
      for (const [i, key] of same.sort().entries()) slugs.set(key, i === 0 ? slug : `${slug}-${i + 1}`);
    }
  }
  return slugs;
}

/** Newest first: the day first featured, then the rank that day, then the id. */
function compareByNewest(a: PaperEntry, b: PaperEntry): number {
  return (
    b.firstDate.localeCompare(a.firstDate) || a.featured[0]!.rank - b.featured[0]!.rank || a.id.localeCompare(b.id)
  );
}

const byName = (a: Organization, b: Organization): number =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.slug.localeCompare(b.slug);

export function buildOrganizations(index: Pick<ArchiveIndex, 'days' | 'papers'>): Organizations {
  type Seen = { handle: string | null; names: Map<string, true>; ids: Set<string> };
  const seen = new Map<string, Seen>();
  // Days oldest first, so the last name and handle written are the newest.
  for (const day of [...index.days].sort((a, b) => a.date.localeCompare(b.date))) {
    for (const paper of day.papers) {
      const org = paper.organization;
      if (!org) continue;
      const key = organizationKey(org);
      const group = seen.get(key) ?? { handle: null, names: new Map(), ids: new Set() };
      seen.set(key, group);
      group.handle = org.handle.trim() !== '' ? org.handle : null;
      group.names.delete(org.name);
      group.names.set(org.name, true);
      group.ids.add(paper.id);
    }
  }
  const slugs = organizationSlugs(seen.keys());
  const list: Organization[] = [];
  for (const [key, group] of seen) {
    const papers = [...group.ids].flatMap((id) => index.papers.get(id) ?? []).sort(compareByNewest);
    if (papers.length === 0) continue;
    const names = [...group.names.keys()].reverse();
    list.push({
      slug: slugs.get(key)!,
      handle: group.handle,
      name: names[0]!,
      formerNames: names.slice(1),
      papers,
      firstDate: papers.map((e) => e.firstDate).sort()[0]!,
      lastDate: papers
        .map((e) => e.lastDate)
        .sort()
        .at(-1)!,
    });
  }
  list.sort((a, b) => b.papers.length - a.papers.length || byName(a, b));
  const bySlug = new Map(list.map((o) => [o.slug, o]));
  return {
    list,
    bySlug,
    slugOf: (organization) => {
      if (!organization) return null;
      const slug = slugs.get(organizationKey(organization));
      return slug !== undefined && bySlug.has(slug) ? slug : null;
    },
  };
}

/** The `n` newest of an organization's papers. */
export function newestPapers(organization: Organization, n = ORGANIZATION_LIST): PaperEntry[] {
  return organization.papers.slice(0, n);
}

/** The `n` most upvoted, ranked as the week and month pages rank. */
export function mostUpvoted(organization: Organization, n = ORGANIZATION_LIST): PaperEntry[] {
  return [...organization.papers].sort(compareByUpvotes).slice(0, n);
}

/**
 * The letter an organization is filed under on the index page's A–Z filter: its name's first
 * letter without accents or case, "#" for anything else (a digit, a sign, another script).
 */
export function initialOf(name: string): string {
  const first = name.trim().normalize('NFKD').replace(/\p{M}/gu, '').charAt(0).toLowerCase();
  return /^[a-z]$/.test(first) ? first : '#';
}
