// Checks that need the whole scenario: ids are unique, references resolve, placeholders name declared params,
// verify/action operations are read-only/mutating as their field says. They also run when other fields are
// invalid (so a file's problems come out all at once), hence the defensive reading of every field.
import type { z } from 'zod';
import { ACTION_OPERATIONS, placeholdersIn, READ_OPERATIONS, RECORDED_PLACEHOLDER, type AwsService } from '../core/index.js';
import { compilePattern, patternProblem } from './pattern.js';

/** Incident fields a comms template may use besides the scenario's params. */
export const INCIDENT_FIELDS = ['id', 'title', 'severity', 'status', 'impact_started', 'elapsed', 'next_update'] as const;
const INCIDENT_FIELD_SET = new Set<string>(INCIDENT_FIELDS);

type Path = (string | number)[];
type Issue = (path: Path, message: string) => void;
type Rec = Record<string, unknown>;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const rec = (v: unknown): Rec => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function checkReferences(input: unknown, ctx: z.RefinementCtx): void {
  const issue: Issue = (path, message) => ctx.addIssue({ code: 'custom', path, message });
  const s = rec(input);
  const steps = list(s.steps).map(rec);
  const metrics = list(s.metrics).map(rec);
  const injects = list(s.injects).map(rec);

  unique(steps, 'steps', 'step', issue);
  unique(metrics, 'metrics', 'metric', issue);
  unique(injects, 'injects', 'inject', issue);
  checkParams(rec(s.params), issue);

  const stepIds = steps.map((st) => str(st.id)).filter((id): id is string => id !== undefined);
  steps.forEach((step, i) => {
    list(step.depends_on).forEach((dep, j) => {
      if (typeof dep !== 'string') return;
      if (dep === step.id) issue(['steps', i, 'depends_on', j], `step "${dep}" cannot depend on itself`);
      else if (!stepIds.includes(dep)) issue(['steps', i, 'depends_on', j], `depends_on names "${dep}", which is not a step of this scenario (steps: ${stepIds.join(', ')})`);
    });
    checkOperation(step.verify, READ_OPERATIONS, ['steps', i, 'verify', 'operation'], issue);
    checkOperation(step.action, ACTION_OPERATIONS, ['steps', i, 'action', 'operation'], issue);
    checkOperation(rec(step.action).wait, READ_OPERATIONS, ['steps', i, 'action', 'wait', 'operation'], issue);
    checkMatches(rec(step.verify), ['steps', i, 'verify'], issue);
    checkMatches(rec(rec(step.action).wait), ['steps', i, 'action', 'wait'], issue);
  });
  const cycle = findCycle(steps);
  if (cycle) issue(['steps', steps.findIndex((st) => st.id === cycle[0]), 'depends_on'], `depends_on forms a cycle: ${cycle.join(' -> ')}`);

  const metricIds = metrics.map((m) => str(m.id)).filter(Boolean);
  injects.forEach((inj, i) => {
    const at = ['injects', i];
    if (inj.kind === 'alarm' && (!inj.alarm || !inj.state)) issue(at, 'an alarm inject needs `alarm` (the alarm name) and `state` (ALARM or OK)');
    const objectives = list(s.exercise_objectives).map(rec).map((o) => o.id);
    if (typeof inj.objective === 'string' && !objectives.includes(inj.objective)) issue([...at, 'objective'], `objective ${String(inj.objective)} is not one of exercise_objectives (${objectives.join(', ') || 'none declared'})`);
    if (inj.kind === 'metric' && !inj.metric) issue(at, 'a metric inject needs `metric: { id, to, over_seconds }`');
    if (inj.kind === 'resource' && !inj.resource) issue(at, 'a resource inject needs `resource` (the resource that changes state)');
    const metricId = str(rec(inj.metric).id);
    if (metricId !== undefined && !metricIds.includes(metricId)) {
      issue([...at, 'metric', 'id'], `metric "${metricId}" is not one of this scenario's metrics (${metricIds.join(', ') || 'none declared'})`);
    }
  });

  checkAlarms(list(s.alarms).map(rec), metrics, issue);
  checkModules(s, injects, issue);

  let previous: Rec | undefined;
  list(rec(s.comms).escalation).map(rec).forEach((e, i) => {
    if (previous && (Number(e.level) <= Number(previous.level) || Number(e.after_minutes) < Number(previous.after_minutes))) {
      issue(['comms', 'escalation', i], 'escalation levels must go up, each after no fewer minutes than the one before');
    }
    previous = e;
  });

  checkPlaceholders(s, new Set(Object.keys(rec(s.params))), issue);
}

/** An alarm watches a pane of this runbook, and has a threshold to compare with (its own or the pane's). */
function checkAlarms(alarms: Rec[], metrics: Rec[], issue: Issue): void {
  const seen = new Set<string>();
  const ids = metrics.map((m) => str(m.id)).filter(Boolean);
  alarms.forEach((a, i) => {
    const name = str(a.name);
    if (name !== undefined && seen.has(name)) issue(['alarms', i, 'name'], `duplicate alarm "${name}"`);
    if (name !== undefined) seen.add(name);
    const id = str(a.metric);
    if (id === undefined) return; // the schema reports it
    const pane = metrics.find((m) => m.id === id);
    if (!pane) return issue(['alarms', i, 'metric'], `alarm ${name ?? i} watches "${id}", which is not one of this scenario's metrics (${ids.join(', ') || 'none declared'})`);
    if (a.threshold === undefined && pane.warning === undefined && pane.critical === undefined) issue(['alarms', i], `alarm ${name ?? i}: pane ${id} has no warning or critical level: give the alarm a \`threshold\``);
  });
}

