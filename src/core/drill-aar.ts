// The after-action report and improvement plan of a drill, in the shape CISA's HSEEP uses: an exercise
// overview, an analysis per objective (strengths, areas for improvement, root causes, a rating) and the
// improvement plan. Every figure is on the drill's clock (T+) and every finding cites the timeline events
// it rests on, so an evaluator can check each line against the record.
import type { TimelineEvent } from './events.js';
import type { IncidentState } from './fold.js';
import { formatOffset, type InjectLike } from './drill.js';
import { foldDrill, type DrillRecord } from './drill-record.js';
import { actStartedAt, marksOf, suggestCredit } from './drill-credit.js';
import { drillOffsetOf } from './drill-time.js';
import { withoutDebrief, type ExerciseModule } from './drill-questions.js';
import { debriefOf, type AarDebrief } from './drill-aar-debrief.js';
import { NOT_SET, planSettings } from './drill-plan.js';
import { audienceOf } from './drill-aar-audience.js';

export interface AarObjective {
  id: string;
  text: string;
  capability: string;
}

export interface AarInput {
  state: IncidentState;
  events: readonly TimelineEvent[];
  scenario: { id: string; title: string; summary: string; impact: string };
  injects: readonly InjectLike[];
  objectives: readonly AarObjective[];
  /** The script's modules (their discussion questions); none when absent. */
  modules?: readonly ExerciseModule[];
}

/** HSEEP's four ratings of how a capability was performed. */
export const RATINGS = {
  P: 'Performed without Challenges (P)',
  S: 'Performed with Some Challenges (S)',
  M: 'Performed with Major Challenges (M)',
  U: 'Unable to be Performed (U)',
} as const;

export interface InjectFinding {
  inject: string;
  seq: number;
  scheduledAt: number;
  firedAt: number;
  how: string;
  expected: string[];
  withinSeconds?: number;
  credit?: { seq: number; at: number; kind: string; actor: string; after: number };
  mark?: { seq: number; rating: string; actor: string; note?: string };
  /** Who it was for and by which channel ("everyone", "comms-lead by email"). */
  audience: string;
  /** Written by the controller during the drill, with its title. */
  added?: { title: string };
}

export interface AarObjectiveAnalysis {
  objective: AarObjective;
  rating: string;
  strengths: string[];
  /** `key` names the improvement-plan row it becomes: the inject's id, or the seq of the note that raised it. */
  improvements: { key: string; text: string; rootCause: string; cite: string }[];
  injects: InjectFinding[];
}

export interface AarModel extends AarDebrief {
  name: string;
  incident: string;
  dates: { start: string; end: string };
  duration: string;
  ended: string;
  scope: string;
  scenario: AarInput['scenario'];
  objectives: readonly AarObjective[];
  participants: { role: string; names: string[] }[];
  analysis: AarObjectiveAnalysis[];
  plan: { key: string; capability: string; issue: string; action: string; owner: string; organisation: string; start: string; completion: string; status: string; cite: string }[];
  injectTable: InjectFinding[];
  /** Injects the controller took out of the script, with the event that did. */
  skipped: { inject: string; seq: number; at: number; title?: string; dueAt?: number }[];
}

const FALLBACK: AarObjective = { id: 'respond', text: "Respond to the scenario's injects", capability: 'Operational Coordination' };
/** Where injects and notes that name no declared objective are analysed. */
export const OTHER_FINDINGS: AarObjective = { id: 'other', text: 'injects and notes that name no objective', capability: 'not named (outside the objectives)' };
const OTHER = OTHER_FINDINGS;

