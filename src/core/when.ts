// Reads the times an operator types for milestones: "now", "09:30" (UTC, today or the day before if
// that would be in the future), "-20m" / "-2h", or an ISO 8601 time with a zone.
export type When = { ok: true; at: string; backdated: boolean } | { ok: false; error: string };

export function parseWhen(input: string, now: number): When {
  const text = input.trim();
  let ms: number;
  const rel = /^-(\d+)\s*([mh])$/i.exec(text);
  const hhmm = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (text === '' || text.toLowerCase() === 'now') ms = now;
  else if (rel) ms = now - Number(rel[1]) * (rel[2]!.toLowerCase() === 'h' ? 3_600_000 : 60_000);
  else if (hhmm) {
    const h = Number(hhmm[1]);
    const m = Number(hhmm[2]);
    if (h > 23 || m > 59) return { ok: false, error: `"${text}" is not a time of day (00:00 to 23:59 UTC)` };
    const day = now - (now % 86_400_000);
    ms = day + h * 3_600_000 + m * 60_000;
    if (ms > now + 60_000) ms -= 86_400_000;
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
    ms = Date.parse(text);
    if (Number.isNaN(ms)) return { ok: false, error: `"${text}" is not a valid time` };
  } else {
    return { ok: false, error: `"${text}" is not a time: use now, 09:30 (UTC), -20m, -2h or 2026-11-21T09:30Z` };
  }
  if (ms > now + 60_000) return { ok: false, error: `${new Date(ms).toISOString()} is in the future` };
  return { ok: true, at: new Date(ms).toISOString(), backdated: ms < now - 1_000 };
}
