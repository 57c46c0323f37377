// A milestone typed as a bare time says which day it was read as; a step of a resolved incident is not
// started by a stray Enter.
import { describe, expect, it } from 'vitest';
import { appended, press } from './fixtures/drive.js';
import { incidentState, opened } from './fixtures/state.js';

describe('a milestone at a bare time of day', () => {
  it('records it and says the day it was read as', () => {
    const [s, effects] = press(incidentState(), 'm', 'detected', 'return', 'ctrl+u', '08:30', 'return');
    expect(appended(effects)[0]).toMatchObject({ kind: 'milestone.set', data: { milestone: 'detected', at: '2026-11-21T08:30:00.000Z' } });
    expect(s.toast?.text).toMatch(/08:30 read as 2026-11-21 08:30 UTC \(today\)/);
  });
  it('refuses a time later today in the prompt, and records nothing', () => {
    const [s, effects] = press(incidentState(), 'm', 'detected', 'return', 'ctrl+u', '09:50', 'return');
    expect(effects).toEqual([]);
    const top = s.modals.at(-1);
    expect(top?.kind === 'prompt' && top.field.error).toMatch(/later today/);
  });
});

describe('a resolved incident\'s checklist', () => {
  const resolved = () => incidentState({}, [...opened(), { kind: 'status.changed', data: { status: 'resolved' } }]);
  it('asks before Enter starts a step, and records nothing until yes', () => {
    const [s, effects] = press(resolved(), 'return');
    expect(effects).toEqual([]);
    expect(s.modals.at(-1)).toMatchObject({ kind: 'confirm', text: expect.stringMatching(/resolved.*start freeze-writes anyway\? \(y\/n\)/i) });
    expect(press(s, 'n')[1]).toEqual([]);
    expect(appended(press(s, 'y')[1])).toEqual([{ kind: 'step.started', data: { scenario: 'dynamodb-pitr-restore', step: 'freeze-writes' } }]);
  });
});
