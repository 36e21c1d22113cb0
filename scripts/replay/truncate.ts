// Where a truncated answer stops. A scraper must not mistake a cut-off page for a complete one;
// the hardest case is a cut inside the embedded JSON, so the cut lands in a data-props value.

/** Byte offset at which to cut `body`: about halfway, inside a data-props value when there is one. */
export function cutOffset(body: Buffer, contentType: string | undefined): number {
  const half = Math.floor(body.length / 2);
  if (!contentType?.startsWith('text/html')) return half;
  const text = body.toString('utf8');
  const values: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/data-props="([^"]*)"/g)) {
    const start = m.index + 'data-props="'.length;
    values.push({ start, end: start + m[1]!.length });
  }
  const halfChar = Math.floor(text.length / 2);
  const around = values.find((v) => v.start < halfChar && halfChar < v.end);
  const largest = values.reduce<{ start: number; end: number } | undefined>(
    (best, v) => (!best || v.end - v.start > best.end - best.start ? v : best),
    undefined,
  );
  const at = around
    ? halfChar
    : largest && largest.end - largest.start > 1
      ? Math.floor((largest.start + largest.end) / 2)
      : halfChar;
  return Buffer.byteLength(text.slice(0, at), 'utf8');
}
