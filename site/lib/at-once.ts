// Work on many files at once, a few at a time: one file at a time, a build waits on each read
// and write in turn (restamping 13,000 pages, copying 12,900 index files); all at once, it runs
// out of file handles. Used by the build's integrations (restamp.ts, staging.ts).

/** Runs `work` on every item, at most `atOnce` at a time; the first failure rejects. */
export async function eachAtOnce<T>(
  items: readonly T[],
  atOnce: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, items.length) }, worker));
}
