// The one set of text rules every archived string goes through. A string from Hugging Face is
// kept as the site gave it, except for what cannot survive a text file faithfully:
//  - "\r\n" and lone "\r" become "\n";
//  - control characters are dropped: C0 (U+0000–U+001F) except tab and newline, DEL (U+007F)
//    and C1 (U+0080–U+009F). They carry no meaning in a title or an abstract, and NUL in
//    particular breaks YAML, git diffs and most terminals;
//  - an unpaired UTF-16 surrogate becomes U+FFFD, which is what writing it as UTF-8 would do
//    anyway, so the rule is stated here rather than happening silently in the file system.
// Everything else (markup, YAML syntax, emoji, right-to-left text, any length) is kept as is.

const NEWLINES = /\r\n?/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const HAS_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const HAS_LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The archive's text rule (see the top of this file). Idempotent. */
export function cleanText(raw: string): string {
  return raw.replace(NEWLINES, '\n').replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** True when `s` already obeys the text rule: what the schema checks on every string. */
export function isCleanText(s: string): boolean {
  return !s.includes('\r') && !HAS_CONTROL.test(s) && !HAS_LONE_SURROGATE.test(s);
}

/** Titles, names and keywords: the text rule, then every whitespace run as one space. */
export function oneLine(raw: string): string {
  return cleanText(raw).replace(/\s+/g, ' ').trim();
}

/**
 * Abstracts: arXiv hard-wraps lines ("…Multimodal\n  Models"); the wraps are undone and
 * paragraphs (blank lines) kept, so the text reflows in any width.
 */
export function unwrapParagraphs(raw: string): string {
  return cleanText(raw)
    .split(/\n[ \t]*\n\s*/)
    .map((para) =>
      para
        .replace(/[ \t]*\n[ \t]*/g, ' ')
        .replace(/[ \t]{2,}/g, ' ')
        .trim(),
    )
    .filter((para) => para.length > 0)
    .join('\n\n');
}
