// The figures the benches print: percentiles of latencies measured in one run.

/** The p-th percentile of samples already sorted ascending (the nearest rank below). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** p50, p95, p99 and the largest of a set of latencies, in their own unit. */
export function latencySummary(samples: readonly number[]): { p50: number; p95: number; p99: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN };
}
