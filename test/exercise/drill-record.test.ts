// The drill as a fold over the record, and the decisions taken on it: one controller, the clock rebuilt
// the same by any console after any restart, and no inject fired twice whatever the interleaving.
import { describe, expect, it } from 'vitest';
import {
  decideDrill,
  drillSeconds,
  foldDrill,
  scheduleDrill,
  seededRandom,
  type DrillAct,
  type InjectLike,
  type NewEvent,
  type TimelineEvent,
} from '../../src/core/index.js';

const injects: InjectLike[] = [
  { id: 'alarm', at_seconds: 0, kind: 'alarm', text: 'throttling alarm fires', facilitator: 'wait' },
  { id: 'ask', at_seconds: 600, kind: 'message', text: 'The VP asks for an ETA', facilitator: 'push' },
  { id: 'restore', at_seconds: 1200, kind: 'resource', text: 'Restore finished', facilitator: 'who verifies?' },
];
const schedule = scheduleDrill(injects, {});
const T0 = Date.parse('2026-12-03T10:00:00.000Z');

/** A journal in memory that, like the store, appends a decision only onto the head it was decided on. */
class Journal {
  events: TimelineEvent[] = [{ seq: 1, ts: new Date(T0).toISOString(), actor: 'x', kind: 'incident.opened', data: {}, prev: '', hash: '1' }];
  append(actor: string, wall: number, batch: NewEvent[], afterSeq?: number): boolean {
    const head = this.events.at(-1)!.seq;
    if (afterSeq !== undefined && afterSeq !== head) return false;
    batch.forEach((n, i) => this.events.push({ seq: head + i + 1, ts: new Date(wall).toISOString(), actor, kind: n.kind, data: n.data as Record<string, unknown>, prev: '', hash: String(head + i + 1) }));
    return true;
  }
}

const act = (j: Journal, actor: string, wall: number, a: DrillAct) => {
  const r = foldDrill(j.events);
  const d = decideDrill(r, schedule, actor, wall, a);
  if (d.events.length) j.append(actor, wall, d.events, r.headSeq);
  return d;
};

