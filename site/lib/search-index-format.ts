// The search index's files, as the build writes them and the engine reads them: one index of
// every paper, made from the archive on every build (search-index-build.ts), read in the page and
// in the terminal (site/client/search-engine.ts). Pure: bytes in, entries out, and back.
//
// The index maps keys to the papers that hold them, by their place in the paper table's order
// (search-table.ts). Keys are sorted and cut into shards of about SHARD_BYTES, so that a search
// fetches only the shards its keys fall in; the manifest lists each shard's first key, for each
// part of the index (one or two, search-index-build.ts). Three
// kinds of key, which sort apart:
//   - "#…": exact lookups: an arXiv id ("#i" + digits), a title ("#t" + hash), an author's whole
//     name ("#n" + letters, in the order written and surname first), a keyword ("#k" + hash);
//   - a word's stem ("model", "2024"): each posting says where the paper holds it (FIELD bits)
//     and how often its summary and abstract do;
//   - "~" and two stems ("~video generat"): two words one after the other, for phrases.
//
// A shard, gzipped: "DPS1", u32 keys; per key: u8 key bytes, the key (UTF-8), varint postings,
// varint bytes of postings; postings: varint gap from the paper before (the first from -1), and
// for a word's stem u8 fields and u8 times in the body (capped at 255).

export const INDEX_FORMAT = 2;

/** Where the paper holds a word: bits of a posting's fields byte. */
export const FIELD = { title: 1, keywords: 2, body: 4, authors: 8, organization: 16, submitter: 32 } as const;

/** About how many bytes of postings a shard holds before the next begins (a key never splits). */
export const SHARD_BYTES = 12 * 1024;

/** A part of the index (search-index-build.ts): its folder's name, its papers, its shards. */
export type PartInfo = {
  /** Its folder, search/<name>/, named after its files. */
  name: string;
  /** Its papers: places [from, to) of the table's order. */
  from: number;
  to: number;
  /** The first key of each shard, in order. */
  shards: string[];
};

export type Manifest = {
  format: typeof INDEX_FORMAT;
  /** Changes with every index that differs: the table and organization list are in its folder. */
  build: string;
  papers: number;
  /** Mean words of a paper's summary and abstract (BM25's length normalization). */
  meanLength: number;
  /** The archive's newest day: recency counts back from it, so a copy ranks as the site did. */
  newest: string;
  /** One or two parts, in order, covering every paper. */
  parts: PartInfo[];
};

export type Posting = { paper: number; fields: number; count: number };

const MAGIC = 'DPS1';

/** Whether a key's postings carry fields and counts: a word's stem. */
export const isWordKey = (key: string): boolean => !key.startsWith('#') && !key.startsWith('~');

export const idKey = (id: string): string => `#i${id.replace('.', '')}`;
export const phraseKey = (first: string, second: string): string => `~${first} ${second}`;

/** A shard being written: keys in order, each with its postings, into one growing buffer. */
export class ShardWriter {
  private buffer = new Uint8Array(SHARD_BYTES * 2);
  private length = 8;
  private keys = 0;
  private readonly encoder = new TextEncoder();

  /** Bytes written so far. */
  get size(): number {
    return this.length;
  }

  get count(): number {
    return this.keys;
  }

  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.length + bytes));
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
  }

  private byte(value: number): void {
    this.buffer[this.length++] = value;
  }

  private varint(value: number): void {
    let v = value;
    while (v >= 0x80) {
      this.byte((v & 0x7f) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.byte(v);
  }

  /**
   * A key and its postings, flat: for a word's stem [paper, fields, count, …], else [paper, …],
   * papers ascending.
   */
  add(key: string, flat: readonly number[]): void {
    const word = isWordKey(key);
    const step = word ? 3 : 1;
    const bytes = this.encoder.encode(key);
    if (bytes.length > 255) throw new Error(`a key of ${bytes.length} bytes: ${key.slice(0, 40)}…`);
    const postings = flat.length / step;
    // The postings first, apart, so that their length can be written before them.
    const body = this.postingsOf(key, flat, word, step);
    this.room(1 + bytes.length + 10 + body.length);
    this.byte(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    this.varint(postings);
    this.varint(body.length);
    this.buffer.set(body, this.length);
    this.length += body.length;
    this.keys += 1;
  }

  private scratch = new Uint8Array(1024);

  private postingsOf(key: string, flat: readonly number[], word: boolean, step: number): Uint8Array {
    const most = (flat.length / step) * (word ? 7 : 5);
    if (this.scratch.length < most) this.scratch = new Uint8Array(most * 2);
    const out = this.scratch;
    let at = 0;
    let last = -1;
    for (let i = 0; i < flat.length; i += step) {
      const paper = flat[i]!;
      if (paper <= last) throw new Error(`${key}: papers out of order at ${paper}`);
      let gap = paper - last;
      last = paper;
      while (gap >= 0x80) {
        out[at++] = (gap & 0x7f) | 0x80;
        gap = Math.floor(gap / 0x80);
      }
      out[at++] = gap;
      if (word) {
        out[at++] = flat[i + 1]! & 0xff;
        out[at++] = Math.min(flat[i + 2]!, 255);
      }
    }
    return out.subarray(0, at);
  }

  finish(): Uint8Array {
    const out = this.buffer.slice(0, this.length);
    out.set(this.encoder.encode(MAGIC), 0);
    new DataView(out.buffer).setUint32(4, this.keys, true);
    return out;
  }
}

class Reader {
  at = 0;
  private readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
  byte(): number {
    if (this.at >= this.bytes.length) throw new Error('a cut-off shard');
    return this.bytes[this.at++]!;
  }
  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
      if (scale > 2 ** 35) throw new Error('a varint too long');
    }
  }
  skip(n: number): void {
    if (this.at + n > this.bytes.length) throw new Error('a cut-off shard');
    this.at += n;
  }
  take(n: number): Uint8Array {
    if (this.at + n > this.bytes.length) throw new Error('a cut-off shard');
    const part = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return part;
  }
}

