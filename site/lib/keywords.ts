// Which keywords a paper's card shows as chips. Hugging Face tags each paper with up to ten
// machine-made keywords and most of them belong to that one paper (93% of the bundled archive's,
// 86% of the full corpus's), so a chip for one of those leads only back to the paper the reader
// came from. A card shows at most three, and only keywords that other papers of the archive
// share, compared without regard to case ("LLM agents" and "LLM Agents" are one keyword). Pure.

/** How a keyword is compared and filed for search: trimmed, whitespace collapsed, lower case. */
export function keywordKey(keyword: string): string {
  return keyword.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Keyword key → how many papers carry it (each paper counted once, whatever the spelling). */
export type KeywordCounts = ReadonlyMap<string, number>;

export function keywordCounts(papers: Iterable<{ aiKeywords: readonly string[] }>): KeywordCounts {
  const counts = new Map<string, number>();
  for (const paper of papers) {
    for (const key of new Set(paper.aiKeywords.map(keywordKey))) {
      if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

export const CARD_KEYWORDS = 3;

/** A chip: the paper's own spelling, and the key its search link filters on. */
export type Chip = { label: string; key: string };

/**
 * The keywords of a paper that lead to other papers, in the paper's own order (Hugging Face lists
 * the most telling first), each once, at most `max`.
 */
export function sharedKeywords(keywords: readonly string[], counts: KeywordCounts, max = CARD_KEYWORDS): Chip[] {
  const chips: Chip[] = [];
  const seen = new Set<string>();
  for (const label of keywords) {
    if (chips.length >= max) break;
    const key = keywordKey(label);
    if (seen.has(key) || (counts.get(key) ?? 0) < 2) continue;
    seen.add(key);
    chips.push({ label: label.trim(), key });
  }
  return chips;
}
