// Injects aimed at an audience and a channel, injects written during the drill, and a lease held by a console:
// who sees what, each inject fired exactly once whoever writes it, and one driver per drill even when the same
// person has two terminals open.
import { describe, expect, it } from 'vitest';
import {
  buildAar,
  decideDrill,
  foldDrill,
  hiddenFrom,
  injectsFor,
  isForViewer,
  parseAudience,
  parseDrillAt,
  recordsSimulation,
  roleOf,
  scheduleDrill,
  seededRandom,
  type DrillAct,
  type DrillViewer,
  type DrillWho,
  type IncidentState,
  type InjectLike,
  type NewEvent,
  type TimelineEvent,
} from '../../src/core/index.js';

const injects: InjectLike[] = [
  { id: 'ticket', at_seconds: 0, kind: 'message', text: 'Three customers say entries are gone.', facilitator: 'read it' },
  { id: 'exec-mail', at_seconds: 600, kind: 'message', text: 'What do I tell customers?', facilitator: 'push', audience: ['comms-lead'], channel: { kind: 'email', from: 'Engineering manager', subject: 'Customers asking' } },
  { id: 'press', at_seconds: 900, kind: 'message', text: 'Outage reported at the log service', facilitator: 'ask', audience: ['player'], channel: 'media' },
  { id: 'oncall', at_seconds: 1200, kind: 'alarm', text: 'lambda errors over threshold', facilitator: 'wait', audience: ['@pat'], channel: { kind: 'pager', from: 'PagerDuty' } },
];
const schedule = scheduleDrill(injects, {});
const T0 = Date.parse('2026-12-03T10:00:00.000Z');

class Journal {
  events: TimelineEvent[] = [{ seq: 1, ts: new Date(T0).toISOString(), actor: 'x', kind: 'incident.opened', data: {}, prev: '', hash: '1' }];
  append(actor: string, wall: number, batch: NewEvent[], afterSeq?: number): boolean {
    const head = this.events.at(-1)!.seq;
    if (afterSeq !== undefined && afterSeq !== head) return false;
    batch.forEach((n, i) => this.events.push({ seq: head + i + 1, ts: new Date(wall).toISOString(), actor, kind: n.kind, data: n.data as Record<string, unknown>, prev: '', hash: String(head + i + 1) }));
    return true;
  }
}

const act = (j: Journal, who: DrillWho, wall: number, a: DrillAct) => {
  const r = foldDrill(j.events);
  const d = decideDrill(r, schedule, who, wall, a);
  if (d.events.length) j.append(typeof who === 'string' ? who : who.actor, wall, d.events, r.headSeq);
  return d;
};

const fac = { actor: 'fac', console: 'c-fac1' };
const fac2 = { actor: 'fac', console: 'c-fac2' };
const pat = { actor: 'pat', console: 'c-pat' };
const quinn = { actor: 'quinn', console: 'c-quinn' };
const viewer = (actor: string, role: DrillViewer['role'], incidentRoles: Record<string, string[]> = {}): DrillViewer => ({ actor, role, incidentRoles });