/** A key's postings as a shard holds them, still encoded (decodePostings reads them). */
export type EncodedPostings = { count: number; bytes: Uint8Array };

/**
 * A shard's keys, each with its encoded postings. Keys stay bytes until asked for: a search looks
 * up one or two keys of a shard's six hundred, and making a string of every key was most of the
 * time a cold search spent after its files arrived (a long query's thirty shards: about 70 ms).
 */
export class ShardKeys {
  /** Per key: where its bytes begin, their length, its count, where its postings begin and their length. */
  private readonly entries: Uint32Array;
  readonly size: number;
  private readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    const reader = new Reader(bytes);
    if (new TextDecoder().decode(reader.take(4)) !== MAGIC) throw new Error('not a shard of the search index');
    const n = (reader.byte() | (reader.byte() << 8) | (reader.byte() << 16) | (reader.byte() << 24)) >>> 0;
    if (n > bytes.length) throw new Error('a cut-off shard');
    const entries = new Uint32Array(n * 5);
    for (let i = 0, e = 0; i < n; i++, e += 5) {
      entries[e + 1] = reader.byte();
      entries[e] = reader.at;
      reader.skip(entries[e + 1]!);
      entries[e + 2] = reader.varint();
      entries[e + 4] = reader.varint();
      entries[e + 3] = reader.at;
      reader.skip(entries[e + 4]!);
    }
    this.entries = entries;
    this.size = n;
    this.bytes = bytes;
  }
  private encoded(e: number): EncodedPostings {
    const at = this.entries[e + 3]!;
    return { count: this.entries[e + 2]!, bytes: this.bytes.subarray(at, at + this.entries[e + 4]!) };
  }
  private keyAt(e: number): string {
    const at = this.entries[e]!;
    return new TextDecoder().decode(this.bytes.subarray(at, at + this.entries[e + 1]!));
  }
  /** The key's postings, or undefined when the shard does not hold it. */
  get(key: string): EncodedPostings | undefined {
    const wanted = new TextEncoder().encode(key);
    const { entries, bytes } = this;
    for (let e = 0; e < entries.length; e += 5) {
      if (entries[e + 1] !== wanted.length) continue;
      const at = entries[e]!;
      let k = 0;
      while (k < wanted.length && bytes[at + k] === wanted[k]) k++;
      if (k === wanted.length) return this.encoded(e);
    }
    return undefined;
  }
  /** The keys beginning with `prefix`, in order, each with its postings. */
  *withPrefix(prefix: string): Generator<[string, EncodedPostings]> {
    const wanted = new TextEncoder().encode(prefix);
    const { entries, bytes } = this;
    for (let e = 0; e < entries.length; e += 5) {
      if (entries[e + 1]! < wanted.length) continue;
      const at = entries[e]!;
      let k = 0;
      while (k < wanted.length && bytes[at + k] === wanted[k]) k++;
      if (k === wanted.length) yield [this.keyAt(e), this.encoded(e)];
    }
  }
  keys(): string[] {
    return Array.from({ length: this.size }, (_, i) => this.keyAt(i * 5));
  }
}

export function decodeShard(bytes: Uint8Array): ShardKeys {
  return new ShardKeys(bytes);
}

export function decodePostings(key: string, encoded: EncodedPostings): Posting[] {
  const reader = new Reader(encoded.bytes);
  const word = isWordKey(key);
  const out: Posting[] = new Array(encoded.count);
  let paper = -1;
  for (let i = 0; i < encoded.count; i++) {
    paper += reader.varint();
    out[i] = word ? { paper, fields: reader.byte(), count: reader.byte() } : { paper, fields: 0, count: 0 };
  }
  return out;
}

/** The shard a key falls in: the last whose first key is not after it. */
export function shardOf(shards: readonly string[], key: string): number {
  let lo = 0;
  let hi = shards.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (shards[mid]! <= key) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The shards keys beginning with `prefix` fall in. */
export function shardsOfPrefix(shards: readonly string[], prefix: string): number[] {
  const first = shardOf(shards, prefix);
  const last = shardOf(shards, `${prefix}\uffff`);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
