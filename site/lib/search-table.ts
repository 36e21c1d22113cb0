// The paper table: for each paper, in the order the search index numbers them (oldest first,
// site/lib/search-records.ts), the day it was first featured, its upvotes and whether it has
// code. It is what the sorts and the year, month and code filters need, in one small file
// (about 12 KB gzipped for 11,901 papers) that the search page fetches only when one of them is
// used, instead of Pagefind's sort tables and filter files, which every search would fetch
// (46 KB of sort tables in the metadata, 25 KB per filter file). Pure: the build encodes, the
// browser decodes.
//
// Layout, little-endian: "DPT1", u32 papers N, u32 runs R; R × (u16 day as days since
// 1970-01-01, u16 papers featured first that day), in order; N × u16 upvotes (capped at 65,535);
// ⌈N/8⌉ bytes of has-code bits, paper i at bit i % 8 of byte ⌊i/8⌋.

export type TableRow = { day: string; upvotes: number; code: boolean };

const MAGIC = 'DPT1';
const DAY_MS = 86_400_000;

const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayString = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

export function encodeTable(rows: readonly TableRow[]): Uint8Array {
  const runs: [number, number][] = [];
  for (const [i, row] of rows.entries()) {
    const day = dayNumber(row.day);
    const last = runs.at(-1);
    if (last && last[0] === day && last[1] < 0xffff) last[1] += 1;
    else if (last && last[0] > day) throw new Error(`paper ${i} (${row.day}) is older than the one before it`);
    else runs.push([day, 1]);
  }
  const bytes = new Uint8Array(12 + runs.length * 4 + rows.length * 2 + Math.ceil(rows.length / 8));
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(4, rows.length, true);
  view.setUint32(8, runs.length, true);
  let at = 12;
  for (const [day, count] of runs) {
    view.setUint16(at, day, true);
    view.setUint16(at + 2, count, true);
    at += 4;
  }
  for (const row of rows) {
    view.setUint16(at, Math.min(row.upvotes, 0xffff), true);
    at += 2;
  }
  for (const [i, row] of rows.entries()) if (row.code) bytes[at + (i >> 3)]! |= 1 << (i & 7);
  return bytes;
}

export type PaperTable = {
  size: number;
  day: (i: number) => string;
  upvotes: (i: number) => number;
  hasCode: (i: number) => boolean;
  /** The papers first featured in a year ("2026") or month ("2026-08"): indexes [from, to). */
  span: (prefix: string) => [from: number, to: number];
};

export function decodeTable(bytes: Uint8Array): PaperTable {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw new Error('not a paper table');
  const size = view.getUint32(4, true);
  const runCount = view.getUint32(8, true);
  const days: string[] = [];
  /** Index of each run's first paper, and one past the last. */
  const starts: number[] = [0];
  let at = 12;
  for (let r = 0; r < runCount; r++, at += 4) {
    days.push(dayString(view.getUint16(at, true)));
    starts.push(starts.at(-1)! + view.getUint16(at + 2, true));
  }
  const upvotesAt = at;
  const codeAt = upvotesAt + size * 2;
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
  return {
    size,
    day: (i) => days[runOf(i)]!,
    upvotes: (i) => view.getUint16(upvotesAt + i * 2, true),
    hasCode: (i) => ((bytes[codeAt + (i >> 3)]! >> (i & 7)) & 1) === 1,
    span: (prefix) => {
      const first = days.findIndex((d) => d.startsWith(prefix));
      if (first < 0) return [0, 0];
      let last = first;
      while (last + 1 < days.length && days[last + 1]!.startsWith(prefix)) last += 1;
      return [starts[first]!, starts[last + 1]!];
    },
  };
}
