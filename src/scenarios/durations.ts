// RTO/RPO targets are written the way the plans write them ("2h", "15m", "30s", "0") and kept as seconds.
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;
export const DURATION_PATTERN = /^(0|\d+(\.\d+)?\s*(s|m|h|d))$/;

/** "2h" -> 7200, "0" -> 0; undefined for text that is not a duration. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (t === '0') return 0;
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)$/.exec(t);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * UNIT_SECONDS[m[2] as keyof typeof UNIT_SECONDS]);
}

/** 7200 -> "2h", 90 -> "90s": the shortest exact form, for `show` and docs. */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0';
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60]] as const) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
