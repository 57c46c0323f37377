import { readFileSync } from 'node:fs';
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { KEY_DOCS, withKeysTable } from '../../scripts/keys-table.js';
import { KEYMAP, keysMarkdown, resolveKey } from '../../src/ui/keymap.js';
import { createInputDecoder, decodeKeys } from '../../src/ui/keys.js';

const none: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
} as Key;

describe('decodeKeys', () => {
  it.each<[string, Partial<Key>, string[]]>([
    ['jj\r', {}, ['j', 'j', 'return']],
    ['ab\u007fc', {}, ['a', 'b', 'backspace', 'c']],
    ['', { downArrow: true }, ['down']],
    ['', { tab: true, shift: true }, ['shift+tab']],
    ['c', { ctrl: true }, ['ctrl+c']],
    ['', { escape: true, meta: true }, ['escape']],
    ['\u0015', {}, ['ctrl+u']],
    ['G', { shift: true }, ['G']],
  ])('%j -> %j', (input, key, want) => expect(decodeKeys(input, { ...none, ...key })).toEqual(want));
});

describe('createInputDecoder', () => {
  // What Ink's useInput hands over for ESC[200~ "a\rb" Tab "\r" ESC[201~ arriving over several reads.
  it('turns everything between the paste markers into one paste, line breaks as \\n', () => {
    const decode = createInputDecoder();
    const got = [
      ...decode('j', none),
      ...decode('[200~', none),
      ...decode('log line\rTres', none),
      ...decode('', { ...none, tab: true }),
      ...decode('olved\r\n', none),
      ...decode('', { ...none, return: true }),
      ...decode('[201~', none),
      ...decode('T', { ...none, shift: true }),
    ];
    expect(got).toEqual([
      { type: 'key', key: 'j' },
      { type: 'paste', text: 'log line\nTres\tolved\n\n' },
      { type: 'key', key: 'T' },
    ]);
  });
});

describe('keymap', () => {
  it('binds no key twice in one layer', () => {
    const seen = new Set<string>();
    for (const b of KEYMAP) {
      for (const k of b.keys) {
        const id = `${b.layer} ${k}`;
        expect(seen.has(id), `${id} bound twice`).toBe(false);
        seen.add(id);
      }
    }
  });
  it('gives every Esc action a letter key too', () => {
    for (const b of KEYMAP.filter((x) => x.keys.includes('escape'))) {
      expect(b.keys.some((k) => /^(ctrl\+)?[a-z?]$/i.test(k)), `${b.layer}/${b.command}`).toBe(true);
    }
  });
  it('resolves modal > pane > screen > global', () => {
    expect(resolveKey(['checklist', 'incident', 'global'], 'j')).toBe('down');
    expect(resolveKey(['timeline', 'incident', 'global'], 'j')).toBe('newer');
    expect(resolveKey(['checklist', 'incident', 'global'], 'n')).toBe('note');
    expect(resolveKey(['home', 'list', 'global'], 'n')).toBe('declare');
    expect(resolveKey(['field'], 'q')).toBeUndefined();
  });
  it.each(KEY_DOCS)('%s carries the table generated from the keymap', (path) => {
    const doc = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
    expect(doc).toContain(keysMarkdown());
    expect(withKeysTable(doc)).toBe(doc);
  });
});
