// Instants arrive as ISO strings; the report's arithmetic is in whole seconds.

export const ms = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
};

/** Seconds from a to b, or null when either end is unknown. Negative when b precedes a. */
export function secondsBetween(a: string | null | undefined, b: string | null | undefined): number | null {
  const x = ms(a);
  const y = ms(b);
  return x === null || y === null ? null : Math.round((y - x) / 1000);
}

/** Normalises to "2026-11-21T09:30:05.000Z" form (the store writes this form already). */
export const isoFromMs = (t: number): string => new Date(t).toISOString();
