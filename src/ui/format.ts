// Small pure helpers for what the panes print: times, sparklines, list windows, and text laid out by its
// width in terminal columns (string-width), not its length: wide and combined characters count as drawn.
import stringWidth from 'string-width';

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

/** The width of text in terminal columns. */
export const textWidth = (text: string): number => stringWidth(text);

const graphemes = new Intl.Segmenter();

/** Splits text after at most `width` columns (at least one character, so long text always moves on). */
export function splitAtWidth(text: string, width: number): [string, string] {
  let used = 0;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width && end > 0) break;
    used += w;
    end = index + segment.length;
    if (used >= width) break;
  }
  return [text.slice(0, end), text.slice(end)];
}

/** Cuts text to `width` columns, marking the cut with an ellipsis. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (stringWidth(text) <= width) return text;
  return `${splitAtWidth(text, width - 1)[0]}…`;
}

/** Pads (or cuts) text to exactly `n` columns. */
export function pad(text: string, n: number): string {
  const w = stringWidth(text);
  if (w > n) {
    const [head] = splitAtWidth(text, n);
    return head + ' '.repeat(Math.max(0, n - stringWidth(head)));
  }
  return text + ' '.repeat(n - w);
}

/** Pads text to at least `n` columns, never cutting it. */
export const padEnd = (text: string, n: number): string => text + ' '.repeat(Math.max(0, n - stringWidth(text)));

/** Word-wraps text to `width` columns (long words are cut), keeping the text's own line breaks. */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      let w = word;
      while (stringWidth(w) > width) {
        if (line) out.push(line);
        const [head, rest] = splitAtWidth(w, width);
        out.push(head);
        w = rest;
        line = '';
      }
      if (!w) continue;
      if (!line) line = w;
      else if (stringWidth(line) + 1 + stringWidth(w) <= width) line += ` ${w}`;
      else {
        out.push(line);
        line = w;
      }
    }
    out.push(line);
  }
  return out;
}

/** A piece of a one-line banner: kept whole, or dropped when the line is too narrow (lowest `keep` first). */
export interface Part {
  text: string;
  /** Higher survives longer; Infinity never drops. */
  keep: number;
  /** This part gives up columns (cut with an ellipsis) before any part is dropped. */
  shrink?: boolean;
}

const MIN_SHRUNK = 8;

/** Chooses which parts of a line fit in `width` columns: drops the least kept until the rest fit (a shrinkable
 * part counting only its shortest form), then cuts the shrinkable part to the room left. */
export function fitParts<P extends Part>(parts: readonly P[], width: number): P[] {
  const least = (p: Part) => (p.shrink ? Math.min(stringWidth(p.text), MIN_SHRUNK) : stringWidth(p.text));
  let shown = [...parts];
  while (shown.reduce((n, p) => n + least(p), 0) > width) {
    const droppable = shown.filter((p) => p.keep !== Infinity);
    if (droppable.length === 0) break;
    const drop = droppable.reduce((a, b) => (b.keep < a.keep ? b : a));
    shown = shown.filter((p) => p !== drop);
  }
  const over = shown.reduce((n, p) => n + stringWidth(p.text), 0) - width;
  if (over <= 0) return shown;
  return shown.map((p) => {
    if (!p.shrink) return p;
    const room = Math.max(MIN_SHRUNK, stringWidth(p.text) - over);
    return { ...p, text: `${truncate(p.text.trimEnd(), room - 1)} ` };
  });
}

/**
 * Wraps text without changing it: joined back, each line's pieces give the line exactly (spaces kept), so
 * what the viewer shows is what was copied. Breaks after a space when one is in reach, else mid-word.
 */
export function wrapExact(text: string, width: number): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let rest = line;
    do {
      let [head, tail] = splitAtWidth(rest, width);
      const space = head.lastIndexOf(' ');
      if (tail && !tail.startsWith(' ') && space > 0) [head, tail] = [head.slice(0, space + 1), head.slice(space + 1) + tail];
      out.push(head);
      rest = tail;
    } while (rest);
  }
  return out;
}

/** The text viewer's lines at a terminal width, and how many fit on its page (the reducer scrolls by them). */
export const viewLines = (text: string, cols: number): string[] => wrapExact(text, Math.max(10, cols - 2));
export const viewPageHeight = (rows: number): number => Math.max(1, rows - 7);
