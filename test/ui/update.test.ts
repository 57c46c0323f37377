import { describe, expect, it } from 'vitest';
import { checklistRows } from '../../src/ui/app/checklist.js';
import type { AppState } from '../../src/ui/app/state.js';
import { activeLayers } from '../../src/ui/app/update.js';
import { escalationsOf } from '../../src/ui/app/tick.js';
import { openWork } from '../../src/ui/app/open-work.js';
import { appended, press, run } from './fixtures/drive.js';
import { events, homeState, incidentState, opened, T0 } from './fixtures/state.js';

const listed = (s: AppState, n: number) =>
  run(s, { type: 'incidents.listed', incidents: Array.from({ length: n }, (_, i) => ({ id: `INC-20261121-000${i}`, title: `t${i}`, severity: 'SEV2', status: 'declared', mode: 'live', openedAt: new Date(T0).toISOString(), updatedAt: new Date(T0).toISOString(), events: 1 })) })[0];

describe('home', () => {
  it('opens exactly the highlighted incident after fast Down, Down, Enter', () => {
    const [, effects] = press(listed(homeState(), 5), 'down', 'down', 'return');
    expect(effects).toEqual([{ type: 'load-incident', id: 'INC-20261121-0002' }]);
  });
  it.each<[string[], string]>([
    [['j', 'j', 'j', 'k'], 'INC-20261121-0002'],
    [['G'], 'INC-20261121-0004'],
    [['G', 'g'], 'INC-20261121-0000'],
    [['down', 'down', 'down', 'down', 'down', 'down', 'down'], 'INC-20261121-0004'],
  ])('%j then Enter opens %s', (keys, id) => {
    const [, effects] = press(listed(homeState(), 5), ...keys, 'return');
    expect(effects).toContainEqual({ type: 'load-incident', id });
  });
  it('refreshes the list every few seconds and keeps the highlight on the same incident', () => {
    let [s] = press(listed(homeState(), 3), 'j');
    expect(run(s, { type: 'tick', now: T0 + 1_000 })[1]).toEqual([]);
    const [refreshing, fx] = run(s, { type: 'tick', now: T0 + 3_000 });
    expect(fx).toEqual([{ type: 'list-incidents' }]);
    const newer = { ...s.home.incidents[0]!, id: 'INC-20261121-NEW1' };
    [s] = run(refreshing, { type: 'incidents.listed', incidents: [newer, ...s.home.incidents] });
    expect(press(s, 'return')[1]).toEqual([{ type: 'load-incident', id: 'INC-20261121-0001' }]);
  });

  it('q quits, Ctrl+C quits, ? shows help, : opens the palette', () => {
    expect(press(homeState(), 'q')[1]).toEqual([{ type: 'exit' }]);
    expect(press(homeState(), 'ctrl+c')[1]).toEqual([{ type: 'exit', interrupted: true }]);
    expect(press(homeState(), '?')[0].modals.at(-1)).toMatchObject({ kind: 'help', layers: ['home', 'list', 'global'] });
    expect(press(homeState(), ':')[0].modals.at(-1)).toMatchObject({ kind: 'prompt', purpose: 'palette' });
  });
  it('runs a command chosen in the palette by typing its name', () => {
    const [s] = press(homeState(), ':', 'drill', 'return');
    expect(s.screen).toBe('declare');
    expect(s.declare?.mode).toBe('exercise');
  });
  it('answers only q and Ctrl+C while the terminal is too small', () => {
    const small = { ...homeState(), cols: 70, rows: 20 };
    expect(press(small, 'n')[0].screen).toBe('home');
    expect(press(small, 'q')[1]).toEqual([{ type: 'exit' }]);
  });
});