describe('who sees an inject', () => {
  it.each([
    [undefined, viewer('pat', 'player'), true],
    [['player'], viewer('pat', 'player'), true],
    [['player'], viewer('olga', 'observer'), false],
    [['comms-lead'], viewer('quinn', 'player', { 'comms-lead': ['Quinn'] }), true],
    [['comms-lead'], viewer('pat', 'player', { 'comms-lead': ['quinn'] }), false],
    [['@pat'], viewer('pat', 'player'), true],
    [['@pat'], viewer('quinn', 'player'), false],
    [['@pat'], viewer('fac', 'controller'), true],
    [['@pat'], viewer('eve', 'evaluator'), true],
    [['observer', 'comms-lead'], viewer('olga', 'observer'), true],
  ])('audience %j, viewer %j: %s', (audience, v, sees) => {
    expect(isForViewer(audience, v)).toBe(sees);
  });

  it('reads an audience as typed', () => {
    expect(parseAudience('player, comms-lead  @pat')).toEqual(['player', 'comms-lead', '@pat']);
    expect(parseAudience('everyone')).toEqual([]);
    expect(parseAudience('  ')).toEqual([]);
  });

  it('shows a console only the fired injects aimed at it, with their channel; the controller and evaluators see all', () => {
    const j = new Journal();
    act(j, fac, T0, { kind: 'start', speed: 1 });
    act(j, pat, T0, { kind: 'join', role: 'player' });
    act(j, quinn, T0, { kind: 'join', role: 'player' });
    j.append('quinn', T0 + 1000, [{ kind: 'role.assigned', data: { role: 'comms-lead', name: 'quinn' } }]);
    act(j, fac, T0 + 1_300_000, { kind: 'tick' });
    const roles = { 'comms-lead': ['quinn'] };
    const seen = (v: DrillViewer) => injectsFor(j.events, v).map((d) => d.inject);
    expect(seen(viewer('fac', 'controller'))).toEqual(['ticket', 'exec-mail', 'press', 'oncall']);
    expect(seen(viewer('eve', 'evaluator'))).toEqual(['ticket', 'exec-mail', 'press', 'oncall']);
    expect(seen(viewer('quinn', 'player', roles))).toEqual(['ticket', 'exec-mail', 'press']);
    expect(seen(viewer('pat', 'player', roles))).toEqual(['ticket', 'press', 'oncall']);
    expect(seen(viewer('olga', 'observer', roles))).toEqual(['ticket']);
    const mail = injectsFor(j.events, viewer('quinn', 'player', roles)).find((d) => d.inject === 'exec-mail')!;
    expect(mail).toMatchObject({ audience: ['comms-lead'], channel: { kind: 'email', from: 'Engineering manager', subject: 'Customers asking' }, added: false });
    // The timeline hides the same events from the same console.
    const hidden = hiddenFrom(j.events, viewer('pat', 'player', roles));
    const mailSeq = j.events.find((e) => e.kind === 'exercise.inject' && e.data.inject === 'exec-mail')!.seq;
    expect([...hidden]).toEqual([mailSeq]);
    expect(hiddenFrom(j.events, viewer('fac', 'controller')).size).toBe(0);
  });

  it('hides the skip of an inject aimed at someone else, and of an inject whose audience it does not know', () => {
    const j = new Journal();
    act(j, fac, T0, { kind: 'start', speed: 1 });
    act(j, fac, T0 + 1000, { kind: 'skip', injectId: 'oncall' }); // for @pat
    act(j, fac, T0 + 2000, { kind: 'skip', injectId: 'exec-mail' }); // for comms-lead
    const skipOf = (id: string) => j.events.find((e) => e.kind === 'exercise.clock' && e.data.inject === id)!.seq;
    const script = new Map(schedule.map((i) => [i.id, i.audience ?? []]));
    expect(hiddenFrom(j.events, viewer('pat', 'player'), script)).toEqual(new Set([skipOf('exec-mail')]));
    expect(hiddenFrom(j.events, viewer('quinn', 'player'), script)).toEqual(new Set([skipOf('oncall'), skipOf('exec-mail')]));
    expect(hiddenFrom(j.events, viewer('pat', 'player'))).toEqual(new Set([skipOf('oncall'), skipOf('exec-mail')])); // no script at hand
    expect(hiddenFrom(j.events, viewer('eve', 'evaluator'), script).size).toBe(0);
  });
});