function checkParams(params: Rec, issue: Issue): void {
  for (const [name, value] of Object.entries(params)) {
    const p = rec(value);
    const pattern = str(p.pattern);
    if (pattern === undefined) continue;
    const re = compilePattern(pattern, { whole: true });
    if (!re.ok) continue; // the schema reports the pattern
    for (const field of ['example', 'default'] as const) {
      const v = p[field];
      if ((typeof v === 'string' || typeof v === 'number') && !re.test(String(v))) {
        issue(['params', name, field], `${field} "${v}" does not match the param's pattern ${pattern}`);
      }
    }
  }
}

/** A verify's `matches` runs on RE2 too; one RE2 cannot run is refused here, at its line. */
function checkMatches(check: Rec, path: Path, issue: Issue): void {
  const matches = str(rec(check.expect).matches);
  const why = matches === undefined ? undefined : patternProblem(matches);
  if (why) issue([...path, 'expect', 'matches'], why);
}

function unique(items: Rec[], field: string, what: string, issue: Issue): void {
  const seen = new Set<unknown>();
  items.forEach((item, i) => {
    if (typeof item.id !== 'string') return;
    if (seen.has(item.id)) issue([field, i, 'id'], `duplicate ${what} id "${item.id}"`);
    seen.add(item.id);
  });
}

function checkOperation(value: unknown, allowed: Record<AwsService, readonly string[]>, path: Path, issue: Issue): void {
  const call = rec(value);
  const service = str(call.service) as AwsService | undefined;
  const operation = str(call.operation);
  if (!service || !operation || !(service in allowed)) return; // the schema reports those
  const ops = allowed[service];
  if (ops.includes(operation)) return;
  const readOnly = allowed === READ_OPERATIONS;
  const other: readonly string[] = (readOnly ? ACTION_OPERATIONS : READ_OPERATIONS)[service];
  const why = other.includes(operation) ? ` (${operation} is ${readOnly ? 'mutating: put it in an `action`' : 'read-only: put it in a `verify`'})` : '';
  issue(path, `${service} ${operation} is not a ${readOnly ? 'read-only' : 'mutating'} operation warroom knows${why}; use one of ${ops.join(', ') || '(none)'}`);
}

function findCycle(steps: Rec[]): string[] | undefined {
  const deps = new Map(steps.filter((s) => typeof s.id === 'string').map((s) => [s.id as string, list(s.depends_on).filter((d): d is string => typeof d === 'string' && d !== s.id)]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done' || !deps.has(id)) return undefined;
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const d of deps.get(id) ?? []) {
      const c = visit(d);
      if (c) return c;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of deps.keys()) {
    const c = visit(id);
    if (c) return c;
  }
  return undefined;
}

/** Every {{name}} outside `params` must be a declared param; comms templates may also use incident fields. */
function checkPlaceholders(s: Rec, declared: Set<string>, issue: Issue): void {
  const walk = (value: unknown, path: Path): void => {
    if (typeof value === 'string') {
      const inComms = path[0] === 'comms';
      for (const name of placeholdersIn(value)) {
        if (declared.has(name) || (inComms && INCIDENT_FIELD_SET.has(name))) continue;
        // A verify or an action's wait may compare with what the incident recorded earlier (before_writer).
        if ((path.includes('verify') || path.includes('wait')) && RECORDED_PLACEHOLDER.test(name)) continue;
        const known = [...declared, ...(inComms ? INCIDENT_FIELDS : [])].join(', ') || 'none declared';
        issue(path, `placeholder {{${name}}} names no declared param (declared: ${known})`);
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  for (const [key, value] of Object.entries(s)) if (key !== 'params') walk(value, [key]);
}

/** Modules and discussion questions: an inject names a declared module, every module has an inject, question ids are unique. */
function checkModules(s: Rec, injects: Rec[], issue: Issue): void {
  const modules = list(s.exercise_modules).map(rec);
  unique(modules, 'exercise_modules', 'module', issue);
  const moduleIds = modules.map((m) => str(m.id)).filter((id): id is string => id !== undefined);
  injects.forEach((inj, i) => {
    const m = str(inj.module);
    if (m !== undefined && !moduleIds.includes(m)) issue(['injects', i, 'module'], `module ${m} is not one of exercise_modules (${moduleIds.join(', ') || 'none declared'})`);
  });
  modules.forEach((m, i) => {
    if (typeof m.id === 'string' && !injects.some((inj) => inj.module === m.id)) issue(['exercise_modules', i, 'id'], `module ${m.id} has no inject (give an inject \`module: ${m.id}\`, or its questions are never asked)`);
  });
  const seen = new Map<string, string>();
  const questions = (owner: Rec[], field: string) =>
    owner.forEach((o, i) =>
      list(o.questions).map(rec).forEach((q, j) => {
        const id = str(q.id);
        if (id === undefined) return;
        const path = [field, i, 'questions', j, 'id'];
        if (/^(hotwash|feedback)-/.test(id)) issue(path, `question id "${id}" is reserved (ids starting hotwash- or feedback- are the hotwash's and the feedback form's)`);
        else if (seen.has(id)) issue(path, `duplicate question id "${id}" (also in ${seen.get(id)})`);
        seen.set(id, `${field}[${i}]`);
      }),
    );
  questions(modules, 'exercise_modules');
  questions(injects, 'injects');
}