describe('declare', () => {
  it('records triage, the chosen scenario, milestones and status when the incident is created', () => {
    let [s] = press(homeState(), 'N');
    [s] = press(s, 'Orders corrupt', 'return', 'dynamodb orders table', 'return');
    [s] = press(s, 'return'); // scope: single-resource
    [s] = press(s, 'down', 'return'); // data integrity: yes
    [s] = press(s, 'return', 'return'); // security no, customer impact none
    [s] = press(s, 'ctrl+u', '-20m', 'return'); // since
    expect(s.declare?.field.cursor).toBe(0); // suggested SEV1 is highlighted
    [s] = press(s, 'down', 'return'); // override: SEV2
    // The best ranked scenario is the last question: its params come from the defaults, none asked.
    const [, effects] = press(s, 'return');
    expect(effects).toHaveLength(1);
    const create = effects[0]!;
    if (create.type !== 'create-incident') throw new Error('expected create-incident');
    expect(create.opening).toEqual({ title: 'Orders corrupt', severity: 'SEV2', mode: 'live', scenarios: [], params: {} });
    expect(create.followUps.map((e) => e.kind)).toEqual(['triage.answered', 'scenario.selected', 'milestone.set', 'milestone.set', 'status.changed']);
    expect(create.followUps[0]!.data).toMatchObject({ suggestedSeverity: 'SEV1', answers: { dataIntegrity: 'yes', chosenSeverity: 'SEV2', since: '-20m' } });
    expect(create.followUps[1]!.data).toEqual({ scenarios: ['dynamodb-pitr-restore'], params: { table: 'orders', restore_to: '2026-11-21T09:00:00Z' } });
    expect(create.followUps[2]!.data).toEqual({ milestone: 'impact-started', at: '2026-11-21T08:40:00.000Z', backdated: true });
  });
  it('keeps every answer when creating the incident fails, so Enter retries', () => {
    let [s] = press(homeState(), 'd', 'region', 'return', 'return', 'return');
    expect(s.declare?.creating).toBe(true);
    [s] = run(s, { type: 'incident.failed', message: 'could not declare: disk full' });
    expect(s.screen).toBe('declare');
    expect(s.declare).toMatchObject({ creating: false, answers: { scenario: 'region-failover', severity: 'SEV1' } });
    expect(press(s, 'return')[1][0]).toMatchObject({ type: 'create-incident', opening: { mode: 'exercise', severity: 'SEV1' } });
  });

  it('filters the scenario list by typing and picks the highlighted match', () => {
    let [s] = press(homeState(), 'd');
    [s] = press(s, 'region', 'return');
    expect(s.declare?.answers.scenario).toBe('region-failover');
  });
  it('shows an error and stays on the question for a bad time', () => {
    let [s] = press(homeState(), 'N', 'x', 'return', 'y', 'return', 'return', 'return', 'return', 'return');
    [s] = press(s, 'ctrl+u', 'yesterday', 'return');
    expect(s.declare?.field.error).toMatch(/not a time/);
  });
  it('goes back a question with Ctrl+B, and Esc or Ctrl+X leave a draft that n picks up', () => {
    const [s] = press(homeState(), 'N', 'x', 'return', 'ctrl+b');
    expect(s.declare?.index).toBe(0);
    for (const key of ['escape', 'ctrl+x']) {
      const [left] = press(s, key);
      expect(left.screen).toBe('home');
      expect(left.toast?.text).toMatch(/draft kept/);
      const [back] = press(left, 'n');
      expect(back.screen).toBe('declare');
      expect(back.declare).toEqual(s.declare);
      expect(back.declareDraft).toBeUndefined();
    }
  });
});

