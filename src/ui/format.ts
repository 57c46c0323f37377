// Small pure helpers for what the panes print: times, sparklines, list windows.
const BARS = '▁▂▃▄▅▆▇█';

/** One character per value, scaled between the series' min and max (and the thresholds, so they stay comparable). */
export function sparkline(values: readonly number[], width: number, include: readonly number[] = []): string {
  const vs = values.slice(-width);
  if (vs.length === 0) return '';
  const all = [...vs, ...include];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const span = hi - lo || 1;
  return vs.map((v) => BARS[Math.min(BARS.length - 1, Math.floor(((v - lo) / span) * BARS.length))]).join('');
}

export const utcTime = (ms: number) => new Date(ms).toISOString().slice(11, 19);
export const utcDateTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

// Building an Intl formatter costs far more than using one, and the banner formats on every frame.
const formatters = new Map<string, Intl.DateTimeFormat | null>();

export function localTime(ms: number, timeZone?: string): string {
  const key = timeZone ?? '';
  if (!formatters.has(key)) {
    try {
      formatters.set(key, new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZoneName: 'short', ...(timeZone ? { timeZone } : {}) }));
    } catch {
      formatters.set(key, null); // an unknown zone: show no local time rather than fail
    }
  }
  return formatters.get(key)?.format(ms) ?? '';
}

/** The first visible index of a window of `height` rows that keeps `cursor` in view, centred when it can. */
export function windowStart(cursor: number, length: number, height: number): number {
  if (length <= height) return 0;
  return Math.max(0, Math.min(length - height, cursor - Math.floor(height / 2)));
}

export function formatValue(v: number): string {
  if (Math.abs(v) >= 1000) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

export const pad = (s: string, n: number) => (s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length));

/** Word-wraps text to `width` columns (long words are cut), keeping the text's own line breaks. */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      let w = word;
      while (w.length > width) {
        if (line) out.push(line);
        out.push(w.slice(0, width));
        w = w.slice(width);
        line = '';
      }
      if (!line) line = w;
      else if (line.length + 1 + w.length <= width) line += ` ${w}`;
      else {
        out.push(line);
        line = w;
      }
    }
    out.push(line);
  }
  return out;
}
