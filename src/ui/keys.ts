// Turns what Ink's useInput reports into key names, one per key press. Ink hands over a run of plain
// characters typed (or sent) quickly as one string ("jj\r"); splitting it here means each key is handled
// in order against the latest state, so fast input never selects the wrong item. Text between the
// bracketed-paste markers is one paste, never keys: a pasted "\nTresolved\n" must not run commands.
import type { Key } from 'ink';

/** A key: a printable character as itself ("j", "G", " "), or a name: up, down, return, ctrl+c, shift+tab... */
export type KeyName = string;

const CONTROL: Record<string, KeyName> = {
  '\r': 'return',
  '\n': 'return',
  '\t': 'tab',
  '\u007f': 'backspace',
  '\b': 'backspace',
  '\u001b': 'escape',
};

function decodeChar(ch: string): KeyName | undefined {
  const named = CONTROL[ch];
  if (named) return named;
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 1 && code <= 26) return `ctrl+${String.fromCharCode(code + 96)}`;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return undefined;
  return ch;
}

export function decodeKeys(input: string, key: Key): KeyName[] {
  if (key.upArrow) return ['up'];
  if (key.downArrow) return ['down'];
  if (key.leftArrow) return ['left'];
  if (key.rightArrow) return ['right'];
  if (key.pageUp) return ['pageup'];
  if (key.pageDown) return ['pagedown'];
  if (key.home) return ['home'];
  if (key.end) return ['end'];
  if (key.tab) return [key.shift ? 'shift+tab' : 'tab'];
  if (key.return) return ['return'];
  if (key.escape && input === '') return ['escape'];
  if (key.backspace) return ['backspace'];
  if (key.delete) return ['delete'];
  if (key.ctrl && input.length === 1) return [`ctrl+${input.toLowerCase()}`];
  if (key.meta && input.length === 1) return [`meta+${input}`];
  const keys: KeyName[] = [];
  for (const ch of input) {
    const k = decodeChar(ch);
    if (k) keys.push(k);
  }
  return keys;
}

/** True for keys that type text into a field. */
export const isPrintable = (k: KeyName): boolean => [...k].length === 1;

/** What the console reads from the terminal: key presses, and pasted text as one piece. */
export type Input = { type: 'key'; key: KeyName } | { type: 'paste'; text: string };

// Ink splits its input at every escape sequence and hands ESC[200~ / ESC[201~ over without the ESC.
const PASTE_START = '[200~';
const PASTE_END = '[201~';

/** The text a piece of a paste stands for: keys Ink names (Enter, Tab) are their characters, other keys nothing. */
function pastedText(input: string, key: Key): string {
  if (key.return) return '\n';
  if (key.tab) return '\t';
  return input;
}

/**
 * A decoder that remembers whether a paste is under way, since a paste can arrive over several reads.
 * Pasted text comes out with its line breaks as \n, whatever the terminal sent (\r, \r\n).
 */
export function createInputDecoder(): (input: string, key: Key) => Input[] {
  let pasted: string[] | undefined;
  return (input, key) => {
    if (pasted) {
      if (input !== PASTE_END) {
        pasted.push(pastedText(input, key));
        return [];
      }
      const text = pasted.join('').replace(/\r\n?/g, '\n');
      pasted = undefined;
      return [{ type: 'paste', text }];
    }
    if (input === PASTE_START) {
      pasted = [];
      return [];
    }
    return decodeKeys(input, key).map((k) => ({ type: 'key', key: k }));
  };
}
