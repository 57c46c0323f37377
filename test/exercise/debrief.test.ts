// Discussion questions, the hotwash, the feedback form and the improvement plan's settings, decided and folded
// from the record alone: who answered what, in which role, at which drill time; amendments win in order.
import { describe, expect, it } from 'vitest';
import {
  decideAnswer,
  decideDrill,
  decideHotwash,
  decidePlan,
  feedbackSummary,
  foldAnswers,
  foldDrill,
  planSettings,
  questionsAsked,
  scheduleDrill,
  suggestCredit,
  withoutDebrief,
  type DrillAct,
  type NewEvent,
  type TimelineEvent,
} from '../../src/core/index.js';
import { findScenario, loadCatalog, loadScenarioText } from '../../src/scenarios/index.js';
import { edit } from '../scenarios/fixtures/sample.js';

const SCENARIO = findScenario(loadCatalog({}), 'dynamodb-table-corruption');
const PARAMS = Object.fromEntries(Object.entries(SCENARIO.params).map(([k, p]) => [k, p.example]));
const schedule = scheduleDrill(SCENARIO.injects, PARAMS);
const MODULES = SCENARIO.exercise_modules;
const T0 = Date.parse('2026-12-03T10:00:00.000Z');

function drill() {
  const events: TimelineEvent[] = [];
  const add = (actor: string, wall: number, batch: NewEvent[]) => {
    for (const n of batch) {
      const seq = events.length + 1;
      events.push({ seq, ts: new Date(wall).toISOString(), actor, kind: n.kind, data: n.data as Record<string, unknown>, prev: '', hash: String(seq) });
    }
    return events.at(-1)!;
  };
  const act = (actor: string, wall: number, a: DrillAct) => add(actor, wall, decideDrill(foldDrill(events), schedule, actor, wall, a).events);
  const answer = (actor: string, wall: number, question: string, text: string) => {
    const record = foldDrill(events);
    const d = decideAnswer(record, events, questionsAsked(record, SCENARIO.injects, MODULES), actor, wall, question, text);
    if (d.refused) return d.refused;
    return add(actor, wall, d.events);
  };
  add('fac', T0, [{ kind: 'incident.opened', data: { id: 'INC-20261203-DRIL', title: 'Exercise', severity: 'SEV2', mode: 'exercise', scenarios: [SCENARIO.id], params: PARAMS } }]);
  act('fac', T0, { kind: 'start', speed: 60 });
  act('pat', T0 + 100, { kind: 'join', role: 'player' });
  act('quinn', T0 + 200, { kind: 'join', role: 'player' });
  act('eve', T0 + 300, { kind: 'join', role: 'evaluator' });
  return { events, add, act, answer };
}

