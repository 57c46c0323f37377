// Checks that need the whole scenario: ids are unique, references resolve, placeholders name declared params,
// verify/action operations are read-only/mutating as their field says. Run by the schema after the shape is valid.
import type { z } from 'zod';
import { ACTION_OPERATIONS, placeholdersIn, READ_OPERATIONS, type AwsService } from '../core/index.js';

/** Incident fields a comms template may use besides the scenario's params. */
export const INCIDENT_FIELDS = ['id', 'title', 'severity', 'status', 'impact_started', 'elapsed', 'next_update'] as const;
const INCIDENT_FIELD_SET = new Set<string>(INCIDENT_FIELDS);

interface CallLike {
  service: AwsService;
  operation: string;
}
interface Checked {
  params: Record<string, { pattern?: string | undefined; example: string; default?: string | undefined }>;
  steps: { id: string; depends_on: string[]; verify?: CallLike | undefined; action?: (CallLike & { wait?: CallLike | undefined }) | undefined }[];
  metrics: { id: string }[];
  injects: { id: string; kind: string; alarm?: string | undefined; state?: string | undefined; metric?: { id: string } | undefined; resource?: string | undefined }[];
  comms: { escalation: { level: number; after_minutes: number }[] };
}
type Path = (string | number)[];

export function checkReferences(s: Checked, ctx: z.RefinementCtx): void {
  const issue = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });

  unique(s.steps, 'steps', 'step', issue);
  unique(s.metrics, 'metrics', 'metric', issue);
  unique(s.injects, 'injects', 'inject', issue);

  for (const [name, p] of Object.entries(s.params)) {
    if (p.pattern === undefined) continue;
    const re = new RegExp(`^(?:${p.pattern})$`);
    if (!re.test(p.example)) issue(['params', name, 'example'], `example "${p.example}" does not match the param's pattern ${p.pattern}`);
    if (p.default !== undefined && !re.test(p.default)) issue(['params', name, 'default'], `default "${p.default}" does not match the param's pattern ${p.pattern}`);
  }

  const stepIds = new Set(s.steps.map((st) => st.id));
  s.steps.forEach((step, i) => {
    step.depends_on.forEach((dep, j) => {
      if (dep === step.id) issue(['steps', i, 'depends_on', j], `step "${step.id}" cannot depend on itself`);
      else if (!stepIds.has(dep)) issue(['steps', i, 'depends_on', j], `depends_on names "${dep}", which is not a step of this scenario (steps: ${[...stepIds].join(', ')})`);
    });
    if (step.verify) checkOperation(step.verify, READ_OPERATIONS, 'read-only', ['steps', i, 'verify', 'operation'], issue);
    if (step.action) {
      checkOperation(step.action, ACTION_OPERATIONS, 'mutating', ['steps', i, 'action', 'operation'], issue);
      if (step.action.wait) checkOperation(step.action.wait, READ_OPERATIONS, 'read-only', ['steps', i, 'action', 'wait', 'operation'], issue);
    }
  });
  const cycle = findCycle(s.steps);
  if (cycle) issue(['steps', s.steps.findIndex((st) => st.id === cycle[0]), 'depends_on'], `depends_on forms a cycle: ${cycle.join(' -> ')}`);

  const metricIds = new Set(s.metrics.map((m) => m.id));
  s.injects.forEach((inj, i) => {
    const at = ['injects', i];
    if (inj.kind === 'alarm' && (!inj.alarm || !inj.state)) issue(at, 'an alarm inject needs `alarm` (the alarm name) and `state` (ALARM or OK)');
    if (inj.kind === 'metric' && !inj.metric) issue(at, 'a metric inject needs `metric: { id, to, over_seconds }`');
    if (inj.kind === 'resource' && !inj.resource) issue(at, 'a resource inject needs `resource` (the resource that changes state)');
    if (inj.metric && !metricIds.has(inj.metric.id)) {
      issue([...at, 'metric', 'id'], `metric "${inj.metric.id}" is not one of this scenario's metrics (${[...metricIds].join(', ') || 'none declared'})`);
    }
  });

  let previous: { level: number; after_minutes: number } | undefined;
  s.comms.escalation.forEach((e, i) => {
    if (previous && (e.level <= previous.level || e.after_minutes < previous.after_minutes)) {
      issue(['comms', 'escalation', i], 'escalation levels must go up, each after no fewer minutes than the one before');
    }
    previous = e;
  });

  checkPlaceholders(s, new Set(Object.keys(s.params)), issue);
}

function unique(items: { id: string }[], field: string, what: string, issue: (p: Path, m: string) => void): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) issue([field, i, 'id'], `duplicate ${what} id "${item.id}"`);
    seen.add(item.id);
  });
}

function checkOperation(
  call: CallLike,
  allowed: Record<AwsService, readonly string[]>,
  kind: string,
  path: Path,
  issue: (p: Path, m: string) => void,
): void {
  const ops = allowed[call.service];
  if (ops.includes(call.operation)) return;
  const other = (allowed === READ_OPERATIONS ? ACTION_OPERATIONS : READ_OPERATIONS)[call.service] as readonly string[];
  const why = other.includes(call.operation) ? ` (${call.operation} is ${kind === 'read-only' ? 'mutating: put it in an `action`' : 'read-only: put it in a `verify`'})` : '';
  issue(path, `${call.service} ${call.operation} is not a ${kind} operation warroom knows${why}; use one of ${ops.join(', ') || '(none)'}`);
}

function findCycle(steps: Checked['steps']): string[] | undefined {
  const deps = new Map(steps.map((s) => [s.id, s.depends_on]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done' || !deps.has(id)) return undefined;
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const d of (deps.get(id) ?? []).filter((x) => x !== id)) {
      const c = visit(d);
      if (c) return c;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const s of steps) {
    const c = visit(s.id);
    if (c) return c;
  }
  return undefined;
}

/** Every {{name}} outside `params` must be a declared param; comms templates may also use incident fields. */
function checkPlaceholders(s: Checked, declared: Set<string>, issue: (p: Path, m: string) => void): void {
  const walk = (value: unknown, path: Path): void => {
    if (typeof value === 'string') {
      const inComms = path[0] === 'comms';
      for (const name of placeholdersIn(value)) {
        if (declared.has(name) || (inComms && INCIDENT_FIELD_SET.has(name))) continue;
        const known = [...declared, ...(inComms ? INCIDENT_FIELDS : [])].join(', ') || 'none declared';
        issue(path, `placeholder {{${name}}} names no declared param (declared: ${known})`);
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  for (const [key, value] of Object.entries(s)) if (key !== 'params') walk(value, [key]);
}