describe('an inject written during the drill', () => {
  it('fires now in the same append, once, for its audience only', () => {
    const j = new Journal();
    act(j, fac, T0, { kind: 'start', speed: 1 });
    const d = act(j, fac, T0 + 30_000, { kind: 'add', inject: { title: 'Regulator calls', text: 'The regulator asks for a written timeline by noon.', audience: ['@quinn'], channel: { kind: 'email', from: 'Regulator' }, expect: 'The commander answers in writing' } });
    expect(d.events.map((e) => e.kind)).toEqual(['exercise.added', 'exercise.inject']);
    expect(d.events[1]!.data).toMatchObject({ inject: 'added-1', firedAtSeconds: 30, audience: ['@quinn'], channel: { kind: 'email', from: 'Regulator' }, title: 'Regulator calls', added: true });
    for (let k = 1; k <= 5; k++) act(j, fac, T0 + 30_000 + k * 1000, { kind: 'tick' });
    expect(j.events.filter((e) => e.kind === 'exercise.inject' && e.data.inject === 'added-1')).toHaveLength(1);
    expect(injectsFor(j.events, viewer('quinn', 'player')).map((x) => x.inject)).toContain('added-1');
    expect(injectsFor(j.events, viewer('pat', 'player')).map((x) => x.inject)).not.toContain('added-1');
  });

  it('waits for a later drill time, hidden from players until it fires, then fires once on the tick', () => {
    const j = new Journal();
    act(j, fac, T0, { kind: 'start', speed: 1 });
    const d = act(j, fac, T0 + 10_000, { kind: 'add', inject: { title: 'Press call', text: 'A reporter asks about lost data.', channel: { kind: 'media', from: 'The Ledger' }, atSeconds: 60 } });
    expect(d.events.map((e) => e.kind)).toEqual(['exercise.added']);
    expect(hiddenFrom(j.events, viewer('pat', 'player')).has(j.events.at(-1)!.seq)).toBe(true);
    act(j, fac, T0 + 59_000, { kind: 'tick' });
    expect(foldDrill(j.events).fired['added-1']).toBeUndefined();
    act(j, fac, T0 + 61_000, { kind: 'tick' });
    act(j, fac, T0 + 62_000, { kind: 'tick' });
    const fired = j.events.filter((e) => e.kind === 'exercise.inject' && e.data.inject === 'added-1');
    expect(fired).toHaveLength(1);
    expect(fired[0]!.data).toMatchObject({ offsetSeconds: 60, how: 'scheduled', added: true, channel: { kind: 'media', from: 'The Ledger' } });
    // The K list and the end count know it like a scripted inject.
    expect(act(j, fac, T0 + 63_000, { kind: 'end' }).events[0]!.data).toMatchObject({ detail: '2/5 injects fired' });
  });

  it('is refused to anyone but the controller, and without a title or text', () => {
    const j = new Journal();
    act(j, fac, T0, { kind: 'start', speed: 1 });
    act(j, pat, T0, { kind: 'join', role: 'player' });
    expect(act(j, pat, T0 + 1000, { kind: 'add', inject: { title: 't', text: 'x' } }).refused).toContain('fac controls this drill');
    expect(act(j, fac, T0 + 1000, { kind: 'add', inject: { title: ' ', text: 'x' } }).refused).toBe('drill: a new inject needs a title and a text');
    expect(j.events.some((e) => e.kind === 'exercise.added')).toBe(false);
  });

  it('never fires twice however consoles of the controller interleave, lag and restart', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const rand = seededRandom(seed);
      const j = new Journal();
      act(j, fac, T0, { kind: 'start', speed: 5 });
      const consoles = [fac, fac2, pat, { actor: 'fac', console: 'c-fac3' }].map((who) => ({ who, seen: j.events.length }));
      let wall = T0;
      for (let step = 0; step < 100; step++) {
        wall += Math.floor(rand() * 20_000);
        const c = consoles[Math.floor(rand() * consoles.length)]!;
        if (rand() < 0.1) c.seen = 1;
        c.seen = Math.min(j.events.length, c.seen + Math.floor(rand() * 4));
        const r = foldDrill(j.events.slice(0, c.seen));
        const pick = rand();
        const a: DrillAct =
          pick < 0.4 ? { kind: 'tick' } : pick < 0.5 ? { kind: 'start', speed: 5 } : pick < 0.6 ? { kind: 'fire' } : pick < 0.7 ? { kind: 'next' } : pick < 0.85 ? { kind: 'add', inject: { title: `t${step}`, text: 'x', atSeconds: rand() < 0.5 ? undefined! : Math.floor(rand() * 4000) } } : { kind: 'join', role: 'observer' };
        const d = decideDrill(r, schedule, c.who, wall, a);
        if (d.events.length) j.append(c.who.actor, wall, d.events, r.headSeq);
      }
      const fired = j.events.filter((e) => e.kind === 'exercise.inject').map((e) => String(e.data.inject));
      expect(new Set(fired).size, `seed ${seed}: ${fired.join(',')}`).toBe(fired.length);
      const added = j.events.filter((e) => e.kind === 'exercise.added').map((e) => String(e.data.inject));
      expect(new Set(added).size, `seed ${seed}: ${added.join(',')}`).toBe(added.length);
      // Only the console holding the lease at the time moved the clock.
      expect(j.events.filter((e) => e.kind === 'exercise.clock' && e.actor !== 'fac')).toEqual([]);
    }
  });
});

