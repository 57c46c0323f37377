// A drill in several consoles: each runs its own simulated AWS, driven by the same injects, so each sees the
// same alarm change. Only one of them records it (the controller's, as the record says), so the timeline
// has one alarm.changed row per change however the consoles' polls interleave. Two consoles' worth of sim
// state here, on one real journal; the four-console pty test checks the same end to end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SimAws } from '../../src/aws/sim/sim-aws.js';
import { findScenario, loadCatalog } from '../../src/scenarios/index.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { openView, onAlarms } from '../../src/ui/app/incident-open.js';
import { initialState } from '../../src/ui/app/state.js';
import type { Effect } from '../../src/ui/app/msg.js';
import { simTime } from '../aws/support/fixtures.js';

const scenario = findScenario(loadCatalog({}), 'dynamodb-table-corruption');
const params = Object.fromEntries(Object.entries(scenario.params).map(([k, p]) => [k, p.example]));
const ALARM = 'simple-log-service-dev-lambda-errors';
const dir = mkdtempSync(join(tmpdir(), 'warroom-alarm-once-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function console_(actor: string) {
  const { clock, sleep } = simTime();
  const sim = new SimAws({ clock, sleep, seed: 7 });
  sim.load(scenario as never, params);
  return { actor, clock, sim, ports: sim.ports() };
}

describe('a simulated alarm change in a drill with several consoles', () => {
  it('is recorded once, by the controller, however the consoles poll', async () => {
    const store = new IncidentStore(join(dir, 'state'), { now: () => Date.now() });
    const first = await store.create({ title: 'drill', severity: 'SEV2', mode: 'exercise', scenarios: [scenario.id], params }, 'fac', [
      { kind: 'exercise.lease', data: { holder: 'fac' } },
      { kind: 'exercise.clock', data: { control: 'start', speed: 60, simSeconds: 0 } },
    ]);
    const id = String(first.data.id);
    await store.append(id, [{ kind: 'exercise.joined', data: { role: 'player' } }], 'pat');
    const consoles = [console_('fac'), console_('pat')];
    // Each console's first poll is its baseline.
    for (const c of consoles) await c.ports.alarms.poll(undefined, params);

    /** Every console polls on the journal as read before any of them writes; then all the writes land. */
    const round = async () => {
      const { events } = store.load(id);
      const writes: { actor: string; effects: Effect[] }[] = [];
      for (const c of consoles) {
        const view = openView(initialState({ now: c.clock.now(), cols: 120, rows: 40, catalog: [], config: { actor: c.actor, allowActions: false, awsConnected: true, modeLabel: 'SIMULATED', catalogProblems: [] } }), id, events, events.length)[0];
        const polled = await c.ports.alarms.poll(undefined, params);
        const [state, effects] = onAlarms(view, polled.alarms, polled.transitions, c.clock.now());
        // Every console shows the alarm as it is, whether or not it records the change.
        expect(state.firingAlarms.includes(ALARM)).toBe(polled.alarms.find((a) => a.name === ALARM)?.state === 'ALARM');
        writes.push({ actor: c.actor, effects });
      }
      for (const w of writes) for (const e of w.effects) if (e.type === 'append') await store.append(id, e.events, w.actor);
    };

    for (const c of consoles) c.sim.applyInject(scenario.injects.find((i) => i.id === 'writer-alarm')!);
    await round();
    for (const c of consoles) {
      c.sim.applyInject({ kind: 'alarm', alarm: ALARM, state: 'OK', text: 'The writer recovered.' });
      c.clock.advance(60_000);
    }
    await round();
    await round(); // nothing new: nothing more recorded

    const rows = store.load(id).events.filter((e) => e.kind === 'alarm.changed');
    expect(rows.map((e) => [e.actor, e.data.alarm, e.data.from, e.data.to])).toEqual([
      ['fac', ALARM, 'OK', 'ALARM'],
      ['fac', ALARM, 'ALARM', 'OK'],
    ]);
  });
});
