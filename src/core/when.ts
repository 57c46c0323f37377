// Reads the times an operator types. Strict: a date that does not exist (2026-02-30) is refused rather than
// rolled over into the next month as Date.parse does, and so are years before 1970 or after 2199, which are
// typing mistakes in an incident record.

/** The accepted forms, by example, for error messages. */
export const ISO_TIME_FORM = 'an ISO 8601 time with a zone, e.g. 2026-11-21T09:30Z';
export const EARLIEST_YEAR = 1970;
export const LATEST_YEAR = 2199;

export type Instant = { ok: true; ms: number } | { ok: false; error: string };

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):?(\d{2}))$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO 8601 time with a zone ("2026-11-21T09:30Z", "...T09:30:00.5+01:00"), every field checked. */
export function parseIsoTime(input: string): Instant {
  const text = input.trim();
  const m = ISO_TIME.exec(text);
  if (!m) return { ok: false, error: `"${text}" is not ${ISO_TIME_FORM}` };
  const day = checkDate(text, m[1]!, m[2]!, m[3]!);
  if (!day.ok) return day;
  const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (h > 23 || min > 59 || s > 59) return { ok: false, error: `"${text}" is not a time of day: hours go to 23, minutes and seconds to 59 (use ${ISO_TIME_FORM})` };
  let offset = 0;
  if (m[8]!.toUpperCase() !== 'Z') {
    const [oh, om] = [Number(m[10]), Number(m[11])];
    if (oh > 14 || om > 59) return { ok: false, error: `"${text}" has no such zone offset (offsets run from -14:00 to +14:00; use ${ISO_TIME_FORM})` };
    offset = (m[9] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  const fraction = m[7] ? Math.floor(Number(m[7]) * 1000) : 0;
  return { ok: true, ms: day.ms + h * 3_600_000 + min * 60_000 + s * 1000 + fraction - offset };
}

/** A calendar date ("2026-11-21"), read as the start of that UTC day. */
export function parseIsoDate(input: string): Instant {
  const text = input.trim();
  const m = ISO_DATE.exec(text);
  if (!m) return { ok: false, error: `"${text}" is not a date like 2026-11-21` };
  return checkDate(text, m[1]!, m[2]!, m[3]!);
}

function checkDate(text: string, y: string, mo: string, d: string): Instant {
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  if (year < EARLIEST_YEAR) return { ok: false, error: `"${text}" is before ${EARLIEST_YEAR} (use ${ISO_TIME_FORM})` };
  if (year > LATEST_YEAR) return { ok: false, error: `"${text}" is too far in the future (years run to ${LATEST_YEAR}; use ${ISO_TIME_FORM})` };
  if (month < 1 || month > 12) return { ok: false, error: `"${text}" is not a date: there is no month ${month} (use ${ISO_TIME_FORM})` };
  const days = daysIn(year, month);
  if (day < 1 || day > days) return { ok: false, error: `"${text}" is not a date: ${y}-${mo} has ${days} days (use ${ISO_TIME_FORM})` };
  return { ok: true, ms: Date.UTC(year, month - 1, day) };
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `note` says how a bare time of day was read ("09:30 read as 2026-11-21 09:30 UTC (today)"). */
export type When = { ok: true; at: string; backdated: boolean; note?: string } | { ok: false; error: string };

/** How far back a time of day later than now may be taken as yesterday's ("23:00" typed at 09:30). A time a
 * few hours or minutes ahead today ("09:50" at 09:40) is a slip or local time, and is refused. */
const YESTERDAY_WINDOW_MS = 12 * 3_600_000;

/**
 * Milestone times as typed in the console: "now", "09:30" (UTC: today; yesterday only when that is at most
 * twelve hours ago, e.g. "23:00" typed at 09:30; otherwise a time later today is refused, never guessed), "-20m"
 * / "-2h", or an ISO 8601 time with a zone. Never later than a minute from now.
 */
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
    let which = 'today';
    if (ms > now + 60_000) {
      const yesterday = ms - 86_400_000;
      if (now - yesterday > YESTERDAY_WINDOW_MS) {
        const iso = new Date(yesterday).toISOString().slice(0, 16);
        return { ok: false, error: `"${text}" is later today (it is ${new Date(now).toISOString().slice(11, 16)} UTC now) (for yesterday type ${iso}Z; times are UTC)` };
      }
      ms = yesterday;
      which = 'yesterday';
    }
    const r = notFuture(ms, now, text);
    return r.ok ? { ...r, note: `${text} read as ${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC (${which})` } : r;
  } else if (/^\d{4}-/.test(text)) {
    const t = parseIsoTime(text);
    if (!t.ok) return t;
    ms = t.ms;
  } else {
    return { ok: false, error: `"${text}" is not a time: use now, 09:30 (UTC), -20m, -2h or 2026-11-21T09:30Z` };
  }
  return notFuture(ms, now, text);
}

/** An ISO time as given with --at: strict, and never later than a minute from now. */
export function parseAtTime(input: string, now: number): When {
  const t = parseIsoTime(input);
  return t.ok ? notFuture(t.ms, now, input.trim()) : t;
}

function notFuture(ms: number, now: number, text: string): When {
  if (ms < Date.UTC(EARLIEST_YEAR, 0, 1)) return { ok: false, error: `"${text}" is before ${EARLIEST_YEAR} (use ${ISO_TIME_FORM})` };
  if (ms > now + 60_000) return { ok: false, error: `"${text}" (${new Date(ms).toISOString()}) is in the future (use a time up to now: ${ISO_TIME_FORM})` };
  return { ok: true, at: new Date(ms).toISOString(), backdated: ms < now - 1_000 };
}