describe('the lease names a console, not a person', () => {
  it('a second terminal of the controller is not a driver: it watches, and is told which console drives', () => {
    const j = new Journal();
    act(j, fac, T0, { kind: 'start', speed: 1 });
    expect(foldDrill(j.events)).toMatchObject({ controller: 'fac', controllerConsole: 'c-fac1' });
    // The same person opens a second terminal without asking to drive: it joins as an observer.
    expect(act(j, fac2, T0 + 1000, { kind: 'join', role: 'player' }).events).toEqual([{ kind: 'exercise.joined', data: { role: 'observer', console: 'c-fac2' } }]);
    const r = foldDrill(j.events);
    expect(roleOf(r, fac2)).toBe('observer');
    expect(roleOf(r, fac)).toBe('controller');
    for (const a of [{ kind: 'pause' }, { kind: 'fire' }, { kind: 'next' }, { kind: 'end' }, { kind: 'skip', injectId: 'press' }, { kind: 'add', inject: { title: 'x', text: 'y' } }] as DrillAct[]) {
      const d = act(j, fac2, T0 + 2000, a);
      expect(d.events).toEqual([]);
      expect(d.refused).toBe('drill: your console c-fac1 controls this drill and this one (c-fac2) is observer; hand over with H there, or open this one with --facilitator to take control here');
    }
    expect(act(j, fac2, T0 + 700_000, { kind: 'tick' }).events).toEqual([]);
    // Only the lease's console records what the simulated AWS does.
    expect(recordsSimulation(foldDrill(j.events), fac)).toBe(true);
    expect(recordsSimulation(foldDrill(j.events), fac2)).toBe(false);
    expect(act(j, fac, T0 + 3000, { kind: 'pause' }).events).toHaveLength(1);
  });

  it('moves only by an explicit, recorded act: a hand-over to a console, or the same person asking to drive here', () => {
    const j = new Journal();
    act(j, fac, T0, { kind: 'start', speed: 1 });
    act(j, fac2, T0, { kind: 'join', role: 'player' });
    act(j, pat, T0, { kind: 'join', role: 'player' });
    // Hand over to the second terminal, by its console id.
    expect(act(j, fac, T0 + 1000, { kind: 'handover', to: 'c-fac2' }).events[0]!.data).toEqual({ holder: 'fac', console: 'c-fac2', from: 'fac', fromConsole: 'c-fac1' });
    expect(act(j, fac, T0 + 2000, { kind: 'pause' }).refused).toContain('your console c-fac2 controls this drill');
    expect(act(j, fac2, T0 + 2000, { kind: 'pause' }).events).toHaveLength(1);
    // The first terminal restarted with --facilitator takes control back, on the record.
    const back = { actor: 'fac', console: 'c-fac9' };
    expect(act(j, back, T0 + 3000, { kind: 'start', speed: 1 }).events[0]).toEqual({ kind: 'exercise.lease', data: { holder: 'fac', console: 'c-fac9', from: 'fac', fromConsole: 'c-fac2', detail: 'took control back in a new console' } });
    expect(act(j, fac2, T0 + 4000, { kind: 'resume' }).refused).toContain('your console c-fac9 controls this drill');
    // Another person asking to drive does not get it.
    expect(act(j, pat, T0 + 4000, { kind: 'start', speed: 1 }).refused).toContain('fac controls this drill');
    // Handed to a person by name: their latest joined console drives, not their other terminals.
    act(j, back, T0 + 5000, { kind: 'handover', to: 'pat' });
    expect(foldDrill(j.events)).toMatchObject({ controller: 'pat', controllerConsole: 'c-pat' });
    expect(act(j, { actor: 'pat', console: 'c-pat2' }, T0 + 6000, { kind: 'resume' }).refused).toContain('your console c-pat controls this drill');
    expect(act(j, pat, T0 + 6000, { kind: 'resume' }).events).toHaveLength(1);
  });

  it('a lease that names only a person (an older journal, a hand-over to someone not yet joined) is taken by their first console', () => {
    const j = new Journal();
    act(j, 'fac', T0, { kind: 'start', speed: 1 });
    expect(foldDrill(j.events).controllerConsole).toBeUndefined();
    expect(act(j, fac, T0 + 1000, { kind: 'join', role: 'player' }).events).toEqual([{ kind: 'exercise.lease', data: { holder: 'fac', console: 'c-fac1', detail: 'taken by the console it was handed to' } }]);
    expect(act(j, fac2, T0 + 1000, { kind: 'pause' }).refused).toContain('your console c-fac1 controls this drill');
    act(j, fac, T0 + 2000, { kind: 'handover', to: 'deputy' });
    expect(foldDrill(j.events)).toMatchObject({ controller: 'deputy' });
    expect(foldDrill(j.events).controllerConsole).toBeUndefined();
    act(j, { actor: 'deputy', console: 'c-d1' }, T0 + 3000, { kind: 'join', role: 'player' });
    expect(act(j, { actor: 'deputy', console: 'c-d2' }, T0 + 4000, { kind: 'pause' }).refused).toContain('your console c-d1 controls this drill');
  });
});

