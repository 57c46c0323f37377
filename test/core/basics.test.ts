import { describe, expect, it } from 'vitest';
import { canonicalJson, fillDeep, fillTemplate, parseSeverity, placeholdersIn, sanitize, sanitizeLine, validateEventData } from '../../src/core/index.js';

describe('parseSeverity', () => {
  it.each([
    ['SEV1', 'SEV1'], ['sev2', 'SEV2'], ['P3', 'SEV3'], ['p4', 'SEV4'], [' Sev-1 ', 'SEV1'],
  ])('%s -> %s', (input, want) => expect(parseSeverity(input)).toBe(want));
  it.each(['SEV5', 'P0', 'critical', '', '1'])('rejects %j with a clear message', (input) => {
    expect(() => parseSeverity(input)).toThrow(/unknown severity .*use SEV1, SEV2, SEV3 or SEV4/);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });
  it('is the same whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
});

describe('placeholders', () => {
  it('finds and fills {{param}} everywhere', () => {
    expect(placeholdersIn('aws dynamodb describe-table --table-name {{table}} --region {{ region }}')).toEqual(['table', 'region']);
    expect(fillTemplate('--table-name {{table}}', { table: 'orders' })).toBe('--table-name orders');
    expect(fillDeep({ TableName: '{{table}}', Tags: [{ V: '{{region}}' }], N: 3 }, { table: 't', region: 'r' })).toEqual({ TableName: 't', Tags: [{ V: 'r' }], N: 3 });
  });
  it('names a missing param', () => {
    expect(() => fillTemplate('{{cluster}}', {})).toThrow('missing param "cluster"');
  });
});

describe('sanitize', () => {
  it.each([
    ['OSC 0 window title', 'a\u001b]0;pwned\u0007b', 'ab'],
    ['OSC 52 clipboard', 'x\u001b]52;c;ZWNobyBoaQ==\u001b\\y', 'xy'],
    ['OSC 8 link', '\u001b]8;;http://evil\u001b\\click\u001b]8;;\u001b\\', 'click'],
    ['CSI colour and cursor moves', '\u001b[31mred\u001b[0m\u001b[2J', 'red'],
    ['carriage return forging', 'ok\rFAIL', 'okFAIL'],
    ['backspace forging', 'ok\b\bNO', 'ok\uFFFD\uFFFDNO'],
    ['C1 CSI', 'a\u009b31mb', 'ab'],
    ['bidi override', 'abc\u202edef', 'abc\uFFFDdef'],
  ])('removes %s', (_name, input, want) => expect(sanitize(input)).toBe(want));
  it('keeps ordinary text, unicode, tabs and newlines', () => {
    expect(sanitize('Región caída ✓\tline\nnext')).toBe('Región caída ✓\tline\nnext');
  });
  it('folds newlines for one-line displays', () => {
    expect(sanitizeLine('a\nb\tc')).toBe('a ⏎ b c');
  });
});

describe('validateEventData', () => {
  it('normalises defaults', () => {
    expect(validateEventData('comms.sent', { text: 'hi' })).toEqual({ channel: 'status', text: 'hi' });
  });
  it.each([
    ['nope', {}, /unknown event kind "nope"/],
    ['note', { text: '' }, /invalid note event: text: text must not be empty/],
    ['note', { text: 'x', extra: 1 }, /invalid note event/],
    ['milestone.set', { milestone: 'done', at: '2026-11-21T10:00:00Z', backdated: false }, /milestone/],
    ['milestone.set', { milestone: 'detected', at: 'yesterday', backdated: false }, /at/],
  ])('rejects %s %j', (kind, data, msg) => expect(() => validateEventData(kind, data)).toThrow(msg));
});
