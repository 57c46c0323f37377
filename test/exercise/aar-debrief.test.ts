// The AAR/IP's debrief: the discussion answers per question, the hotwash and the feedback summary, each line
// citing its events, and the improvement plan's owner, organisation and dates as set (or "not set").
import { describe, expect, it } from 'vitest';
import { buildAar, decideAnswer, decideDrill, decideHotwash, decidePlan, foldDrill, foldIncident, questionsAsked, scheduleDrill, type DrillAct, type NewEvent, type TimelineEvent } from '../../src/core/index.js';
import { renderAarMarkdown } from '../../src/report/aar-markdown.js';
import { findScenario, loadCatalog } from '../../src/scenarios/index.js';

const SCENARIO = findScenario(loadCatalog({}), 'dynamodb-table-corruption');
const PARAMS = Object.fromEntries(Object.entries(SCENARIO.params).map(([k, p]) => [k, p.example]));
const schedule = scheduleDrill(SCENARIO.injects, PARAMS);
const T0 = Date.parse('2026-12-03T10:00:00.000Z');

function run(opts: { settle: boolean }) {
  const events: TimelineEvent[] = [];
  const add = (actor: string, wall: number, batch: NewEvent[]) => {
    for (const n of batch) {
      const seq = events.length + 1;
      events.push({ seq, ts: new Date(wall).toISOString(), actor, kind: n.kind, data: n.data as Record<string, unknown>, prev: '', hash: String(seq) });
    }
    return events.at(-1)!;
  };
  const act = (actor: string, wall: number, a: DrillAct) => add(actor, wall, decideDrill(foldDrill(events), schedule, actor, wall, a).events);
  const answer = (actor: string, wall: number, q: string, text: string) => {
    const r = foldDrill(events);
    const d = decideAnswer(r, events, questionsAsked(r, SCENARIO.injects, SCENARIO.exercise_modules), actor, wall, q, text);
    if (d.refused) throw new Error(d.refused);
    return add(actor, wall, d.events);
  };
  add('fac', T0, [{ kind: 'incident.opened', data: { id: 'INC-20261203-DRIL', title: 'Exercise: table corruption', severity: 'SEV2', mode: 'exercise', scenarios: [SCENARIO.id], params: PARAMS } }]);
  act('fac', T0, { kind: 'start', speed: 60 });
  act('pat', T0 + 100, { kind: 'join', role: 'player' });
  act('quinn', T0 + 200, { kind: 'join', role: 'player' });
  act('eve', T0 + 300, { kind: 'join', role: 'evaluator' });
  const patSaid = answer('pat', T0 + 1_000, 'who-stops-writes', 'the senior engineer on call'); // T+1:00
  const quinnSaid = answer('quinn', T0 + 1_500, 'who-stops-writes', 'not written down anywhere'); // T+1:30
  const patFix = answer('pat', T0 + 2_000, 'who-stops-writes', 'the senior engineer on call, per level 2 of the escalation');
  act('fac', T0 + 5_000, { kind: 'tick' }); // errors-rise at T+5:00
  add('eve', T0 + 6_000, [{ kind: 'exercise.marked', data: { inject: 'errors-rise', rating: 'not-met', note: 'nobody decided on writes' } }]);
  add('fac', T0 + 6_500, decideHotwash(foldDrill(events), events, 'fac', T0 + 6_500).events); // T+6:30
  const strength = answer('pat', T0 + 7_000, 'hotwash-strengths', 'the commander was named fast');
  const improvement = answer('quinn', T0 + 7_100, 'hotwash-improvements', 'write down who may stop writes');
  answer('pat', T0 + 7_200, 'feedback-rating', '4');
  answer('quinn', T0 + 7_300, 'feedback-rating', '2');
  answer('eve', T0 + 7_400, 'feedback-rating', '5');
  const useful = answer('quinn', T0 + 7_500, 'feedback-most-useful', 'walking the PITR choice');
  act('fac', T0 + 8_000, { kind: 'end' });
  if (opts.settle) {
    const aar = build(events);
    const keys = aar.plan.map((p) => p.key);
    const set = (actor: string, issue: string, given: Record<string, string>) => add(actor, T0 + 9_000, decidePlan(foldDrill(events), events, keys, actor, issue, given).events);
    set('eve', 'errors-rise', { owner: 'pat', organisation: 'Platform team', start: '2027-01-04', completion: '2027-01-29' });
    set('fac', 'errors-rise', { owner: 'quinn', action: 'Name who stops writes in the runbook' }); // a later setting wins
    set('fac', `#${improvement.seq}`, { organisation: 'Ops' });
  }
  return { events, patSaid, quinnSaid, patFix, strength, improvement, useful };
}

const build = (events: readonly TimelineEvent[]) =>
  buildAar({
    state: foldIncident(events),
    events,
    scenario: { id: SCENARIO.id, title: SCENARIO.title, summary: SCENARIO.summary, impact: SCENARIO.impact },
    injects: SCENARIO.injects,
    objectives: SCENARIO.exercise_objectives,
    modules: SCENARIO.exercise_modules,
  });

