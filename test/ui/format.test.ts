// Layout by terminal columns: wide characters (CJK, emoji) take two columns, combining marks none.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fitParts, pad, padEnd, truncate, wrapExact, wrapText } from '../../src/ui/format.js';

describe('text width', () => {
  it('pads and cuts by columns, not string length', () => {
    expect(pad('東京', 6)).toBe('東京  ');
    expect(stringWidth(pad('東京リージョン障害', 6))).toBe(6);
    expect(pad('é', 3)).toBe('é  '); // e + combining accent: one column
    expect(padEnd('recovery-points', 12)).toBe('recovery-points');
  });
  it('wraps wide text within the width', () => {
    const lines = wrapText('障害対応中 東京リージョンのテーブルが破損しています', 10);
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(10);
    expect(lines.join('')).toBe('障害対応中東京リージョンのテーブルが破損しています');
  });
  it('cuts with an ellipsis inside the width', () => {
    expect(truncate('🔥🔥🔥🔥', 5)).toBe('🔥🔥…');
    expect(stringWidth(truncate('🔥🔥🔥🔥', 5))).toBeLessThanOrEqual(5);
  });
  it('wraps exactly: joining the lines gives the text back', () => {
    const cmd = 'aws  dynamodb restore-table-to-point-in-time --source-table-name orders --restore-date-time 2026-11-21T08:00:00Z';
    const lines = wrapExact(cmd, 30);
    expect(lines.join('')).toBe(cmd);
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(30);
  });
});

describe('fitParts', () => {
  const parts = [
    { text: ' INC-1 ', keep: Infinity },
    { text: ' a very long title that will not fit ', keep: 1, shrink: true },
    { text: ' SEV1 ', keep: Infinity },
    { text: ' SIMULATED eu-west-2 ', keep: 2 },
  ];
  it('shrinks the title before dropping anything', () => {
    const got = fitParts(parts, 50);
    expect(got.map((p) => p.text.trim().slice(0, 5))).toEqual(['INC-1', 'a ver', 'SEV1', 'SIMUL']);
    expect(got.reduce((n, p) => n + stringWidth(p.text), 0)).toBeLessThanOrEqual(50);
  });
  it('drops the least kept parts when shrinking is not enough, never the ones kept always', () => {
    const got = fitParts(parts, 22);
    expect(got.map((p) => p.text)).toContain(' INC-1 ');
    expect(got.map((p) => p.text)).toContain(' SEV1 ');
    expect(got.map((p) => p.text)).not.toContain(' SIMULATED eu-west-2 ');
  });
});
