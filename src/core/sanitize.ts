// Strings from AWS, runbook files and the timeline reach the terminal only through here. Terminals act on
// escape sequences (OSC 0 retitles the window, OSC 52 writes the clipboard, OSC 8 makes links) and on
// \r or \b, which can forge text on screen; all of them are removed or made visible.

// CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC (ESC P|X|^|_ ... ST), other two-byte ESC sequences.
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][\s\S]*?(?:\u0007|\u001b\\|$)|\u001b[PX^_][\s\S]*?(?:\u001b\\|$)|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]|\u009d[\s\S]*?(?:\u0007|\u009c|$)/g;
// C0 controls except tab and newline, DEL, C1 controls, and bidi overrides that reorder what is shown.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

// Every escape sequence starts with a control character, so text without one is returned as it is (fast).
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Removes terminal escape sequences and control characters; keeps newlines and tabs. */
export function sanitize(input: unknown): string {
  const s = typeof input === 'string' ? input : input === undefined || input === null ? '' : String(input);
  if (!ANY_CONTROL.test(s)) return s;
  return s.replace(ESCAPES, '').replace(CONTROLS, (c) => (c === '\r' ? '' : '\uFFFD'));
}

/** For one-line displays: also folds newlines and tabs into visible separators. */
export function sanitizeLine(input: unknown): string {
  if (typeof input === 'string' && !ANY_CONTROL.test(input)) return input;
  return sanitize(input).replace(/\t/g, ' ').replace(/\n+/g, ' ⏎ ');
}
