// One part of the search index: the keys its papers hold (search-index-format.ts says which),
// sorted and cut into shards. The index is one part, or two when the archive is large
// (search-index-build.ts): the papers of each part are a run of the table's order, and every
// paper's postings carry its place in that order, so the engine merges the parts' postings into
// exactly the postings one part would hold. Pure: papers in, a part's bytes out.
import type { PaperEntry } from './archive-index.ts';
import { FIELD, idKey, phraseKey, SHARD_BYTES, ShardWriter } from './search-index-format.ts';
import { keywordKey, nameKeys, titleKey } from './search-keys.ts';
import { STOP_STEMS, stemOf, wordsOf } from './search-text.ts';

/** The paper's body: its AI summary, then its abstract (a paper with neither: its title). */
export function bodyOf({ paper }: PaperEntry): string {
  const body = [paper.aiSummary ?? '', paper.abstract].map((t) => t.trim()).filter(Boolean);
  return body.length > 0 ? body.join('\n\n') : paper.title;
}

export type BuiltPart = {
  /** The part's papers: places [from, to) of the table's order. */
  from: number;
  to: number;
  /** Each shard's bytes, not yet gzipped, and its first key. */
  shards: Uint8Array[];
  firsts: string[];
  /** Words of each paper's body, in order. */
  lengths: number[];
};

/** The exact lookups' postings (papers, ascending). */
type Lookups = Map<string, number[]>;

