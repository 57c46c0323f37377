export interface Stats {
  runs: number;
  medianMs: number;
  p99Ms: number;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  return { runs: s.length, medianMs: round(at(0.5)), p99Ms: round(at(0.99)) };
}

export const round = (ms: number) => Math.round(ms * 1000) / 1000;

/**
 * Whether a figure meets its goal, and by how much it falls short when it does not: `at most` a ceiling
 * (times, memory, ratios) or `at least` a floor (throughput).
 */
export function verdict(value: number, goal: { atMost: number } | { atLeast: number }): string {
  if (!Number.isFinite(value)) return 'NOT MEASURED';
  if ('atMost' in goal) return value <= goal.atMost ? 'met' : `MISSED by ${Math.round((value / goal.atMost) * 100) / 100}x`;
  return value >= goal.atLeast ? 'met' : `MISSED by ${Math.round((goal.atLeast / value) * 100) / 100}x`;
}