describe('incident view', () => {
  it('follows the journal once opened and stops on the way back', () => {
    const s = incidentState();
    expect(s.screen).toBe('incident');
    expect(press(s, 'b')[1]).toEqual([{ type: 'unfollow' }, { type: 'unwatch-aws' }, { type: 'list-incidents' }]);
    expect(press(s, 'escape')[0].screen).toBe('home');
  });
  it('starts, completes and fails steps on the highlighted row', () => {
    const s = incidentState();
    expect(appended(press(s, 'return')[1])).toEqual([{ kind: 'step.started', data: { scenario: 'dynamodb-pitr-restore', step: 'freeze-writes' } }]);
    expect(appended(press(s, 'j', 'f', 'no access', 'return')[1])).toEqual([{ kind: 'step.failed', data: { scenario: 'dynamodb-pitr-restore', step: 'check-pitr', reason: 'no access' } }]);
    expect(appended(press(s, 'j', 'j', 'z', 'done by hand', 'return')[1])[0]).toMatchObject({ kind: 'step.skipped', data: { step: 'restore' } });
  });
  it('marks an in-progress step done', () => {
    const s = incidentState({}, [...opened(), { kind: 'step.started', data: { scenario: 'dynamodb-pitr-restore', step: 'freeze-writes' } }]);
    expect(appended(press(s, 'return')[1])[0]!.kind).toBe('step.completed');
  });
  it('does not mark a step done before the steps it depends on, nor after its action was refused', () => {
    const ref = { scenario: 'dynamodb-pitr-restore', step: 'restore' };
    const early = incidentState({}, [...opened(), { kind: 'step.started', data: ref }]);
    const [blocked, none] = press(early, 'j', 'j', 'return');
    expect(appended(none)).toEqual([]);
    expect(blocked.toast?.text).toMatch(/depends on check-pitr/);
    const refused = incidentState({}, [
      ...opened(),
      { kind: 'step.completed', data: { ...ref, step: 'check-pitr' } },
      { kind: 'step.started', data: ref },
      { kind: 'aws.action.requested', data: { actionId: 'a1', service: 'dynamodb', operation: 'RestoreTableToPointInTime', target: 'orders-restored', args: {}, ...ref } },
      { kind: 'aws.action.failed', data: { actionId: 'a1', errorClass: 'actions-disabled', message: 'actions are off' } },
    ]);
    const [after, nothing] = press(refused, 'j', 'j', 'return');
    expect(appended(nothing)).toEqual([]);
    expect(after.toast?.text).toMatch(/did not succeed/);
  });
  it('shows "not connected" for a verification without an AWS layer, and records nothing', () => {
    const [s, effects] = press(incidentState(), 'j', 'v');
    expect(effects).toEqual([]);
    expect(s.incident?.probes['dynamodb-pitr-restore/check-pitr']?.result?.summary).toMatch(/not connected/);
  });
  it('runs the probe when connected and records its evidence', () => {
    const [s, effects] = press(incidentState({ awsConnected: true }), 'j', 'v');
    expect(effects[0]).toMatchObject({ type: 'run-probe', key: 'dynamodb-pitr-restore/check-pitr', params: { table: 'orders' } });
    const result = { passed: true, summary: 'ENABLED', evidence: { status: 'ENABLED' }, attempts: 1, elapsedMs: 5 };
    // The result comes in a while later; the check is recorded with the time it was started.
    const startedAt = new Date(s.now).toISOString();
    const [, after] = run({ ...s, now: s.now + 45_000 }, { type: 'probe.done', key: 'dynamodb-pitr-restore/check-pitr', result });
    expect(appended(after)).toEqual([{ kind: 'step.verified', data: { scenario: 'dynamodb-pitr-restore', step: 'check-pitr', passed: true, summary: 'ENABLED', evidence: { status: 'ENABLED' }, startedAt } }]);
  });
  it('copies a destructive step\'s command only after its target is typed, and records that', () => {
    const [prompt, none] = press(incidentState(), 'y');
    expect(none).toEqual([]);
    const top = prompt.modals.at(-1) as { steps?: { label: string }[] } | undefined;
    expect(top?.steps?.[0]?.label).toBe('DESTRUCTIVE: disables every write to orders. Type orders to copy the command');
    const [wrong, nothing] = press(prompt, 'order', 'return');
    expect(nothing).toEqual([]);
    expect(wrong.toast?.text).toMatch(/nothing copied/);
    const [, effects] = press(prompt, 'orders', 'return');
    expect(effects).toContainEqual({ type: 'copy', text: 'aws ecs update-service --service writer --desired-count 0' });
    expect(appended(effects)).toEqual([{ kind: 'note', data: { text: 'copied the destructive command of dynamodb-pitr-restore/freeze-writes after typing orders' } }]);
  });
  it('copies the command with params filled', () => {
    const [s, effects] = press(incidentState(), 'j', 'y');
    expect(effects).toEqual([{ type: 'copy', text: 'aws dynamodb describe-continuous-backups --table-name orders' }]);
    expect(s.incident?.copied).toContain('--table-name orders');
  });
  it('copying a command that reads a runbook file writes the file next to the incident and says where', () => {
    const base = incidentState({ filesDir: '/state/files' });
    const withFile = (st: AppState['catalog'][number]['steps'][number]) =>
      st.id === 'check-pitr' ? { ...st, command: `${st.command} --cli-input-json file://pitr-{{table}}.json`, files: { 'pitr-{{table}}.json': { TableName: '{{table}}' } } } : st;
    const s0 = { ...base, catalog: base.catalog.map((sc) => ({ ...sc, steps: sc.steps.map(withFile) })) };
    const [s, effects] = press(s0, 'j', 'y');
    const dir = '/state/files/INC-20261121-AAAA';
    expect(effects).toEqual([
      { type: 'write-files', dir, files: { 'pitr-orders.json': { TableName: 'orders' } } },
      { type: 'copy', text: `aws dynamodb describe-continuous-backups --table-name orders --cli-input-json file://${dir}/pitr-orders.json` },
    ]);
    expect(s.toast?.text).toBe(`copied; wrote pitr-orders.json to ${dir} (the command reads them there)`);
  });
  it('without --allow-actions A refuses at once, before asking for the target, and the recorded path records why', () => {
    const [s, sent] = press(incidentState({}, opened(), { cols: 120, rows: 40 }), 'j', 'j', 'A');
    expect(s.modals).toEqual([]);
    expect(sent).toEqual([expect.objectContaining({ type: 'run-action', confirmation: '', step: 'restore' })]);
    expect(appended(sent)).toEqual([]);
    // The remedy is in the first 120 columns of the footer.
    expect(s.toast?.text.indexOf('--allow-actions')).toBeGreaterThan(0);
    expect(s.toast!.text.indexOf('--allow-actions') + '--allow-actions'.length).toBeLessThanOrEqual(118);
    const refusal = { ok: false, summary: 'x', simulated: false, outcome: 'refused', region: 'eu-west-2', account: '123456789012', error: { class: 'actions-disabled' as const, message: 'actions are disabled: dynamodb RestoreTableToPointInTime needs a session started with --allow-actions (never against real AWS in an exercise)' } };
    const [done] = run(s, { type: 'action.done', incidentId: 'INC-20261121-AAAA', actionId: 'a', result: refusal });
    expect(done.toast!.text.indexOf('--allow-actions') + '--allow-actions'.length).toBeLessThanOrEqual(118);
  });
  it('runs a drill\'s actions without --allow-actions: they go to the drill\'s simulated AWS', () => {
    const [, effects] = press(incidentState({}, opened('exercise')), 'j', 'j', 'A', 'orders-restored', 'return');
    expect(effects.at(-1)).toMatchObject({ type: 'run-action', confirmation: 'orders-restored' });
  });
  it('the confirmation names the operation, target and region before anyone types; whatever is typed goes to the recorded path', () => {
    const s = incidentState({ allowActions: true });
    const [prompt] = press(s, 'j', 'j', 'A');
    const top = prompt.modals.at(-1) as { steps?: { label: string }[] } | undefined;
    expect(top?.steps?.[0]?.label).toMatch(/Type orders-restored to run dynamodb RestoreTableToPointInTime on orders-restored in (the primary region|[a-z]{2}-[a-z]+-\d)/);
    const [wrong, refused] = press(s, 'j', 'j', 'A', 'orders', 'return');
    expect(wrong.toast?.text).toMatch(/refused \(recorded\)/);
    expect(refused.at(-1)).toMatchObject({ type: 'run-action', confirmation: 'orders' });
    const [, effects] = press(s, 'j', 'j', 'A', 'orders-restored', 'return');
    // Nothing is written before the check: the lifecycle records request, approval or refusal itself.
    expect(appended(effects)).toEqual([]);
    expect(effects.at(-1)).toMatchObject({ type: 'run-action', confirmation: 'orders-restored', params: { table: 'orders' }, scenario: 'dynamodb-pitr-restore', step: expect.any(String) });
  });
  it.each<[string, string[], string, Record<string, unknown>]>([
    ['note', ['n', 'writers stopped', 'return'], 'note', { text: 'writers stopped' }],
    ['decision', ['D', 'restore to 08:00', 'return'], 'decision', { text: 'restore to 08:00' }],
    ['action item', ['I', 'add a canary', 'return', 'bob', 'return'], 'action_item.added', { text: 'add a canary', owner: 'bob' }],
    ['role', ['R', 'scribe', 'return', 'carol', 'return'], 'role.assigned', { role: 'scribe', name: 'carol' }],
    ['milestone', ['m', 'detected', 'return', 'ctrl+u', '08:50', 'return'], 'milestone.set', { milestone: 'detected', at: '2026-11-21T08:50:00.000Z', backdated: true }],
    ['severity', ['S', 'SEV1', 'return', 'return'], 'severity.changed', { severity: 'SEV1' }],
    ['status', ['T', 'mitigating', 'return', 'failover done', 'return'], 'status.changed', { status: 'mitigating', reason: 'failover done' }],
  ])('quick entry: %s is one event', (_n, keys, kind, data) => {
    const evs = appended(press(incidentState(), ...keys)[1]);
    expect(evs).toEqual([{ kind, data }]);
  });
  it('resolving also sets the resolved milestone when it is missing', () => {
    // The fixture's three steps are not done, so resolving asks first; y records it.
    expect(appended(press(incidentState(), 'T', 'resolved', 'return', 'return', 'y')[1]).map((e) => e.kind)).toEqual(['status.changed', 'milestone.set']);
  });
  it('keeps a bad milestone time in the prompt with the error', () => {
    const [s, effects] = press(incidentState(), 'm', 'return', 'ctrl+u', 'soon', 'return');
    expect(effects).toEqual([]);
    const top = s.modals.at(-1);
    expect(top?.kind === 'prompt' && top.field.error).toMatch(/not a time/);
  });
  it('refuses a milestone out of order, naming the one it conflicts with, and records nothing', () => {
    // The fixture's incident was declared at 09:00; detection cannot come after it.
    const [s, effects] = press(incidentState(), 'm', 'detected', 'return', 'ctrl+u', '09:00', 'return');
    expect(appended(effects).map((e) => e.kind)).toEqual(['milestone.set']);
    const [bad, none] = press(incidentState({}, [...opened(), { kind: 'milestone.set', data: { milestone: 'impact-started', at: '2026-11-21T08:30:00.000Z', backdated: true } }]), 'm', 'mitigated', 'return', 'ctrl+u', '08:00', 'return');
    expect(none).toEqual([]);
    const top = bad.modals.at(-1);
    expect(top?.kind === 'prompt' && top.field.error).toBe('mitigated at 2026-11-21T08:00:00.000Z would be before impact-started (2026-11-21T08:30:00.000Z)');
    expect(s.modals).toEqual([]);
  });
  it('drafts a status update from the template and sends it', () => {
    const [s] = press(incidentState(), 'c');
    const draft = s.modals.at(-1);
    expect(draft).toMatchObject({ kind: 'draft', updateKind: 'initial' });
    expect(draft?.kind === 'draft' && draft.text).toMatch(/^\[SEV2\] Orders corrupted: we are investigating\./);
    const [, effects] = press(s, 'e', 'ETA 30 min', 'return', 's');
    expect(effects.map((e) => e.type)).toEqual(['append', 'write-comms', 'copy']);
    expect(appended(effects)[0]).toMatchObject({ kind: 'comms.sent', data: { kind: 'initial', text: expect.stringMatching(/\nETA 30 min$/) } });
  });
  it('filters the timeline and moves through panes', () => {
    let [s] = press(incidentState(), '/', 'kind:status', 'return');
    expect(s.incident?.filter).toBe('kind:status');
    expect(s.incident?.pane).toBe('timeline');
    [s] = press(s, 'x');
    expect(s.incident?.filter).toBe('');
    expect(press(s, 'tab')[0].incident?.pane).toBe('comms');
    expect(press(s, '2')[0].incident?.pane).toBe('metrics');
    expect(activeLayers(press(s, '3')[0])).toEqual(['alarms', 'incident', 'global']);
  });
  it('asks before quitting a running drill', () => {
    const drill = incidentState({}, opened('exercise'));
    const [s, effects] = press(drill, 'q');
    expect(effects).toEqual([]);
    expect(press(s, 'n')[1]).toEqual([]);
    expect(press(s, 'y')[1]).toEqual([{ type: 'exit' }]);
    expect(press(incidentState(), 'q')[1]).toEqual([{ type: 'exit' }]);
  });
  it('exports through the one Export effect', () => {
    expect(press(incidentState(), 'E')[1]).toEqual([{ type: 'export', id: 'INC-20261121-AAAA', draft: true }]);
  });
});