describe('the AAR/IP debrief', () => {
  const r = run({ settle: true });
  const model = build(r.events);
  const md = renderAarMarkdown(model);

  it('lists the discussion answers per question, by module, with who, role, drill time and citations; amendments shown', () => {
    expect(md).toContain('## Discussion questions');
    expect(md).toContain('### Module 1: detection and ownership');
    expect(md).toMatch(/\*\*who-stops-writes\*\*: Who has the authority to stop writes .* \(asked at T\+0:00 when missing-records fired \[#\d+\]\)/);
    expect(md).toContain(`- pat (player) at T+1:00: the senior engineer on call, per level 2 of the escalation [#${r.patSaid.seq}] (amended [#${r.patFix.seq}])`);
    expect(md).toContain(`- quinn (player) at T+1:30: not written down anywhere [#${r.quinnSaid.seq}]`);
    expect(md).toMatch(/\*\*restore-point\*\*: .* \(not asked: no inject of its module fired\)/);
    expect(md).toMatch(/\*\*scope-of-loss\*\*: .*\n\n- no answer recorded/);
  });

  it('gives the hotwash: strengths and areas for improvement per participant, citing each answer', () => {
    expect(md).toContain('## Hotwash');
    expect(md).toMatch(/Opened by the controller at T\+6:30 \[#\d+\]\./);
    expect(md).toContain(`- the commander was named fast (pat, player) [#${r.strength.seq}]`);
    expect(md).toContain(`- write down who may stop writes (quinn, player) [#${r.improvement.seq}]`);
  });

  it('sums up the participant feedback: median and count of the ratings, and the comments', () => {
    expect(md).toContain('## Appendix C: Participant feedback summary');
    expect(md).toMatch(/Rating of the exercise \(1 to 5\): median 4 from 3 ratings \(4, 2, 5\) \[#\d+\] \[#\d+\] \[#\d+\]/);
    expect(md).toContain(`- quinn (player): walking the PITR choice [#${r.useful.seq}]`);
    expect(md).toMatch(/What would you change about the exercise\?\n\n- no answer recorded/);
  });

  it("takes the plan's owner, organisation and dates from the settings, the latest winning, and cites them", () => {
    const row = model.plan.find((p) => p.key === 'errors-rise')!;
    expect(row).toMatchObject({ action: 'Name who stops writes in the runbook', owner: 'quinn', organisation: 'Platform team', start: '2027-01-04', completion: '2027-01-29', status: 'Not started' });
    expect(row.cite).toMatch(/\[#\d+\] \[#\d+\]$/);
    const hot = model.plan.find((p) => p.key === String(r.improvement.seq))!;
    expect(hot).toMatchObject({ issue: 'write down who may stop writes (quinn, hotwash)', organisation: 'Ops', owner: 'not set', start: 'not set', completion: 'not set' });
    expect(md).toMatch(/\| errors-rise \| Infrastructure Systems \|/);
  });

  it('says "not set" for what nobody set: no invented start date or owner', () => {
    const bare = build(run({ settle: false }).events);
    const row = bare.plan.find((p) => p.key === 'errors-rise')!;
    expect(row).toMatchObject({ owner: 'not set', organisation: 'not set', start: 'not set', completion: 'not set' });
  });

  it('reports a drill with no questions, hotwash or feedback honestly', () => {
    const events = run({ settle: false }).events.filter((e) => !['exercise.answer', 'exercise.hotwash', 'amend'].includes(e.kind));
    const text = renderAarMarkdown(build(events));
    expect(text).toMatch(/## Hotwash\n\nOpened when the drill ended at T\+\d+:\d\d \[#\d+\]\.\n\n#### Strengths\n\n- none recorded/);
    expect(text).toContain('Rating of the exercise (1 to 5): no rating recorded');
  });
});

describe('questions outside a module', () => {
  it("an inject's own questions are listed under their own heading; one whose inject never fired says so", () => {
    const aurora = findScenario(loadCatalog({}), 'aurora-failover');
    const sched = scheduleDrill(aurora.injects, { cluster: 'orders-db' });
    const events: TimelineEvent[] = [];
    const add = (actor: string, wall: number, batch: NewEvent[]) => batch.forEach((n) => events.push({ seq: events.length + 1, ts: new Date(wall).toISOString(), actor, kind: n.kind, data: n.data as Record<string, unknown>, prev: '', hash: '' }));
    add('fac', T0, [{ kind: 'incident.opened', data: { id: 'INC-20261203-AURO', title: 'Exercise: Aurora', severity: 'SEV2', mode: 'exercise', scenarios: [aurora.id], params: { cluster: 'orders-db' } } }]);
    add('fac', T0, decideDrill(foldDrill(events), sched, 'fac', T0, { kind: 'start', speed: 1 }).events);
    const md = renderAarMarkdown(buildAar({ state: foldIncident(events), events, scenario: { id: aurora.id, title: aurora.title, summary: aurora.summary, impact: aurora.impact }, injects: aurora.injects, objectives: [], modules: aurora.exercise_modules }));
    expect(md).toContain('### Questions outside a module');
    expect(md).toMatch(/\*\*wait-or-force\*\*: .* \(asked at T\+0:00 when writer-down fired \[#\d+\]\)\n\n- no answer recorded/);
    expect(md).toMatch(/\*\*endpoint-check\*\*: .* \(not asked: its inject failover-done did not fire\)/);
  });
});
