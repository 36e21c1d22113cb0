// The paper table: for each paper, in the order the search index numbers them (oldest first,
// search-index-build.ts indexOrder), the day it was first featured, its upvotes, whether it has code,
// its organization (a number into the organization list, search-organizations.ts) and how many
// words its summary and abstract hold. It is what the ranking (upvotes, age, length), the sorts
// and the date, upvote, code and organization filters read, in one small file (about 25 KB
// gzipped for 11,894 papers) that every search fetches with the index's manifest. Pure: the
// build encodes, the browser and the terminal decode.
//
// Layout, little-endian: "DPT2", u32 papers N, u32 runs R; R × (u16 day as days since
// 1970-01-01, u16 papers featured first that day), in order; N × u16 upvotes (capped at
// 65,535); N × u16 organization (0: none, else its place in the list, from 1); N × u16 body
// words (capped); ⌈N/8⌉ bytes of has-code bits, paper i at bit i % 8 of byte ⌊i/8⌋.

export type TableRow = { day: string; upvotes: number; code: boolean; organization: number; length: number };

const MAGIC = 'DPT2';
const DAY_MS = 86_400_000;
const U16 = 0xffff;

const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayString = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

export function encodeTable(rows: readonly TableRow[]): Uint8Array {
  const runs: [number, number][] = [];
  for (const [i, row] of rows.entries()) {
    const day = dayNumber(row.day);
    const last = runs.at(-1);
    if (last && last[0] === day && last[1] < U16) last[1] += 1;
    else if (last && last[0] > day) throw new Error(`paper ${i} (${row.day}) is older than the one before it`);
    else runs.push([day, 1]);
  }
  const n = rows.length;
  const bytes = new Uint8Array(12 + runs.length * 4 + n * 6 + Math.ceil(n / 8));
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(4, n, true);
  view.setUint32(8, runs.length, true);
  let at = 12;
  for (const [day, count] of runs) {
    view.setUint16(at, day, true);
    view.setUint16(at + 2, count, true);
    at += 4;
  }
  for (const [i, row] of rows.entries()) {
    view.setUint16(at + i * 2, Math.min(row.upvotes, U16), true);
    view.setUint16(at + n * 2 + i * 2, Math.min(row.organization, U16), true);
    view.setUint16(at + n * 4 + i * 2, Math.min(row.length, U16), true);
  }
  at += n * 6;
  for (const [i, row] of rows.entries()) if (row.code) bytes[at + (i >> 3)]! |= 1 << (i & 7);
  return bytes;
}

export type PaperTable = {
  size: number;
  day: (i: number) => string;
  /** The day as days since 1970-01-01: what sorts and ages compare, without making a string. */
  dayNumber: (i: number) => number;
  upvotes: (i: number) => number;
  hasCode: (i: number) => boolean;
  /** The paper's organization's place in the organization list, from 1; 0 for none. */
  organization: (i: number) => number;
  /** Words of the paper's summary and abstract. */
  length: (i: number) => number;
  /** The papers first featured in a year ("2026") or month ("2026-08"): indexes [from, to). */
  span: (prefix: string) => [from: number, to: number];
  /** The papers first featured on days `from` to `to` (YYYY-MM-DD, either may be ""): indexes [a, b). */
  between: (from: string, to: string) => [from: number, to: number];
};

export function decodeTable(bytes: Uint8Array): PaperTable {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC)
    throw new Error('not a paper table');
  const size = view.getUint32(4, true);
  const runCount = view.getUint32(8, true);
  const days: string[] = [];
  const dayNumbers: number[] = [];
  /** Index of each run's first paper, and one past the last. */
  const starts: number[] = [0];
  let at = 12;
  if (bytes.byteLength < at + runCount * 4) throw new Error('a cut-off paper table');
  for (let r = 0; r < runCount; r++, at += 4) {
    dayNumbers.push(view.getUint16(at, true));
    days.push(dayString(dayNumbers.at(-1)!));
    starts.push(starts.at(-1)! + view.getUint16(at + 2, true));
  }
  const upvotesAt = at;
  const organizationAt = upvotesAt + size * 2;
  const lengthAt = organizationAt + size * 2;
  const codeAt = lengthAt + size * 2;
  if (starts.at(-1) !== size || bytes.byteLength < codeAt + Math.ceil(size / 8))
    throw new Error('a cut-off paper table');
  const runOf = (i: number): number => {
    let lo = 0;
    let hi = days.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  /** The first run whose day is at least `day` (days.length when none). */
  const firstRunFrom = (day: string): number => {
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    size,
    day: (i) => days[runOf(i)]!,
    dayNumber: (i) => dayNumbers[runOf(i)]!,
    upvotes: (i) => view.getUint16(upvotesAt + i * 2, true),
    organization: (i) => view.getUint16(organizationAt + i * 2, true),
    length: (i) => view.getUint16(lengthAt + i * 2, true),
    hasCode: (i) => ((bytes[codeAt + (i >> 3)]! >> (i & 7)) & 1) === 1,
    span: (prefix) => {
      const first = days.findIndex((d) => d.startsWith(prefix));
      if (first < 0) return [0, 0];
      let last = first;
      while (last + 1 < days.length && days[last + 1]!.startsWith(prefix)) last += 1;
      return [starts[first]!, starts[last + 1]!];
    },
    between: (from, to) => {
      const a = from ? starts[firstRunFrom(from)]! : 0;
      // Days up to `to` included: the first run after it begins the papers left out.
      const b = to ? starts[firstRunFrom(`${to}\u0000`)]! : size;
      return [a, Math.max(a, b)];
    },
  };
}