export function buildAar(input: AarInput): AarModel {
  const { events } = input;
  const record = foldDrill(events);
  const at = drillOffsetOf(events);
  const marks = marksOf(events);
  const byId = new Map([...input.injects, ...record.added.map((a) => a.inject)].map((i) => [i.id, i]));
  const objectives = input.objectives.length ? input.objectives : [FALLBACK];
  const findings: InjectFinding[] = events
    .filter((e) => e.kind === 'exercise.inject' && record.fired[String(e.data.inject)]?.seq === e.seq)
    .map((e) => finding(e, events, record, at, byId.get(String(e.data.inject)), marks.get(String(e.data.inject))));
  // Without declared objectives everything is analysed under the fallback. With them, an inject naming none
  // (one written during the drill) and the reflection notes are other findings, not the first objective's.
  const objectiveOf = (f: InjectFinding) => objectives.find((o) => o.id === byId.get(f.inject)?.objective) ?? (input.objectives.length ? OTHER : objectives[0]!);
  const analysis = objectives.map((o, i) => analyse(o, findings.filter((f) => objectiveOf(f) === o), i === 0 && !input.objectives.length ? events : []));
  if (input.objectives.length) {
    const other = analyse(OTHER, findings.filter((f) => objectiveOf(f) === OTHER), events);
    if (other.injects.length || other.strengths.length || other.improvements.length) analysis.push({ ...other, ...(other.injects.length ? {} : { rating: 'not rated (notes only)' }) });
  }
  const first = events.find((e) => e.kind === 'exercise.clock');
  const last = record.ended ? events.find((e) => e.seq === record.ended!.seq) : events.at(-1);
  const endSeconds = record.ended?.atSeconds ?? (last ? at(last.ts) : 0);
  const startDate = (first?.ts ?? input.state.openedAt).slice(0, 10);
  const endDate = (last?.ts ?? input.state.openedAt).slice(0, 10);
  const actionItems = events.filter((e) => e.kind === 'action_item.added');
  const debrief = debriefOf(events, record, input.injects, input.modules ?? []);
  // The hotwash's areas for improvement name no capability; each becomes a row of the plan as it was said.
  const hotwash = { objective: { id: 'hotwash', text: 'hotwash', capability: 'not named (raised at the hotwash)' }, improvements: debrief.hotwash.improvements.map((h) => ({ key: String(h.seq), text: `${h.text} (${h.actor}, hotwash)`, rootCause: 'not analysed', cite: [h.seq, ...h.amendments].map((x) => `[#${x}]`).join(' ') })) };
  const settings = planSettings(events);
  const plan = [...analysis, hotwash].flatMap((a) =>
    a.improvements.map((imp) => {
      // An action item recorded during the drill that names the inject is the corrective action for it.
      const injectId = /inject (\S+)/.exec(imp.text)?.[1] ?? '';
      const item = actionItems.find((e) => injectId && String(e.data.text).includes(injectId));
      // What an evaluator or the controller set wins; an owner named on the action item comes next; else "not set".
      const set = settings.get(imp.key);
      return {
        key: imp.key,
        capability: a.objective.capability,
        issue: imp.text,
        action: set?.action ?? (item ? `${String(item.data.text)} [#${item.seq}]` : 'to be agreed at the hotwash'),
        owner: set?.owner ?? (item && typeof item.data.owner === 'string' ? item.data.owner : NOT_SET),
        organisation: set?.organisation ?? NOT_SET,
        start: set?.start ?? NOT_SET,
        completion: set?.completion ?? NOT_SET,
        status: set?.status ?? 'Not started',
        cite: [imp.cite, ...(set?.seqs ?? []).map((x) => `[#${x}]`)].join(' '),
      };
    }),
  );
  return {
    name: input.state.title,
    incident: input.state.id,
    dates: { start: startDate, end: endDate },
    duration: formatOffset(endSeconds),
    ended: record.ended ? (record.ended.reason === 'ended' ? `ended by the controller at ${formatOffset(record.ended.atSeconds)} [#${record.ended.seq}]` : `ended when the incident was resolved at ${formatOffset(record.ended.atSeconds)} [#${record.ended.seq}]`) : 'not ended (the clock was still running when this was written)',
    scope: `Tabletop exercise of the "${input.scenario.title}" runbook (${input.scenario.id}) in the warroom console, on the simulated AWS; drill clock speed as recorded, every time below on drill time (T+).`,
    scenario: input.scenario,
    objectives,
    participants: participants(record),
    analysis,
    plan,
    injectTable: findings,
    ...debrief,
    skipped: events
      .filter((e) => e.kind === 'exercise.clock' && e.data.control === 'skip' && typeof e.data.inject === 'string' && record.skipped.includes(e.data.inject))
      .map((e) => {
        const id = String(e.data.inject);
        const added = record.added.find((i) => i.id === id);
        const due = added?.atSeconds ?? byId.get(id)?.at_seconds;
        return { inject: id, seq: e.seq, at: typeof e.data.simSeconds === 'number' ? e.data.simSeconds : at(e.ts), ...(added?.title ? { title: added.title } : {}), ...(typeof due === 'number' ? { dueAt: due } : {}) };
      }),
  };
}

type Mark = NonNullable<ReturnType<ReturnType<typeof marksOf>['get']>>;

