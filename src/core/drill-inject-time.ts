// When an inject written during the drill is to fire, as the controller types it: now, a drill time (T+25:00,
// 25:00, 1:05:00) or a delay from now (+5m, +90s, +1h). A time already past fires it now.

/** Drill seconds the text names, undefined for "now", or an error line for anything else. */
export function parseDrillAt(text: string, nowSeconds: number): { atSeconds?: number } | { error: string } {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'now') return {};
  const clock = /^(?:t\+)?(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(t);
  if (clock) {
    const [, h, m, s] = clock;
    if (Number(s) < 60 && (h === undefined || Number(m) < 60)) return { atSeconds: Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) };
  }
  const delay = /^(?:\+|in\s+)(\d+(?:\.\d+)?)\s*(s|m|h)$/.exec(t);
  if (delay) return { atSeconds: nowSeconds + Number(delay[1]) * { s: 1, m: 60, h: 3600 }[delay[2] as 's' | 'm' | 'h'] };
  return { error: `"${text.trim()}" is not a drill time (now, T+25:00, 25:00 or +5m)` };
}