describe('discussion questions', () => {
  it("asks a module's questions when its first inject fires, then the inject's own; later injects of the module ask only theirs", () => {
    const { events, act } = drill();
    let asked = questionsAsked(foldDrill(events), SCENARIO.injects, MODULES);
    expect(asked.map((q) => [q.id, q.from.kind, q.from.id, q.atSeconds])).toEqual([
      ['who-stops-writes', 'module', 'detect', 0],
      ['scope-of-loss', 'inject', 'missing-records', 0],
    ]);
    act('fac', T0 + 5_000, { kind: 'tick' }); // errors-rise (detect) at T+5:00: no new question
    act('fac', T0 + 7_000, { kind: 'tick' }); // writer-alarm starts module restore at T+7:00
    asked = questionsAsked(foldDrill(events), SCENARIO.injects, MODULES);
    expect(asked.map((q) => q.id)).toEqual(['who-stops-writes', 'scope-of-loss', 'restore-point', 'rto-impact']);
    expect(asked.find((q) => q.id === 'restore-point')).toMatchObject({ module: 'restore', atSeconds: 420, from: { kind: 'module', title: 'Module 2: restore and verification' } });
  });

  it('records each participant\'s answer with who, role, question and drill time; a second answer amends the first, never edits it', () => {
    const { events, answer } = drill();
    const pat = answer('pat', T0 + 1_000, 'who-stops-writes', 'the on-call senior engineer') as TimelineEvent;
    const eve = answer('eve', T0 + 1_500, 'who-stops-writes', 'nobody knew at first') as TimelineEvent;
    expect(pat.kind).toBe('exercise.answer');
    expect(pat.data).toEqual({ question: 'who-stops-writes', form: 'discussion', text: 'the on-call senior engineer', role: 'player', atSeconds: 60 });
    expect(eve.data).toMatchObject({ role: 'evaluator', atSeconds: 90 });
    const fix = answer('pat', T0 + 2_000, 'who-stops-writes', 'the engineering manager, after the senior engineer') as TimelineEvent;
    expect(fix.kind).toBe('amend');
    expect(fix.data).toEqual({ target: pat.seq, text: 'the engineering manager, after the senior engineer' });
    // Someone else's amend of pat's answer does not speak for pat.
    events.push({ ...fix, seq: events.length + 1, actor: 'quinn', data: { target: pat.seq, text: 'hijacked' } });
    const answers = foldAnswers(events);
    expect(answers.map((a) => [a.actor, a.role, a.question, a.text, a.atSeconds])).toEqual([
      ['pat', 'player', 'who-stops-writes', 'the engineering manager, after the senior engineer', 60],
      ['eve', 'evaluator', 'who-stops-writes', 'nobody knew at first', 90],
    ]);
    expect(answers[0]!.amendments).toEqual([{ seq: fix.seq, text: 'the engineering manager, after the senior engineer' }]);
    expect(events.find((e) => e.seq === pat.seq)!.data.text).toBe('the on-call senior engineer'); // the first answer stays on the record
  });

  it('takes a second answer by the same person (two of their consoles at once) as an amendment, losing neither', () => {
    const { events, add } = drill();
    const first = add('pat', T0 + 1_000, [{ kind: 'exercise.answer', data: { question: 'scope-of-loss', form: 'discussion', text: 'one day', role: 'player', atSeconds: 60 } }]);
    const second = add('pat', T0 + 1_000, [{ kind: 'exercise.answer', data: { question: 'scope-of-loss', form: 'discussion', text: 'two days', role: 'player', atSeconds: 60 } }]);
    const [a] = foldAnswers(events);
    expect(a).toMatchObject({ seq: first.seq, text: 'two days', amendments: [{ seq: second.seq, text: 'two days' }] });
  });

  it('refuses, in one line, a question not asked yet, an empty answer and someone who has not joined', () => {
    const { answer } = drill();
    expect(answer('pat', T0 + 1_000, 'restore-point', 'PITR')).toMatch(/^drill: no discussion question "restore-point" has been asked yet \(asked so far: who-stops-writes, scope-of-loss\)$/);
    expect(answer('pat', T0 + 1_000, 'scope-of-loss', '   ')).toMatch(/empty/);
    expect(answer('zed', T0 + 1_000, 'scope-of-loss', 'x')).toMatch(/zed has not joined this drill/);
  });
});

describe('the hotwash and the feedback form', () => {
  it('opens when the controller starts it or when the drill ends, and not before', () => {
    const { events, answer, add } = drill();
    expect(answer('pat', T0 + 1_000, 'hotwash-strengths', 'fast commander')).toMatch(/the hotwash has not started/);
    expect(decideHotwash(foldDrill(events), events, 'pat', T0 + 1_000).refused).toMatch(/only the controller starts the hotwash \(fac controls this drill; it also opens when the drill ends\)/);
    const opened = decideHotwash(foldDrill(events), events, 'fac', T0 + 2_000);
    expect(opened.events).toEqual([{ kind: 'exercise.hotwash', data: { atSeconds: 120 } }]);
    add('fac', T0 + 2_000, opened.events);
    expect(decideHotwash(foldDrill(events), events, 'fac', T0 + 3_000).refused).toMatch(/already open/);
    expect((answer('pat', T0 + 3_000, 'hotwash-strengths', 'fast commander') as TimelineEvent).data).toMatchObject({ form: 'hotwash', role: 'player' });

    const ended = drill();
    ended.act('fac', T0 + 4_000, { kind: 'end' });
    expect((ended.answer('quinn', T0 + 5_000, 'feedback-rating', '4') as TimelineEvent).data).toMatchObject({ question: 'feedback-rating', form: 'feedback', text: '4' });
  });

  it('takes a rating from 1 to 5 only, and sums up the feedback: median, count, comments per question', () => {
    const { act, answer, events } = drill();
    act('fac', T0 + 4_000, { kind: 'end' });
    expect(answer('pat', T0 + 5_000, 'feedback-rating', '6')).toMatch(/a whole number from 1 to 5, not "6"/);
    answer('pat', T0 + 5_000, 'feedback-rating', '5');
    answer('quinn', T0 + 5_100, 'feedback-rating', '2');
    answer('eve', T0 + 5_200, 'feedback-rating', '4');
    answer('quinn', T0 + 5_300, 'feedback-rating', '3'); // amended: 3 counts, not 2
    answer('pat', T0 + 5_400, 'feedback-most-useful', 'the restore walk-through');
    const f = feedbackSummary(foldAnswers(events));
    expect(f.ratings).toMatchObject({ values: [5, 3, 4], count: 3, median: 4 });
    expect(f.comments.find((c) => c.question.id === 'feedback-most-useful')!.answers.map((a) => [a.actor, a.text])).toEqual([['pat', 'the restore walk-through']]);
    expect(f.respondents).toEqual(['eve', 'pat', 'quinn']);
  });

  it('never takes a hotwash or feedback answer for the response to an inject', () => {
    const { events, act, answer } = drill();
    act('fac', T0 + 4_000, { kind: 'end' });
    answer('pat', T0 + 5_000, 'hotwash-improvements', 'we never decided on writes');
    const inject = events.find((e) => e.kind === 'exercise.inject')!;
    const record = foldDrill(events);
    expect(events.some((e) => e.kind === 'exercise.answer' && e.seq > inject.seq)).toBe(true);
    expect(suggestCredit(events, inject, record)).toBeUndefined();
    expect(suggestCredit(withoutDebrief(events), inject, record)).toBeUndefined();
  });
});

