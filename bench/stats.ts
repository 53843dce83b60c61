/** Median of a non-empty list of numbers. */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One measurement reported by a child process (bench/measure.ts) as a JSON line on stdout. */
export interface Sample {
  /** Wall-clock milliseconds of the measured section. */
  readonly ms: number;
  /** Peak resident set size of the whole process, in MiB. */
  readonly rssMB: number;
  /** Phase timings and counts of the measurement (constructMs, synthMs, parseMs ...). */
  readonly [detail: string]: number;
}
