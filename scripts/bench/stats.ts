// The statistics every benchmark reports with: medians of runs (the machines are noisy), the
// nearest-rank percentiles of the search benchmark, and the plain-text table of `npm run bench`.
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The nearest-rank percentile (p in 0..100): the smallest value with at least p% of the values
 * at or below it, always one of the values measured, never an interpolation between two.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export type Measure = { name: string; unit: string; runs: number[]; median: number; note?: string };

export function measure(name: string, unit: string, runs: number[], note?: string): Measure {
  return { name, unit, runs, median: median(runs), ...(note ? { note } : {}) };
}

export function formatTable(rows: readonly Measure[]): string {
  const width = Math.max(...rows.map((r) => r.name.length)) + 2;
  return rows
    .map((r) => {
      const runs = r.runs.map((v) => v.toFixed(2)).join(', ');
      return `${r.name.padEnd(width)}${r.median.toFixed(2).padStart(9)} ${r.unit}   (runs: ${runs})${r.note ? `  ${r.note}` : ''}`;
    })
    .join('\n');
}
