// The improvement plan's owner, organisation, dates and status as the evaluators and the controller set them.
// Each setting is an exercise.plan event naming the row's key; later settings win field by field, so the
// record keeps every change and the AAR shows the latest. A field nobody set is "not set", never invented.
import type { NewEvent, TimelineEvent } from './events.js';
import { roleOf, type DrillRecord } from './drill-record.js';

export const PLAN_FIELDS = ['action', 'owner', 'organisation', 'start', 'completion', 'status'] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];
export type PlanSetting = Partial<Record<PlanField, string>>;
export const NOT_SET = 'not set';

/** Per row key, the fields as last set, and the events that set them. */
export function planSettings(events: readonly TimelineEvent[]): Map<string, PlanSetting & { seqs: number[] }> {
  const out = new Map<string, PlanSetting & { seqs: number[] }>();
  for (const e of events) {
    if (e.kind !== 'exercise.plan' || typeof e.data.issue !== 'string') continue;
    const row = out.get(e.data.issue) ?? { seqs: [] };
    for (const f of PLAN_FIELDS) if (typeof e.data[f] === 'string' && e.data[f]) row[f] = e.data[f];
    row.seqs.push(e.seq);
    out.set(e.data.issue, row);
  }
  return out;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (d: string) => ISO_DATE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(Date.parse(`${d}T00:00:00Z`)).toISOString().startsWith(d);

/** A row's key as a person types it: an inject id, or a seq with or without its "#". */
export const planKey = (typed: string): string => typed.trim().replace(/^#(\d+)$/, '$1');

/** Why `text` is not a plan date, or undefined when it is one. */
export const dateProblem = (text: string): string | undefined => (validDate(text.trim()) ? undefined : `"${text.trim()}" is not a date (YYYY-MM-DD, e.g. 2027-01-15)`);

/** Sets fields of the improvement plan's row `issue` (one of `keys`), if `actor` is an evaluator or the controller. */
export function decidePlan(record: DrillRecord, events: readonly TimelineEvent[], keys: readonly string[], actor: string, issue: string, given: PlanSetting): { events: NewEvent[]; refused?: string } {
  const role = roleOf(record, actor);
  const held = events.some((e) => e.kind === 'exercise.lease' && e.data.holder === actor);
  if (role !== 'evaluator' && role !== 'controller' && !held) return { events: [], refused: `drill: only an evaluator or the controller sets the improvement plan (${actor} is ${role ?? 'not in this drill'})` };
  const key = planKey(issue);
  if (!keys.includes(key)) return { events: [], refused: `drill: no improvement-plan row "${issue}" (rows: ${keys.join(', ') || 'none yet'})` };
  const set: PlanSetting = {};
  for (const f of PLAN_FIELDS) {
    const v = given[f]?.trim();
    if (v) set[f] = v;
  }
  if (Object.keys(set).length === 0) return { events: [], refused: `drill: nothing to set (give ${PLAN_FIELDS.join(', ')})` };
  for (const f of ['start', 'completion'] as const) {
    const bad = set[f] === undefined ? undefined : dateProblem(set[f]);
    if (bad) return { events: [], refused: `drill: ${f} ${bad}` };
  }
  const now = { ...planSettings(events).get(key), ...set };
  if (now.start && now.completion && now.completion < now.start) return { events: [], refused: `drill: completion ${now.completion} is before start ${now.start} (give a completion on or after the start)` };
  return { events: [{ kind: 'exercise.plan', data: { issue: key, ...set } }] };
}
