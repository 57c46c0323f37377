// Declaring in one line: `n`, a title, Enter. Parameters are asked where a step needs them, Esc keeps a
// draft, and a pasted block of lines never becomes a title.
import { describe, expect, it } from 'vitest';
import { appended, press, run } from './fixtures/drive.js';
import { homeState, incidentState, opened } from './fixtures/state.js';
import type { AppState } from '../../src/ui/app/state.js';
import type { NewEvent } from '../../src/core/index.js';

const withService = (s: AppState): AppState => ({ ...s, service: { name: 'orders', profile: '/repo/warroom.yaml', roster: { 'incident-commander': 'alice', dba: 'bob' } } });

function created(effects: ReturnType<typeof press>[1]) {
  const create = effects.find((e) => e.type === 'create-incident');
  if (create?.type !== 'create-incident') throw new Error('expected create-incident');
  return create;
}

describe('declaring in one line', () => {
  it('n, a title and Enter declare: severity suggested, scenario ranked, known params filled, roster assigned', () => {
    const [s, effects] = press(withService(homeState()), 'n', 'orders dynamodb table corrupt', 'return');
    expect(s.declare?.creating).toBe(true);
    const create = created(effects);
    expect(create.opening).toEqual({ title: 'orders dynamodb table corrupt', severity: 'SEV2', mode: 'live', scenarios: [], params: {} });
    const kinds = create.followUps.map((e) => e.kind);
    expect(kinds).toEqual(['triage.answered', 'scenario.selected', 'note', 'role.assigned', 'role.assigned', 'milestone.set', 'status.changed']);
    expect(create.followUps[1]!.data).toEqual({ scenarios: ['dynamodb-pitr-restore'], params: { table: 'orders', restore_to: '2026-11-21T09:00:00Z' } });
    expect(create.followUps[0]!.data).toMatchObject({ answers: { scope: 'unknown', customerImpact: 'unknown' } });
    expect(create.followUps[2]!.data).toEqual({ text: 'service orders (profile /repo/warroom.yaml)' });
    // No impact start is guessed: the banner says it is unknown until someone sets it.
    expect(create.followUps.filter((e) => e.kind === 'milestone.set').map((e) => (e.data as { milestone: string }).milestone)).toEqual(['declared']);
  });

  it('declares with no scenario when nothing matches, to choose later with C', () => {
    const create = created(press(homeState(), 'n', 'something odd', 'return')[1]);
    expect(create.followUps.map((e) => e.kind)).not.toContain('scenario.selected');
  });

  it('takes only the first line of a pasted block as the title, says so, and records the rest as a note', () => {
    let [s] = press(homeState(), 'n');
    [s] = run(s, { type: 'paste', text: 'ALARM orders-5xx in eu-west-2\r\rthreshold crossed: 5 datapoints\rstate ALARM' });
    expect(s.declare?.field.text).toBe('ALARM orders-5xx in eu-west-2');
    expect(s.declare?.field.error).toMatch(/a title is one line.*2 lines are kept and recorded as a note/);
    const create = created(press(s, 'return')[1]);
    expect(create.opening.title).toBe('ALARM orders-5xx in eu-west-2');
    expect(create.followUps).toContainEqual({ kind: 'note', data: { text: 'threshold crossed: 5 datapoints\nstate ALARM' } });
  });

  it('a one-line paste is typed text', () => {
    let [s] = press(homeState(), 'n', 'api ');
    [s] = run(s, { type: 'paste', text: '5xx in eu-west-2\r' });
    expect(s.declare?.field).toEqual({ text: 'api 5xx in eu-west-2 ', cursor: 0 });
    expect(s.declare?.details).toBeUndefined();
  });

  it('N asks the triage questions, with no runbook parameter among them', () => {
    let [s] = press(homeState(), 'N', 'Orders corrupt', 'return', 'dynamodb', 'return');
    [s] = press(s, 'return', 'return', 'return', 'return', 'return', 'return');
    expect(s.declare?.answers).toHaveProperty('severity');
    const [, effects] = press(s, 'return');
    expect(created(effects).followUps.find((e) => e.kind === 'scenario.selected')!.data).toMatchObject({ params: { table: 'orders' } });
  });
});

describe('parameters asked where a step needs them', () => {
  const noParams: NewEvent[] = opened().map((e) => (e.kind === 'scenario.selected' ? { ...e, data: { scenarios: ['dynamodb-pitr-restore'], params: {} } } : e));

  it('Enter on a step that names a missing param asks for it, then records it and starts the step in one write', () => {
    let [s, effects] = press(incidentState({}, noParams), 'j', 'return');
    expect(effects).toEqual([]);
    const top = s.modals.at(-1);
    expect(top).toMatchObject({ kind: 'prompt', purpose: 'step-params' });
    expect(top?.kind === 'prompt' && top.steps.map((x) => x.key)).toEqual(['table']);
    [s, effects] = press(s, 'orders', 'return');
    expect(appended(effects)).toEqual([
      { kind: 'scenario.selected', data: { scenarios: ['dynamodb-pitr-restore'], params: { table: 'orders' } } },
      { kind: 'step.started', data: { scenario: 'dynamodb-pitr-restore', step: 'check-pitr' } },
    ]);
    expect(s.toast?.text).toMatch(/recorded table; check-pitr started/);
  });

  it('a step that needs nothing missing starts at once', () => {
    const [, effects] = press(incidentState({}, noParams), 'return');
    expect(appended(effects)).toEqual([{ kind: 'step.started', data: { scenario: 'dynamodb-pitr-restore', step: 'freeze-writes' } }]);
  });

  it('a verification asks first, then runs with the answer', () => {
    const [s, effects] = press(incidentState({ awsConnected: true }, noParams), 'j', 'v', 'orders', 'return');
    expect(effects.find((e) => e.type === 'run-probe')).toMatchObject({ params: { table: 'orders' } });
    expect(s.incident?.probes['dynamodb-pitr-restore/check-pitr']?.running).toBe(true);
  });

  it('Esc on the question asks before throwing the typed value away', () => {
    const [s] = press(incidentState({}, noParams), 'j', 'return', 'ord', 'escape');
    expect(s.modals.at(-1)).toMatchObject({ kind: 'confirm', purpose: 'discard' });
  });
});

describe('a step whose params are missing', () => {
  it('shows each missing one as <name?>, never as a raw {{placeholder}}', async () => {
    const { checklistRows } = await import('../../src/ui/app/checklist.js');
    const noParams: NewEvent[] = opened().map((e) => (e.kind === 'scenario.selected' ? { ...e, data: { scenarios: ['dynamodb-pitr-restore'], params: {} } } : e));
    const s = incidentState({}, noParams);
    const rows = checklistRows(s.incident!.incident, s.catalog);
    const text = rows.map((r) => `${r.title} ${r.instructions} ${r.command ?? ''}`).join('\n');
    expect(text).not.toContain('{{');
    expect(rows[1]!.instructions).toBe('PITR must be ENABLED on <table?> for the restore.');
  });
});