describe('journal, alarms and timers', () => {
  it('applies events from another terminal once, however often they are read', () => {
    const s = incidentState();
    const theirs = events([{ kind: 'note', data: { text: 'from the scribe' }, actor: 'scribe' }], 5);
    const [once] = run(s, { type: 'journal.events', id: 'INC-20261121-AAAA', events: theirs, offset: 5 });
    const [twice] = run(once, { type: 'journal.events', id: 'INC-20261121-AAAA', events: theirs, offset: 5 });
    expect(twice.incident?.events).toHaveLength(5);
    expect(twice.incident?.incident.notes).toBe(1);
    expect(twice.incident?.incident.responders).toContain('scribe');
  });
  it('records each alarm transition once, even when another terminal saw it first', () => {
    const s = incidentState({ awsConnected: true });
    const t = { alarm: 'orders-errors', from: 'OK', to: 'ALARM', reason: 'threshold crossed', at: '2026-11-21T09:01:00.000Z', region: 'eu-west-2' };
    const alarm = { name: 'orders-errors', state: 'ALARM' as const, reason: 'x', updatedAt: t.at, region: 'eu-west-2' };
    const [s1, first] = run(s, { type: 'alarms.polled', alarms: [alarm], transitions: [t], at: T0 });
    expect(appended(first)).toEqual([{ kind: 'alarm.changed', data: { alarm: 'orders-errors', from: 'OK', to: 'ALARM', reason: 'threshold crossed', region: 'eu-west-2', at: t.at } }]);
    expect(s1.firingAlarms).toEqual(['orders-errors']);
    const echoed = events([appended(first)[0]!], 5);
    const [s2] = run(s1, { type: 'journal.events', id: 'INC-20261121-AAAA', events: echoed, offset: 5 });
    expect(appended(run(s2, { type: 'alarms.polled', alarms: [alarm], transitions: [t], at: T0 })[1])).toEqual([]);
  });
  it('shows an escalation as due when its time comes, records it only when someone escalates', () => {
    const s = incidentState();
    const [s1, fx] = run(s, { type: 'tick', now: T0 + 15 * 60_000 });
    expect(fx).toEqual([]);
    expect(escalationsOf(s1, s1.incident!).map((t) => [t.level, t.due])).toEqual([['level 1', true], ['level 2', false]]);
    const [, ack] = press(s1, '5', 'e');
    expect(appended(ack)).toEqual([{ kind: 'escalation.fired', data: { level: 'level 1', text: 'escalated to DBA on-call: due 15 min after declared' } }]);
    expect(appended(press(s, '5', 'e')[1])).toEqual([]);
  });
  it('keeps a warning naming the first bad seq: from the load, or from an event that does not continue the chain', () => {
    const evs = events(opened());
    const [loaded] = run(homeState(), { type: 'incident.loaded', id: 'INC-20261121-AAAA', events: evs, offset: 1, chainProblem: 'seq 2 (line 2): edited' });
    expect(loaded.incident?.chainProblem).toBe('seq 2 (line 2): edited');
    const s = incidentState();
    const good = events([{ kind: 'note', data: { text: 'fine' } }], s.incident!.incident.lastSeq + 1);
    const [s1] = run(s, { type: 'journal.events', id: 'INC-20261121-AAAA', events: good, offset: 2 });
    expect(s1.incident?.chainProblem).toBeUndefined();
    const forged = events([{ kind: 'note', data: { text: 'forged' } }], s1.incident!.incident.lastSeq + 1).map((e) => ({ ...e, prev: 'not-the-head' }));
    const [s2] = run(s1, { type: 'journal.events', id: 'INC-20261121-AAAA', events: forged, offset: 3 });
    expect(s2.incident?.chainProblem).toBe(`seq ${forged[0]!.seq}: its prev hash does not match the event before it`);
    const [s3] = run(s2, { type: 'key', key: 'j' });
    expect(s3.incident?.chainProblem).toBe(s2.incident?.chainProblem);
  });
  it('asks before quitting or resolving with steps not done or an update overdue', () => {
    const s = { ...incidentState(), now: T0 + 10 * 60_000 };
    const [q] = press(s, 'return', 'q');
    expect(q.modals.at(-1)).toMatchObject({ kind: 'confirm', purpose: 'quit', text: 'The status update is overdue by 5m 00s. Quit anyway? (y/n)' });
    expect(press(q, 'y')[1]).toEqual([{ type: 'exit' }]);
    const [r, none] = press(s, 'T', 'resolved', 'return', 'return');
    expect(none).toEqual([]);
    expect(r.modals.at(-1)).toMatchObject({ kind: 'confirm', purpose: 'resolve', text: 'Resolve with 3 steps not done and the status update is overdue by 5m 00s? (y/n)' });
    expect(press(r, 'n')[1]).toEqual([]);
    expect(appended(press(r, 'y')[1]).map((e) => e.kind)).toEqual(['status.changed', 'milestone.set']);
    const started = incidentState({}, [...opened(), { kind: 'step.started', data: { scenario: 'dynamodb-pitr-restore', step: 'freeze-writes' } }]);
    expect(press(started, 'q')[0].modals.at(-1)).toMatchObject({ text: '1 step in progress. Quit anyway? (y/n)' });
    const resolved = incidentState({}, [...opened(), { kind: 'status.changed', data: { status: 'resolved' } }]);
    expect(press({ ...resolved, now: T0 + 10 * 60_000 }, 'q')[1]).toEqual([{ type: 'exit' }]);
  });
  it('decides what the simulated AWS must do: the runner only executes it', () => {
    const evs = events(opened('exercise'));
    const [s, fx] = run(homeState(), { type: 'incident.loaded', id: 'INC-20261121-AAAA', events: evs, offset: 1 });
    expect(fx[0]).toEqual({ type: 'prepare-aws', setup: { mode: 'exercise', scenarios: ['dynamodb-pitr-restore'], params: { table: 'orders', restore_to: '2026-11-21T08:00:00Z' } } });
    const inject = events([{ kind: 'exercise.inject', data: { inject: 'throttle', text: 'writes throttled' } }], evs.length + 1);
    const [, injected] = run(s, { type: 'journal.events', id: 'INC-20261121-AAAA', events: inject, offset: 2 });
    expect(injected).toEqual([{ type: 'apply-inject', setup: expect.objectContaining({ mode: 'exercise' }), inject: 'throttle' }]);
    const live = incidentState();
    const liveInject = events([{ kind: 'exercise.inject', data: { inject: 'throttle', text: 'x' } }], live.incident!.incident.lastSeq + 1);
    expect(run(live, { type: 'journal.events', id: 'INC-20261121-AAAA', events: liveInject, offset: 2 })[1]).toEqual([]);
  });
  it('counts escalations, the update cadence and RTO on the drill clock in a drill', () => {
    const drill = incidentState({}, [...opened('exercise'), { kind: 'exercise.clock', data: { control: 'start', speed: 60, simSeconds: 0 } }]);
    // One real minute at x60 is an hour of exercise time: level 1 (15 min) and the first update (5 min) are due.
    const s = { ...drill, now: T0 + 60_000 };
    expect(escalationsOf(s, s.incident!).find((t) => t.level === 'level 1')?.due).toBe(true);
    expect(press(s, '5', 'e')[1]).not.toEqual([]);
    expect(openWork(s, s.incident!, 'quit')).toEqual(['the status update is overdue by 55m 00s']);
    const live = { ...incidentState(), now: T0 + 60_000 };
    expect(escalationsOf(live, live.incident!).some((t) => t.due)).toBe(false);
  });
  it('shows store warnings as a toast instead of writing to the terminal', () => {
    const [s] = run(incidentState(), { type: 'warning', message: 'a write cut short left 12 bytes' });
    expect(s.toast).toMatchObject({ text: 'a write cut short left 12 bytes', tone: 'warn' });
    expect(run(s, { type: 'tick', now: T0 + 9_000 })[0].toast).toBeUndefined();
  });

  it('does not escalate a mitigated incident', () => {
    const s = incidentState({}, [...opened(), { kind: 'status.changed', data: { status: 'recovered' } }]);
    expect(run(s, { type: 'tick', now: T0 + 60 * 60_000 })[1]).toEqual([]);
  });
  it('lists the checklist of the chosen scenario with folded states', () => {
    const s = incidentState({}, [...opened(), { kind: 'step.skipped', data: { scenario: 'dynamodb-pitr-restore', step: 'check-pitr', reason: 'r' } }]);
    const rows = checklistRows(s.incident!.incident, s.catalog);
    expect(rows.map((r) => [r.step.id, r.status, r.blockedBy])).toEqual([
      ['freeze-writes', 'todo', []],
      ['check-pitr', 'skipped', []],
      ['restore', 'todo', []],
    ]);
  });
  it('fills a param with its example on Tab', () => {
    const [s] = press(incidentState({}, opened('live', [])), 'C', 'dynamodb', 'return', 'ctrl+u', 'tab');
    const top = s.modals.at(-1);
    expect(top?.kind === 'prompt' && top.field.text).toBe('orders');
  });

  it('chooses a scenario later, asking for its params', () => {
    const s = incidentState({}, opened('live', []));
    const [, effects] = press(s, 'C', 'dynamodb', 'return', 'return', 'return');
    expect(appended(effects)).toEqual([{ kind: 'scenario.selected', data: { scenarios: ['dynamodb-pitr-restore'], params: { table: 'orders', restore_to: '2026-11-21T09:00:00Z' } } }]);
  });
});