describe('the AAR', () => {
  it('lists each inject with its audience and marks the ones added during the exercise', () => {
    const j = new Journal();
    act(j, fac, T0, { kind: 'start', speed: 1 });
    act(j, fac, T0 + 5_000, { kind: 'add', inject: { title: 'Regulator calls', text: 'Written timeline by noon', audience: ['@quinn'], channel: { kind: 'email' }, expect: 'A written answer' } });
    act(j, fac, T0 + 700_000, { kind: 'tick' });
    const state = { id: 'INC-1', title: 'Exercise: test', openedAt: new Date(T0).toISOString() } as IncidentState;
    const aar = buildAar({ state, events: j.events, scenario: { id: 's', title: 'S', summary: 'x', impact: 'y' }, injects, objectives: [] });
    expect(aar.injectTable.map((f) => [f.inject, f.audience, f.added?.title, f.expected])).toEqual([
      ['ticket', 'everyone', undefined, []],
      ['added-1', '@quinn by email', 'Regulator calls', ['A written answer']],
      ['exec-mail', 'comms-lead by email', undefined, []],
    ]);
  });
});

describe('when a written inject fires', () => {
  it.each([
    ['now', 100, {}],
    ['', 100, {}],
    ['T+25:00', 100, { atSeconds: 1500 }],
    ['25:00', 100, { atSeconds: 1500 }],
    ['t+1:05:00', 100, { atSeconds: 3900 }],
    ['+5m', 100, { atSeconds: 400 }],
    ['in 90s', 100, { atSeconds: 190 }],
    ['+1h', 0, { atSeconds: 3600 }],
    ['soon', 100, { error: '"soon" is not a drill time (now, T+25:00, 25:00 or +5m)' }],
    ['25:75', 100, { error: '"25:75" is not a drill time (now, T+25:00, 25:00 or +5m)' }],
  ])('%j at T+%is is %j', (text, now, want) => {
    expect(parseDrillAt(text, now)).toEqual(want);
  });
});
