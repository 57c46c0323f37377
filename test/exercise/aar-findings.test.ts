// Where the AAR/IP places what names no objective, what counts as an inject's response, and what a skipped
// inject line and the citation hint say.
import { describe, expect, it } from 'vitest';
import { buildAar, decideDrill, foldDrill, foldIncident, scheduleDrill, suggestCredit, type DrillAct, type NewEvent, type TimelineEvent } from '../../src/core/index.js';
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
  add('fac', T0, [{ kind: 'incident.opened', data: { id: 'INC-20261203-FIND', title: 'Exercise: table corruption', severity: 'SEV2', mode: 'exercise', scenarios: [SCENARIO.id], params: PARAMS } }]);
  act('fac', T0, { kind: 'start', speed: 60 });
  act('pat', T0 + 500, { kind: 'join', role: 'player' });
  act('quinn', T0 + 600, { kind: 'join', role: 'player' });
  // T+1:00: an inject written during the drill, with no objective and no expected kinds.
  const added = act('fac', T0 + 1_000, { kind: 'add', inject: { title: 'Regulator calls', text: 'The regulator asks for a written statement.', expect: 'A written answer' } });
  // Neither a discussion answer nor a reflection note answers it.
  add('quinn', T0 + 1_500, [{ kind: 'exercise.answer', data: { question: 'who-stops-writes', form: 'discussion', text: 'the incident commander', role: 'player', atSeconds: 90 } }]);
  add('pat', T0 + 1_700, [{ kind: 'note', data: { text: 'improve: nobody owned the stop-writes call' } }]);
  const reply = add('pat', T0 + 2_000, [{ kind: 'note', data: { text: 'Drafted the statement for the regulator' } }]);
  // T+2:30: a second added inject due at T+20:00, skipped before it fires.
  add('fac', T0 + 2_500, decideDrill(foldDrill(events), schedule, 'fac', T0 + 2_500, { kind: 'add', inject: { title: 'Press asks', text: 'A reporter calls.', atSeconds: 1200 } }).events);
  const later = foldDrill(events).added.find((i) => i.atSeconds === 1200)!;
  act('fac', T0 + 3_000, { kind: 'skip', injectId: later.id });
  act('fac', T0 + 4_000, { kind: 'end' });
  const addedInject = events.find((e) => e.kind === 'exercise.inject' && e.seq <= added.seq + 1 && String(e.data.inject).startsWith('added-'))!;
  return { events, addedInject, reply, later };
}

describe('the AAR/IP, findings that name no objective', () => {
  const { events, addedInject, reply, later } = timeline();
  const model = buildAar({
    state: foldIncident(events),
    events,
    scenario: { id: SCENARIO.id, title: SCENARIO.title, summary: SCENARIO.summary, impact: SCENARIO.impact },
    injects: SCENARIO.injects,
    objectives: SCENARIO.exercise_objectives,
  });
  const md = renderAarMarkdown(model);

  it('analyses an inject written during the drill apart from the objectives, not under the first one', () => {
    const first = model.analysis[0]!;
    expect(first.injects.map((f) => f.inject)).not.toContain(String(addedInject.data.inject));
    const other = model.analysis.find((a) => a.injects.some((f) => f.inject === String(addedInject.data.inject)));
    expect(other?.objective.id).toBe('other');
    expect(md).toContain('### Other findings');
    expect(md).not.toMatch(/### Objective 4/);
  });

  it('puts a reflection note with the other findings too', () => {
    expect(model.analysis[0]!.improvements.map((i) => i.text).join('\n')).not.toContain('nobody owned the stop-writes call');
    expect(model.analysis.find((a) => a.objective.id === 'other')!.improvements.map((i) => i.text).join('\n')).toContain('nobody owned the stop-writes call');
  });

  it('does not take a discussion answer or an improve: note as the response to an inject', () => {
    expect(suggestCredit(events, addedInject, foldDrill(events))?.seq).toBe(reply.seq);
    expect(model.injectTable.find((f) => f.inject === String(addedInject.data.inject))?.credit?.seq).toBe(reply.seq);
  });

  it('names a skipped inject with its title and when it was due', () => {
    expect(md).toMatch(new RegExp(`Skipped by the controller: ${later.id} \\(Press asks, due T\\+20:00\\) at T\\+3:00 \\[#\\d+\\]`));
  });

  it('tells the reader where the cited events are listed', () => {
    expect(md).toContain(`(\`warroom timeline ${model.incident}\`)`);
  });
});