describe('the drill record', () => {
  it('gives control to the console that starts the drill; others join in their role and cannot move the clock', () => {
    const j = new Journal();
    expect(act(j, 'fac', T0, { kind: 'start', speed: 60 }).refused).toBeUndefined();
    act(j, 'pat', T0 + 100, { kind: 'join', role: 'player' });
    act(j, 'eve', T0 + 200, { kind: 'join', role: 'evaluator' });
    const r = foldDrill(j.events);
    expect(r.controller).toBe('fac');
    expect(r.roles).toEqual({ fac: 'controller', pat: 'player', eve: 'evaluator' });
    const refused = act(j, 'pat', T0 + 1000, { kind: 'pause' });
    expect(refused.events).toEqual([]);
    expect(refused.refused).toMatch(/^drill: fac controls this drill and you are player; only the controller moves the clock/);
    expect(refused.refused).not.toContain('\n');
    // A second console asking to drive does not become a second driver.
    const second = act(j, 'other', T0 + 1000, { kind: 'start', speed: 1 });
    expect(second.events).toEqual([]);
    expect(second.refused).toContain('fac controls this drill');
    // A player's console ticking fires nothing.
    expect(act(j, 'pat', T0 + 60_000, { kind: 'tick' }).events).toEqual([]);
  });

  it('rebuilds the same T+ and pause state from the record after a restart, however long the console was away', () => {
    const j = new Journal();
    act(j, 'fac', T0, { kind: 'start', speed: 60 });
    act(j, 'fac', T0 + 5_000, { kind: 'tick' }); // T+5:00
    act(j, 'fac', T0 + 23_083, { kind: 'pause' }); // T+23:05
    const later = T0 + 600_000; // the controller quit and came back ten minutes later
    const r = foldDrill(j.events);
    expect(r.clock?.paused).toBe(true);
    expect(drillSeconds(r, later)).toBeCloseTo(23 * 60 + 4.98, 1);
    // The controller back at its console: no new start, the record decides.
    expect(decideDrill(r, schedule, 'fac', later, { kind: 'start', speed: 1 }).events).toEqual([]);
    act(j, 'fac', later, { kind: 'resume' });
    const r2 = foldDrill(j.events);
    expect(r2.clock?.speed).toBe(60);
    expect(drillSeconds(r2, later + 1000)).toBeCloseTo(drillSeconds(r, later) + 60, 1);
  });

  it('records when each inject fired (drill time, wall time) and whether early or jumped to', () => {
    const j = new Journal();
    act(j, 'fac', T0, { kind: 'start', speed: 1 });
    act(j, 'fac', T0 + 10_000, { kind: 'fire' }); // ask, early at T+0:10
    act(j, 'fac', T0 + 20_000, { kind: 'next' }); // jump to restore at T+20:00
    const r = foldDrill(j.events);
    expect(Object.fromEntries(Object.entries(r.fired).map(([id, f]) => [id, [f.firedAtSeconds, f.how]]))).toEqual({
      alarm: [0, 'scheduled'],
      ask: [10, 'early'],
      restore: [1200, 'jumped'],
    });
    expect(r.fired.ask!.ts).toBe(new Date(T0 + 10_000).toISOString());
    expect(drillSeconds(r, T0 + 20_000)).toBe(1200);
  });

  it('skips a chosen inject for good and fires another chosen one early', () => {
    const j = new Journal();
    act(j, 'fac', T0, { kind: 'start', speed: 1 });
    expect(act(j, 'fac', T0 + 1000, { kind: 'skip', injectId: 'ask' }).events).toEqual([{ kind: 'exercise.clock', data: { control: 'skip', speed: 1, simSeconds: 1, detail: 'skipped ask', inject: 'ask' } }]);
    expect(act(j, 'fac', T0 + 2000, { kind: 'fire', injectId: 'ask' }).refused).toBe('drill: inject ask was skipped');
    act(j, 'fac', T0 + 3000, { kind: 'fire', injectId: 'restore' });
    act(j, 'fac', T0 + 3_600_000, { kind: 'tick' });
    const r = foldDrill(j.events);
    expect(r.skipped).toEqual(['ask']);
    expect(Object.keys(r.fired)).toEqual(['alarm', 'restore']);
    expect(r.fired.restore).toMatchObject({ firedAtSeconds: 3, how: 'early' });
  });

  it('F and J with nothing left say so and how many were skipped, not that every inject fired', () => {
    const j = new Journal();
    act(j, 'fac', T0, { kind: 'start', speed: 1 });
    act(j, 'fac', T0 + 1000, { kind: 'skip', injectId: 'ask' });
    act(j, 'fac', T0 + 2000, { kind: 'fire' });
    const said = 'drill: nothing left to fire (2 fired, 1 skipped)';
    expect(act(j, 'fac', T0 + 3000, { kind: 'fire' }).refused).toBe(said);
    expect(act(j, 'fac', T0 + 3000, { kind: 'next' }).refused).toBe(said);
  });

  it('F and J once every inject fired say that nothing is left to fire', () => {
    const j = new Journal();
    act(j, 'fac', T0, { kind: 'start', speed: 1 });
    act(j, 'fac', T0 + 1000, { kind: 'fire' });
    act(j, 'fac', T0 + 2000, { kind: 'fire' });
    expect(act(j, 'fac', T0 + 3000, { kind: 'next' }).refused).toBe('drill: nothing left to fire (every inject has fired)');
  });

  it('stops the clock at an explicit end and at resolution; nothing fires after', () => {
    const j = new Journal();
    act(j, 'fac', T0, { kind: 'start', speed: 1 });
    act(j, 'fac', T0 + 30_000, { kind: 'end' });
    const r = foldDrill(j.events);
    expect(r.ended).toMatchObject({ atSeconds: 30, reason: 'ended' });
    expect(drillSeconds(r, T0 + 3_600_000)).toBe(30);
    expect(act(j, 'fac', T0 + 3_600_000, { kind: 'tick' }).events).toEqual([]);
    expect(act(j, 'fac', T0 + 3_600_000, { kind: 'fire' }).refused).toMatch(/^drill: it ended at T\+0:30/);

    const k = new Journal();
    act(k, 'fac', T0, { kind: 'start', speed: 2 });
    k.append('pat', T0 + 40_000, [{ kind: 'status.changed', data: { status: 'resolved' } }]);
    const rk = foldDrill(k.events);
    expect(rk.ended).toMatchObject({ atSeconds: 80, reason: 'resolved' });
    expect(drillSeconds(rk, T0 + 100_000)).toBe(80);
  });

  it('hands control over explicitly: the old controller is refused, the new one drives', () => {
    const j = new Journal();
    act(j, 'fac', T0, { kind: 'start', speed: 1 });
    expect(act(j, 'fac', T0 + 1000, { kind: 'handover', to: 'fac' }).refused).toBeDefined();
    act(j, 'fac', T0 + 1000, { kind: 'handover', to: 'deputy' });
    expect(foldDrill(j.events).controller).toBe('deputy');
    expect(act(j, 'fac', T0 + 2000, { kind: 'pause' }).refused).toContain('deputy controls this drill');
    expect(act(j, 'deputy', T0 + 2000, { kind: 'pause' }).events).toHaveLength(1);
  });

  it('gives back the role a participant had once they hand control on: an evaluator who held it evaluates again', () => {
    const j = new Journal();
    act(j, 'fac', T0, { kind: 'start', speed: 1 });
    act(j, 'eve', T0 + 100, { kind: 'join', role: 'evaluator' });
    act(j, 'fac', T0 + 1000, { kind: 'handover', to: 'eve' });
    expect(foldDrill(j.events).roles).toEqual({ fac: 'observer', eve: 'controller' });
    act(j, 'eve', T0 + 2000, { kind: 'handover', to: 'fac' });
    expect(foldDrill(j.events).roles).toEqual({ fac: 'controller', eve: 'evaluator' });
  });

  it('fires every inject exactly once under any interleaving of consoles, lagging reads, quits and restarts', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = seededRandom(seed);
      const j = new Journal();
      // Each console reads the journal up to some point (a lagging follow) and decides on what it read.
      const consoles = ['fac', 'fac', 'pat', 'eve', 'fac2'].map((actor) => ({ actor, seen: 1 }));
      let wall = T0;
      for (let step = 0; step < 120; step++) {
        wall += Math.floor(rand() * 40_000);
        const c = consoles[Math.floor(rand() * consoles.length)]!;
        if (rand() < 0.1) c.seen = 1; // restarted: reads from the start again
        c.seen = Math.min(j.events.length, c.seen + Math.floor(rand() * 4));
        const seen = j.events.slice(0, c.seen);
        const r = foldDrill(seen);
        const pick = rand();
        const a: DrillAct = pick < 0.5 ? { kind: 'tick' } : pick < 0.6 ? { kind: 'start', speed: 5 } : pick < 0.7 ? { kind: 'fire' } : pick < 0.8 ? { kind: 'next' } : pick < 0.9 ? { kind: 'pause' } : { kind: 'resume' };
        const d = decideDrill(r, schedule, c.actor, wall, a);
        if (d.events.length) j.append(c.actor, wall, d.events, r.headSeq);
      }
      const fired = j.events.filter((e) => e.kind === 'exercise.inject').map((e) => String(e.data.inject));
      expect(new Set(fired).size, `seed ${seed}: ${fired.join(',')}`).toBe(fired.length);
      expect(j.events.filter((e) => e.kind === 'exercise.clock' && e.data.control === 'start')).toHaveLength(fired.length ? 1 : j.events.some((e) => e.kind === 'exercise.clock') ? 1 : 0);
    }
  });
});
