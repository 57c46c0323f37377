// The AAR/IP of a drill from its timeline: CISA's sections, every figure on drill time, every finding citing
// the events it rests on, credit only for players' acts after the inject, ratings from the evaluators' marks.
import { describe, expect, it } from 'vitest';
import { buildAar, decideDrill, foldDrill, foldIncident, scheduleDrill, type DrillAct, type NewEvent, type TimelineEvent } from '../../src/core/index.js';
import { renderAarMarkdown } from '../../src/report/aar-markdown.js';
import { findScenario, loadCatalog } from '../../src/scenarios/index.js';

const SCENARIO = findScenario(loadCatalog({}), 'dynamodb-table-corruption');
const PARAMS = Object.fromEntries(Object.entries(SCENARIO.params).map(([k, p]) => [k, p.example]));
const schedule = scheduleDrill(SCENARIO.injects, PARAMS);
const T0 = Date.parse('2026-12-03T10:00:00.000Z');

function timeline() {
  const events: TimelineEvent[] = [];
  const add = (actor: string, wall: number, batch: NewEvent[]) => {
    for (const n of batch) {
      const seq = events.length + 1;
      events.push({ seq, ts: new Date(wall).toISOString(), actor, kind: n.kind, data: n.data as Record<string, unknown>, prev: '', hash: String(seq) });
    }
    return events.at(-1)!;
  };
  const act = (actor: string, wall: number, a: DrillAct) => add(actor, wall, decideDrill(foldDrill(events), schedule, actor, wall, a).events);
  add('fac', T0, [{ kind: 'incident.opened', data: { id: 'INC-20261203-DRIL', title: 'Exercise: table corruption', severity: 'SEV2', mode: 'exercise', scenarios: [SCENARIO.id], params: PARAMS } }]);
  act('fac', T0, { kind: 'start', speed: 60 }); // missing-records at T+0:00
  act('pat', T0 + 500, { kind: 'join', role: 'player' });
  act('eve', T0 + 600, { kind: 'join', role: 'evaluator' });
  add('fac', T0 + 1_000, [{ kind: 'note', data: { text: 'facilitator: push for a commander' } }]); // T+1:00, no credit
  const assigned = add('pat', T0 + 2_000, [{ kind: 'role.assigned', data: { role: 'incident-commander', name: 'pat' } }]); // T+2:00
  act('fac', T0 + 5_000, { kind: 'tick' }); // errors-rise at T+5:00
  act('fac', T0 + 6_000, { kind: 'pause' });
  act('fac', T0 + 600_000, { kind: 'resume' }); // ten wall minutes paused: no drill time passes
  act('fac', T0 + 600_500, { kind: 'fire' }); // writer-alarm (T+7:00) early at T+6:30
  add('eve', T0 + 602_000, [{ kind: 'exercise.marked', data: { inject: 'missing-records', rating: 'met', note: 'commander named fast', suggested: assigned.seq } }]);
  add('eve', T0 + 603_000, [{ kind: 'exercise.marked', data: { inject: 'errors-rise', rating: 'not-met', note: 'nobody decided on writes' } }]);
  add('pat', T0 + 604_000, [{ kind: 'action_item.added', data: { text: 'Write down who decides to stop writes (inject errors-rise)', owner: 'pat' } }]);
  act('fac', T0 + 605_000, { kind: 'skip', injectId: 'exec-asks' }); // T+11:00
  const end = act('fac', T0 + 610_000, { kind: 'end' });
  return { events, assigned, end };
}

describe('the AAR/IP', () => {
  const { events, assigned, end } = timeline();
  const model = buildAar({
    state: foldIncident(events),
    events,
    scenario: { id: SCENARIO.id, title: SCENARIO.title, summary: SCENARIO.summary, impact: SCENARIO.impact },
    injects: SCENARIO.injects,
    objectives: SCENARIO.exercise_objectives,
  });
  const md = renderAarMarkdown(model);

  it("has CISA's sections: overview, analysis per objective with a rating, improvement plan", () => {
    for (const h of ['# After-Action Report / Improvement Plan', '## Exercise overview', '## Analysis of core capabilities', '### Objective 1:', '#### Strengths', '#### Areas for improvement', 'Root cause:', '## Appendix A: Improvement plan']) expect(md).toContain(h);
    expect(md).toContain('| Core capability | Issue / area for improvement | Corrective action | Owner | Organisation | Start date | Completion date | Status | Cites |');
    expect(md).toMatch(/Participants \| controller: fac<br>player: pat<br>evaluator: eve/);
    expect(model.analysis.map((a) => a.rating)).toEqual(['Performed without Challenges (P)', 'Performed with Major Challenges (M)', 'not exercised (no inject of this objective fired)']);
  });

  it('puts every figure on drill time: a pause of ten wall minutes adds nothing, the end is where the clock stopped', () => {
    expect(model.duration).toBe('T+16:00'); // 6:00 before the pause, 10:00 after the resume at x60
    expect(model.ended).toBe(`ended by the controller at T+16:00 [#${end.seq}]`);
    const rows = Object.fromEntries(model.injectTable.map((f) => [f.inject, [f.scheduledAt, f.firedAt, f.how]]));
    expect(rows).toEqual({ 'missing-records': [0, 0, 'scheduled'], 'errors-rise': [300, 300, 'scheduled'], 'writer-alarm': [420, 390, 'early'] });
    expect(md).not.toMatch(/\d\d:\d\d(:\d\d)? ?UTC|T\d\d:\d\d/); // no wall-clock time of day anywhere
    expect(md).toMatch(/Skipped by the controller: exec-asks \(due T\+30:00\) at T\+11:00 \[#\d+\]\./);
  });

  it("credits only a player's act after the inject, not the facilitator's note, and cites it", () => {
    const first = model.injectTable.find((f) => f.inject === 'missing-records')!;
    expect(first.credit).toEqual({ seq: assigned.seq, at: 120, kind: 'role.assigned', actor: 'pat', after: 120 });
    expect(md).toContain(`role.assigned by pat at T+2:00, 2:00 after the inject [#${assigned.seq}]`);
  });

  it('cites timeline events in every finding and takes the corrective action from an action item naming the inject', () => {
    const findings = md.split('\n').filter((l) => /^- inject /.test(l));
    expect(findings.length).toBeGreaterThan(0);
    for (const l of findings) expect(l).toMatch(/\[#\d+\]/);
    const row = model.plan.find((p) => p.issue.startsWith('inject errors-rise'))!;
    expect(row).toMatchObject({ capability: 'Infrastructure Systems', owner: 'pat', status: 'Not started', action: expect.stringMatching(/^Write down who decides to stop writes .* \[#\d+\]$/) });
    expect(row.issue).toContain('nobody decided on writes');
  });
});