/** Adds paper `i` to a lookup's postings, once. */
function addPaper(lookups: Lookups, key: string, i: number): void {
  const list = lookups.get(key);
  if (!list) lookups.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

/** The most distinct stems: the archive has some 60,000. */
const PAIR = 2 ** 20;

/**
 * What the index is made of while it is made. Stems are numbered as they come (a word is stemmed
 * once, though the archive holds three million): a word's postings are found by its number and a
 * phrase's by its two numbers as one, so the three million pairs of the archive's text are added
 * without making a string of each, and sorted as numbers.
 */
class Collector {
  readonly stems: string[] = [];
  readonly words: number[][] = [];
  /** By a phrase's first stem, its second's, then the papers: small integer keys, fast to find. */
  readonly phrases: (Map<number, number[]> | undefined)[] = [];
  readonly lookups: Lookups = new Map();
  private readonly numbers = new Map<string, number>();
  private readonly byWord = new Map<string, number>();
  private readonly stopped: boolean[] = [];
  /** One paper's words while it is added: fields and body counts by stem, and which were touched. */
  private fields = new Uint8Array(1 << 16);
  private counts = new Uint32Array(1 << 16);
  private readonly touched: number[] = [];

  /** A word's stem, by its number. */
  stemNumber(word: string): number {
    let n = this.byWord.get(word);
    if (n === undefined) {
      const stem = stemOf(word);
      n = this.numbers.get(stem);
      if (n === undefined) {
        n = this.stems.length;
        if (n >= PAIR) throw new Error(`more than ${PAIR} distinct words`);
        this.numbers.set(stem, n);
        this.stems.push(stem);
        this.words.push([]);
        this.stopped.push(STOP_STEMS.has(stem));
        if (n >= this.fields.length) {
          const fields = new Uint8Array(this.fields.length * 2);
          fields.set(this.fields);
          this.fields = fields;
          const counts = new Uint32Array(this.counts.length * 2);
          counts.set(this.counts);
          this.counts = counts;
        }
      }
      this.byWord.set(word, n);
    }
    return n;
  }

  numbersOf(text: string): number[] {
    return wordsOf(text).map((w) => this.stemNumber(w));
  }

  /** Notes that the paper being added holds these words in `field`. */
  note(run: readonly number[], field: number): void {
    for (const n of run) {
      if (this.fields[n] === 0) this.touched.push(n);
      this.fields[n]! |= field;
      if (field === FIELD.body) this.counts[n]! += 1;
    }
  }

  /** Files the words noted as paper `i`'s, and begins the next paper. */
  endPaper(i: number): void {
    for (const n of this.touched) {
      this.words[n]!.push(i, this.fields[n]!, this.counts[n]!);
      this.fields[n] = 0;
      this.counts[n] = 0;
    }
    this.touched.length = 0;
  }

  /** The phrases of a run of words, stop words left out, for paper `i`. */
  addPhrases(run: readonly number[], i: number): void {
    const kept = run.filter((n) => !this.stopped[n]);
    for (let k = 0; k + 1 < kept.length; k++) {
      const first = kept[k]!;
      let seconds = this.phrases[first];
      if (!seconds) this.phrases[first] = seconds = new Map();
      const papers = seconds.get(kept[k + 1]!);
      if (!papers) seconds.set(kept[k + 1]!, [i]);
      else if (papers[papers.length - 1] !== i) papers.push(i);
    }
  }

  /**
   * Every key and its postings, in the order the engine compares keys (UTF-16 code units,
   * `<`): the phrases' keys all begin with "~", so they come, by their two stems, between the
   * keys below "~" and those above it (stems of other scripts).
   */
  *sorted(): Generator<[string, number[]]> {
    const order = this.stems.map((_, n) => n).sort((a, b) => (this.stems[a]! < this.stems[b]! ? -1 : 1));
    const rank = new Array<number>(order.length);
    order.forEach((n, r) => {
      rank[n] = r;
    });
    const keyed: [string, number[]][] = [
      ...order
        .filter((n) => this.words[n]!.length > 0)
        .map((n): [string, number[]] => [this.stems[n]!, this.words[n]!]),
      ...this.lookups,
    ];
    keyed.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const below = keyed.filter(([k]) => k < '~');
    yield* below;
    for (const first of order) {
      const seconds = this.phrases[first];
      if (!seconds) continue;
      const ranked = Float64Array.from(seconds.keys(), (second) => rank[second]!).sort();
      for (const r of ranked) {
        const second = order[r]!;
        yield [phraseKey(this.stems[first]!, this.stems[second]!), seconds.get(second)!];
      }
    }
    yield* keyed.slice(below.length);
  }
}

/** The keys of one paper: its words with where they are, its phrases, its exact lookups. */
function paperKeys(c: Collector, entry: PaperEntry, i: number, body: string): number {
  const { paper } = entry;
  const title = c.numbersOf(paper.title);
  const bodyWords = c.numbersOf(body);
  c.note(title, FIELD.title);
  c.note(c.numbersOf(paper.aiKeywords.join(' , ')), FIELD.keywords);
  c.note(bodyWords, FIELD.body);
  c.note(c.numbersOf(paper.authors.join(' , ')), FIELD.authors);
  if (paper.organization) c.note(c.numbersOf(paper.organization.name), FIELD.organization);
  if (paper.submitter) c.note(c.numbersOf(`${paper.submitter.name} ${paper.submitter.handle}`), FIELD.submitter);
  c.endPaper(i);
  // Phrases within the title and within the body, never across them, over stop words ("mixture
  // of experts" is "mixtur expert"): a third fewer keys, and what a phrase means either way.
  c.addPhrases(title, i);
  c.addPhrases(bodyWords, i);
  addPaper(c.lookups, idKey(paper.id), i);
  addPaper(c.lookups, titleKey(paper.title), i);
  for (const author of paper.authors) for (const key of nameKeys(author)) addPaper(c.lookups, key, i);
  for (const keyword of paper.aiKeywords) addPaper(c.lookups, keywordKey(keyword), i);
  return bodyWords.length;
}

/** Sorted keys cut into shards of about SHARD_BYTES. */
function shardsOf(c: Collector): { shards: Uint8Array[]; firsts: string[] } {
  const shards: Uint8Array[] = [];
  const firsts: string[] = [];
  let writer = new ShardWriter();
  for (const [key, postings] of c.sorted()) {
    if (writer.count > 0 && writer.size >= SHARD_BYTES) {
      shards.push(writer.finish());
      writer = new ShardWriter();
    }
    if (writer.count === 0) firsts.push(key);
    writer.add(key, postings);
  }
  if (writer.count > 0) shards.push(writer.finish());
  return { shards, firsts };
}

/** The part of the papers at places [from, to) of `ordered`. */
export function buildPart(ordered: readonly PaperEntry[], from: number, to: number): BuiltPart {
  const collector = new Collector();
  const lengths: number[] = [];
  for (let i = from; i < to; i++) lengths.push(paperKeys(collector, ordered[i]!, i, bodyOf(ordered[i]!)));
  const { shards, firsts } = shardsOf(collector);
  return { from, to, shards, firsts, lengths };
}