function finding(e: TimelineEvent, events: readonly TimelineEvent[], record: DrillRecord, at: (iso: string) => number, inject: InjectLike | undefined, mark: Mark | undefined): InjectFinding {
  const fired = record.fired[String(e.data.inject)]!;
  const expects = inject?.expect ?? [];
  const kinds = expects.flatMap((x) => [...(x.kinds ?? [])]);
  const roles = [...new Set(expects.map((x) => x.role ?? 'player'))];
  const credit = suggestCredit(withoutDebrief(events), e, record, { kinds, roles });
  const within = expects.map((x) => x.within_seconds).filter((x): x is number => typeof x === 'number');
  return {
    inject: String(e.data.inject),
    seq: e.seq,
    scheduledAt: typeof e.data.offsetSeconds === 'number' ? e.data.offsetSeconds : fired.firedAtSeconds,
    firedAt: fired.firedAtSeconds,
    how: fired.how,
    expected: expects.map((x) => x.text),
    ...(within.length ? { withinSeconds: Math.max(...within) } : {}),
    // A response is timed from when it started (a check records its result only when its polling ends).
    ...(credit ? { credit: { seq: credit.seq, at: at(actStartedAt(credit)), kind: credit.kind, actor: credit.actor, after: Math.max(0, at(actStartedAt(credit)) - fired.firedAtSeconds) } } : {}),
    ...(mark ? { mark: { seq: mark.seq, rating: mark.rating, actor: mark.actor, ...(mark.note ? { note: mark.note } : {}) } } : {}),
    ...audienceOf(e),
  };
}

function analyse(objective: AarObjective, findings: InjectFinding[], notes: readonly TimelineEvent[]): AarObjectiveAnalysis {
  const strengths: string[] = [];
  const improvements: AarObjectiveAnalysis['improvements'] = [];
  for (const f of findings) {
    const expected = f.expected.length ? f.expected.join('; ') : 'a response';
    const response = f.credit ? `${f.credit.kind} by ${f.credit.actor} at ${formatOffset(f.credit.at)}, ${formatOffset(f.credit.after).slice(2)} after the inject [#${f.credit.seq}]` : undefined;
    const cite = [`#${f.seq}`, ...(f.credit ? [`#${f.credit.seq}`] : []), ...(f.mark ? [`#${f.mark.seq}`] : [])].map((c) => `[${c}]`).join(' ');
    const evaluated = f.mark ? `${f.mark.actor} rated it ${f.mark.rating}${f.mark.note ? `: "${f.mark.note}"` : ''}` : 'not yet evaluated';
    const late = f.credit && f.withinSeconds !== undefined && f.credit.after > f.withinSeconds;
    if (f.mark?.rating === 'met' || (!f.mark && f.credit && !late)) {
      strengths.push(`inject ${f.inject} (fired ${formatOffset(f.firedAt)}): ${expected} — ${response ?? 'no response recorded'}; ${evaluated} ${cite}`);
    } else {
      const what = !f.credit ? 'drew no response from the players' : late ? `was answered late (${formatOffset(f.credit.after).slice(2)} against ${formatOffset(f.withinSeconds!).slice(2)} allowed)` : `was answered only in part`;
      improvements.push({
        key: f.inject,
        text: `inject ${f.inject} (fired ${formatOffset(f.firedAt)}) ${what}; expected: ${expected}${response ? `; response: ${response}` : ''}; ${evaluated}`,
        rootCause: f.mark?.note ? `evaluator: ${f.mark.note}` : 'not analysed: no evaluator note',
        cite,
      });
    }
  }
  // Notes starting "went well:" or "improve:" are findings too, cited as themselves.
  for (const e of notes) {
    if (e.kind !== 'note' || typeof e.data.text !== 'string') continue;
    const m = /^\s*(went well|improve)\s*:\s*(.+)$/is.exec(e.data.text);
    if (!m) continue;
    if (m[1]!.toLowerCase() === 'improve') improvements.push({ key: String(e.seq), text: `${m[2]!.trim()} (${e.actor})`, rootCause: 'not analysed', cite: `[#${e.seq}]` });
    else strengths.push(`${m[2]!.trim()} (${e.actor}) [#${e.seq}]`);
  }
  return { objective, rating: rate(findings), strengths, improvements, injects: findings };
}

/** From the evaluators' marks: all met P, any partly S, any not met M, none met U; unrated without marks. */
function rate(findings: InjectFinding[]): string {
  const ratings = findings.map((f) => f.mark?.rating).filter((r): r is string => !!r);
  if (findings.length === 0) return 'not exercised (no inject of this objective fired)';
  if (ratings.length === 0) return 'not rated (no evaluator marks)';
  if (ratings.length === findings.length && ratings.every((r) => r === 'not-met')) return RATINGS.U;
  if (ratings.includes('not-met')) return RATINGS.M;
  if (ratings.includes('partly')) return RATINGS.S;
  return ratings.length === findings.length ? RATINGS.P : RATINGS.S;
}

function participants(r: DrillRecord): { role: string; names: string[] }[] {
  const order = ['controller', 'player', 'evaluator', 'observer'];
  return order.map((role) => ({ role, names: Object.entries(r.roles).filter(([, x]) => x === role).map(([n]) => n).sort() })).filter((p) => p.names.length > 0);
}
