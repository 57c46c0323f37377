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