describe('the improvement plan settings', () => {
  it('lets an evaluator or the controller set a row; later settings win field by field', () => {
    const { events, add } = drill();
    const keys = ['errors-rise', '12'];
    const set = (actor: string, issue: string, given: Record<string, string>) => {
      const d = decidePlan(foldDrill(events), events, keys, actor, issue, given);
      if (d.refused) return d.refused;
      return add(actor, T0 + 9_000, d.events);
    };
    expect(set('pat', 'errors-rise', { owner: 'pat' })).toMatch(/only an evaluator or the controller sets the improvement plan \(pat is player\)/);
    expect(set('eve', 'nope', { owner: 'x' })).toMatch(/no improvement-plan row "nope" \(rows: errors-rise, 12\)/);
    expect(set('eve', 'errors-rise', { start: '2027-02-30' })).toMatch(/start "2027-02-30" is not a date/);
    set('eve', 'errors-rise', { owner: 'pat', organisation: 'Platform team', start: '2027-01-04' });
    set('fac', '#12', { completion: '2027-02-01' });
    expect(set('fac', 'errors-rise', { completion: '2027-01-01' })).toMatch(/completion 2027-01-01 is before start 2027-01-04/);
    set('fac', 'errors-rise', { owner: 'quinn', completion: '2027-03-01', status: 'In progress' });
    const s = planSettings(events);
    expect(s.get('errors-rise')).toMatchObject({ owner: 'quinn', organisation: 'Platform team', start: '2027-01-04', completion: '2027-03-01', status: 'In progress' });
    expect(s.get('errors-rise')!.seqs).toHaveLength(2);
    expect(s.get('12')).toMatchObject({ completion: '2027-02-01' });
  });
});

describe('runbook modules and questions', () => {
  const withInjects = (injects: string, extra = '') => edit(39, injects) + extra; // the inject on line 39, extra from line 40
  it.each([
    ['an inject naming no module', '  - { id: one, at_seconds: 0, kind: fact, text: t, facilitator: f, module: nope }', 'exercise_modules: [{ id: m1, title: M, questions: [] }]', 39, 'injects[0].module', /module nope is not one of exercise_modules \(m1\)/],
    ['a module with no inject', '  - { id: one, at_seconds: 0, kind: fact, text: t, facilitator: f }', 'exercise_modules:\n  - { id: m1, title: M }', 41, 'exercise_modules[0].id', /module m1 has no inject/],
    ['a duplicate question id', '  - { id: one, at_seconds: 0, kind: fact, text: t, facilitator: f, module: m1, questions: [{ id: q1, text: a }] }', 'exercise_modules:\n  - { id: m1, title: M, questions: [{ id: q1, text: b }] }', 39, 'injects[0].questions[0].id', /duplicate question id "q1" \(also in exercise_modules\[0\]\)/],
    ['a reserved question id', '  - { id: one, at_seconds: 0, kind: fact, text: t, facilitator: f, questions: [{ id: feedback-rating, text: a }] }', '', 39, 'injects[0].questions[0].id', /reserved/],
  ])('%s is reported at its file and line', (_, inject, extra, line, path, message) => {
    const { scenario, problems } = loadScenarioText(withInjects(inject, extra), 'broken.yaml');
    expect(scenario).toBeUndefined();
    const found = problems.find((p) => message.test(p.message));
    expect(found, JSON.stringify(problems)).toMatchObject({ file: 'broken.yaml', line, path });
  });

  it('the shipped runbooks with modules put every inject in one, and every module asks questions', () => {
    const withModules = loadCatalog({}).scenarios.filter((x) => x.exercise_modules.length > 0);
    expect(withModules.map((s) => s.id)).toContain('dynamodb-table-corruption');
    for (const s of withModules) {
      expect(s.exercise_modules.length, s.id).toBeGreaterThan(0);
      for (const i of s.injects) expect(i.module, `${s.id} ${i.id}`).toBeDefined();
      expect(s.exercise_modules.every((m) => m.questions.length > 0), s.id).toBe(true);
    }
  });
});
