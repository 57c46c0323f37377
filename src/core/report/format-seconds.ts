// One spelling of a duration for every renderer: "1h 05m", "4m 30s", "45s"; unknown is said, never zero.
export function formatSeconds(s: number | null | undefined): string {
  if (s === null || s === undefined) return 'unknown';
  const sign = s < 0 ? '-' : '';
  let a = Math.abs(Math.round(s));
  const d = Math.floor(a / 86_400);
  a -= d * 86_400;
  const h = Math.floor(a / 3600);
  const m = Math.floor((a % 3600) / 60);
  const sec = a % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return `${sign}${d}d ${h}h ${two(m)}m`;
  if (h > 0) return `${sign}${h}h ${two(m)}m`;
  if (m > 0) return `${sign}${m}m ${two(sec)}s`;
  return `${sign}${sec}s`;
}
