// What the keys of the incident view do. Each handler takes the current state and returns the next one
// with the effects to run; nothing here reads a clock or touches I/O.
import { resolveRegion } from '../../core/regions.js';
import { commsClock, fileRefs, fillDeepLenient, fillLenient, isPlainFileName, isResolved, pointFilesAt, completionRefusal, verificationParams, updateKind, incidentVars, nextUpdateDue, recoveryTargets, type NewEvent } from '../../core/index.js';
import { checklistRows, scenariosOf } from './checklist.js';
import { timelineLength } from './timeline.js';
import { evidence, evidenceRefused } from './metric-snapshots.js';
import { escalationsOf, onIncidentClock } from './tick.js';
import type { Effect } from './msg.js';
import type { Command } from '../keymap.js';
import { entryPrompt, makePrompt } from './prompts.js';
import { PANES, type AppState, type IncidentView, type PaneId, type Toast } from './state.js';
import { copyCommand, eventDetail } from './text-view.js';
import { askStepParams, missingParams } from './step-params.js';

type Result = [AppState, Effect[]];

export const toast = (s: AppState, text: string, tone: Toast['tone'] = 'muted'): AppState => ({ ...s, toast: { text, tone, at: s.now } });
const withView = (s: AppState, v: IncidentView): AppState => ({ ...s, incident: v });
const clamp = (n: number, len: number) => (len <= 0 ? 0 : Math.max(0, Math.min(len - 1, n)));

export function paneLength(s: AppState, v: IncidentView, pane: PaneId): number {
  switch (pane) {
    case 'checklist':
      return checklistRows(v.incident, s.catalog).length;
    case 'metrics':
      return v.metrics.series.length;
    case 'alarms':
      return v.alarms.list.length;
    case 'timeline':
      return timelineLength(v);
    case 'comms':
      return 0;
  }
}

function move(s: AppState, v: IncidentView, pane: PaneId, delta: number): AppState {
  const len = paneLength(s, v, pane);
  return withView(s, { ...v, cursor: { ...v.cursor, [pane]: clamp(v.cursor[pane] + delta, len) } });
}

type ChecklistCommand = Extract<Command, 'advance' | 'verify' | 'copy' | 'skip' | 'fail' | 'action'>;
/** The commands the incident view runs (the drill's keys are in drill.ts). */
export type IncidentCommand =
  | ChecklistCommand
  | Extract<Command, 'up' | 'down' | 'next-pane' | 'prev-pane' | 'filter' | 'clear-filter' | 'scenario' | 'comms' | 'recovery-points' | 'export' | 'back'>
  | Extract<Command, `pane-${PaneId}` | 'note' | 'decision' | 'action-item' | 'role' | 'milestone' | 'severity' | 'status'>
  | Extract<Command, 'older' | 'newer' | 'page-older' | 'page-newer' | 'oldest' | 'newest' | 'record-metrics' | 'escalate' | 'event-detail'>;

const PANE_OF: Record<Extract<Command, `pane-${PaneId}`>, PaneId> = {
  'pane-checklist': 'checklist',
  'pane-metrics': 'metrics',
  'pane-alarms': 'alarms',
  'pane-timeline': 'timeline',
  'pane-comms': 'comms',
};

export function incidentCommand(s: AppState, cmd: IncidentCommand): Result {
  const v = s.incident;
  if (!v) return [s, []];
  const i = PANES.indexOf(v.pane);
  switch (cmd) {
    case 'pane-checklist':
    case 'pane-metrics':
    case 'pane-alarms':
    case 'pane-timeline':
    case 'pane-comms':
      return [withView(s, { ...v, pane: PANE_OF[cmd] }), []];
    case 'note':
    case 'decision':
    case 'action-item':
    case 'role':
    case 'milestone':
    case 'severity':
    case 'status':
      return [{ ...s, modals: [...s.modals, entryPrompt(cmd)] }, []];
    case 'next-pane':
      return [withView(s, { ...v, pane: PANES[(i + 1) % PANES.length]! }), []];
    case 'prev-pane':
      return [withView(s, { ...v, pane: PANES[(i + PANES.length - 1) % PANES.length]! }), []];
    case 'filter':
      return [{ ...s, modals: [...s.modals, makePrompt('filter', 'Filter the timeline', [{ key: 'filter', label: 'kind:step actor:alice words (empty shows all)', initial: v.filter, optional: true }])] }, []];
    case 'clear-filter':
      return [withView(s, { ...v, filter: '', cursor: { ...v.cursor, timeline: 0 } }), []];
    case 'scenario': {
      const choices = s.catalog.map((sc) => ({ value: sc.id, label: `${sc.title} (${sc.id})`, detail: sc.summary }));
      if (choices.length === 0) return [toast(s, 'the scenario catalog is empty', 'warn'), []];
      return [{ ...s, modals: [...s.modals, makePrompt('scenario', 'Choose a scenario', [{ key: 'scenario', label: 'Scenario (type to filter)', choices }])] }, []];
    }
    case 'comms':
      return [{ ...s, modals: [...s.modals, { kind: 'draft', text: draftText(s, v), updateKind: updateKind(v.incident) }] }, []];
    case 'recovery-points': {
      const targets = recoveryTargets(scenariosOf(v.incident, s.catalog), v.incident.params);
      if (targets.length === 0) return [toast(s, 'no DynamoDB table or RDS cluster in this incident\'s scenarios to read a recovery point from', 'warn'), []];
      return [toast(s, `reading recovery points of ${targets.map((t) => t.resource).join(', ')}...`), [{ type: 'read-recovery-points', id: v.id, targets }]];
    }
    case 'escalate': {
      // Due escalations are shown from the policy and the clock; only this key records that one was made.
      const due = escalationsOf(s, v).filter((t) => t.due);
      if (due.length === 0) return [toast(s, 'no escalation is due', 'muted'), []];
      const declared = Date.parse(v.incident.milestones.declared?.at ?? v.incident.openedAt);
      const events: NewEvent[] = due.map((t) => ({
        kind: 'escalation.fired',
        data: { level: t.level, text: `escalated to ${t.who}: due ${Math.round((t.dueAt - declared) / 60_000)} min after declared` },
      }));
      return [toast(s, `recorded ${due.map((t) => t.level).join(', ')}`, 'ok'), [{ type: 'append', id: v.id, events }]];
    }
    case 'record-metrics': {
      const refused = evidenceRefused(v);
      if (refused) return [toast(s, refused, 'warn'), []];
      const { events, view } = evidence(s, v);
      if (events.length === 0) return [toast(s, v.metrics.series.length ? 'no new points since the last record' : 'no metric points to record yet', 'warn'), []];
      return [toast(withView(s, view), `recorded ${events.length} metric snapshot${events.length === 1 ? '' : 's'}`, 'ok'), [{ type: 'append', id: v.id, events }]];
    }
    case 'export':
      return [toast(s, 'exporting the report...'), [{ type: 'export', id: v.id, draft: !['resolved', 'closed'].includes(v.incident.status) }]];
    case 'back': {
      const { incident: _incident, ...rest } = s;
      return [{ ...rest, screen: 'home', home: { ...s.home, loading: true } }, [{ type: 'unfollow' }, { type: 'unwatch-aws' }, { type: 'list-incidents' }]];
    }
    case 'up':
    case 'down':
      return [move(s, v, v.pane, cmd === 'down' ? 1 : -1), []];
    case 'older':
    case 'newer':
    case 'page-older':
    case 'page-newer': {
      const page = Math.max(1, s.rows - 12);
      const delta = { older: 1, newer: -1, 'page-older': page, 'page-newer': -page }[cmd];
      return [move(s, v, 'timeline', delta), []];
    }
    case 'oldest':
      return [move(s, v, 'timeline', Number.MAX_SAFE_INTEGER), []];
    case 'newest':
      return [withView(s, { ...v, cursor: { ...v.cursor, timeline: 0 } }), []];
    case 'event-detail':
      return eventDetail(s, v);
    case 'advance':
    case 'verify':
    case 'copy':
    case 'skip':
    case 'fail':
    case 'action':
      return checklistCommand(s, v, cmd);
  }
}

function checklistCommand(s: AppState, v: IncidentView, cmd: ChecklistCommand): Result {
  const rows = checklistRows(v.incident, s.catalog);
  const row = rows[clamp(v.cursor.checklist, rows.length)];
  if (!row) return [toast(s, 'no checklist: choose a scenario (:) first', 'warn'), []];
  const ref = { scenario: row.scenario.id, step: row.step.id };
  const append = (events: NewEvent[]): Effect => ({ type: 'append', id: v.id, events });
  // An action that cannot run is refused before anything is asked: no target typed, no parameter, for nothing.
  // The attempt still goes to the recorded path, which refuses it and records why.
  if (cmd === 'action' && row.step.action && !s.config.allowActions && v.incident.mode !== 'exercise') {
    const [, effects] = startAction(s, { key: row.key }, '');
    return [toast(s, `actions are off: restart warroom with --allow-actions (${row.step.action.operation} refused, recorded)`, 'warn'), effects];
  }
  // What the step needs and the incident does not know is asked here, where it is needed.
  const missing = cmd === 'advance' && row.status !== 'todo' && row.status !== 'failed' ? [] : missingParams(row, v.incident.params);
  if (missing.length > 0 && (cmd === 'advance' || cmd === 'verify' || cmd === 'action' || cmd === 'copy')) return askStepParams(s, row, missing, cmd);
  switch (cmd) {
    case 'advance': {
      if (row.status === 'todo' || row.status === 'failed') {
        // Work on a resolved incident is rare and deliberate: a stray Enter must not reopen the checklist.
        if (isResolved(v.incident)) {
          const text = `The incident is ${v.incident.status}: start ${row.step.id} anyway? (y/n)`;
          return [{ ...s, modals: [...s.modals, { kind: 'confirm', purpose: 'after-resolved', text, events: [{ kind: 'step.started', data: ref }] }] }, []];
        }
        const warn = row.blockedBy.length ? toast(s, `started before ${row.blockedBy.join(', ')} finished`, 'warn') : s;
        return [warn, [append([{ kind: 'step.started', data: ref }])]];
      }
      if (row.status === 'in-progress') {
        const refusal = completionRefusal(v.incident, row.scenario.id, row.step);
        if (refusal) return [toast(s, refusal, 'warn'), []];
        return [s, [append([{ kind: 'step.completed', data: ref }])]];
      }
      return [toast(s, `${row.step.id} is ${row.status}; v verifies it again`), []];
    }
    case 'verify': {
      if (!row.step.verify) return [toast(s, `${row.step.id} has no verification; check it by hand and mark it done`, 'warn'), []];
      if (!s.config.awsConnected) {
        const result = { passed: false, summary: 'not connected: AWS layer not wired', evidence: {}, attempts: 0, elapsedMs: 0 };
        return [withView(s, { ...v, probes: { ...v.probes, [row.key]: { running: false, result, at: s.now } } }), []];
      }
      const running = v.probes[row.key];
      if (running?.running) return [toast(s, `${row.step.id}: verification already running (polls until it holds or its deadline)`), []];
      const probes = { ...v.probes, [row.key]: { running: true, at: s.now } };
      return [withView(s, { ...v, probes }), [{ type: 'run-probe', key: row.key, spec: row.step.verify, params: verificationParams(v.incident.params, v.events) }]];
    }
    case 'copy': {
      if (!row.command) return [toast(s, `${row.step.id} has no command to copy`, 'warn'), []];
      if (row.step.destructive) {
        // A command that destroys something is confirmed as an AWS action is: by typing what it acts on.
        const target = fillLenient(row.step.destructive.confirm, v.incident.params);
        const destroys = fillLenient(row.step.destructive.destroys, v.incident.params);
        const label = `DESTRUCTIVE: ${destroys}. Type ${target} to copy the command`;
        return [{ ...s, modals: [...s.modals, makePrompt('confirm-copy', 'Confirm destructive command', [{ key: 'typed', label }], { ...ref, key: row.key, target })] }, []];
      }
      // The JSON files the command reads are written next to the incident, and the copy points at them.
      const files = Object.fromEntries(Object.entries(row.step.files ?? {}).map(([k, json]) => [fillLenient(k, v.incident.params), fillDeepLenient(json, v.incident.params)]));
      const names = fileRefs(row.command).filter((n) => n in files && isPlainFileName(n));
      if (names.length === 0 || !s.config.filesDir) return copyCommand(s, v, row.step.id, row.command);
      const dir = `${s.config.filesDir}/${v.id}`;
      const [next, effects] = copyCommand(s, v, row.step.id, pointFilesAt(row.command, names, dir));
      const written = Object.fromEntries(names.map((n) => [n, files[n]]));
      return [toast(next, `copied; wrote ${names.join(', ')} to ${dir} (the command reads them there)`, 'ok'), [{ type: 'write-files', dir, files: written }, ...effects]];
    }
    case 'skip':
    case 'fail':
      return [{ ...s, modals: [...s.modals, makePrompt(cmd, `${cmd === 'skip' ? 'Skip' : 'Fail'} ${row.step.id}`, [{ key: 'reason', label: 'Why?' }], { ...ref })] }, []];
    case 'action': {
      if (!row.step.action) return [toast(s, `${row.step.id} has no AWS action`, 'warn'), []];
      // A drill's actions run against its own simulated AWS and are recorded as simulated, so they need no flag.
      const spec = row.step.action;
      const target = fillLenient(spec.confirm, v.incident.params);
      // Where it acts, resolved as the AWS layer resolves it, shown before anyone types.
      const where = s.config.aws ? resolveRegion(spec.region, v.incident.params, s.config.aws) : undefined;
      const region = spec.service === 'route53' ? 'us-east-1 (global)' : !where ? `the ${spec.region} region` : where.ok ? where.region : `no region (${where.message})`;
      const account = s.config.aws?.account ? `account ${s.config.aws.account}` : 'the account STS names';
      const destroys = row.step.destructive ? `DESTRUCTIVE: ${fillLenient(row.step.destructive.destroys, v.incident.params)}. ` : '';
      const label = `${destroys}Type ${target} to run ${spec.service} ${spec.operation} on ${target} in ${region}, ${account}`;
      return [{ ...s, modals: [...s.modals, makePrompt('confirm-action', 'Confirm AWS action', [{ key: 'typed', label }], { ...ref, key: row.key, target })] }, []];
    }
  }
}

/** Copies a destructive step's command once its target is typed exactly, and records who confirmed it; a wrong one copies nothing. */
export function confirmCopy(s: AppState, context: Record<string, string>, typed: string): Result {
  const v = s.incident;
  const row = v && checklistRows(v.incident, s.catalog).find((r) => r.key === context.key);
  if (!v || !row?.command) return [s, []];
  if (typed !== context.target) return [toast(s, `"${typed}" is not ${context.target}: nothing copied`, 'warn'), []];
  const [next, effects] = copyCommand(s, v, row.step.id, row.command);
  const note: NewEvent = { kind: 'note', data: { text: `copied the destructive command of ${row.key} after typing ${typed}` } };
  return [next, [...effects, { type: 'append', id: v.id, events: [note] }]];
}

/** Hands what the operator typed to the one recorded action path; a wrong confirmation is refused and recorded there. */
export function startAction(s: AppState, context: Record<string, string>, typed: string): Result {
  const v = s.incident;
  const row = v && checklistRows(v.incident, s.catalog).find((r) => r.key === context.key);
  if (!v || !row?.step.action) return [s, []];
  const spec = row.step.action;
  // The seq the request will likely get plus the time: unique without a random source in the reducer.
  const actionId = `act-${v.incident.lastSeq + 1}-${s.now.toString(36)}`;
  return [
    toast(s, typed === context.target ? `running ${spec.operation} on ${typed}...` : `"${typed}" is not ${context.target}: refused (recorded)`, typed === context.target ? 'muted' : 'warn'),
    [{ type: 'run-action', incidentId: v.id, actionId, spec, params: { ...v.incident.params }, confirmation: typed, scenario: row.scenario.id, step: row.step.id, events: v.events }],
  ];
}

export function draftText(s: AppState, v: IncidentView): string {
  const [first] = scenariosOf(v.incident, s.catalog);
  const kind = updateKind(v.incident);
  const template =
    first?.comms.templates[kind] ??
    '[{{severity}}] {{title}} ({{incident_id}}): status {{status}}. Impact since {{impact_start}}. Next update {{next_update}}.';
  // Sending this update restarts the cadence, so the next one is due a cadence from now (a drill's on its clock).
  const c = commsClock(v.incident, v.events, s.now);
  const nextUpdateAt = c.now + (first?.comms.cadence_minutes ?? 30) * 60_000;
  const text = fillLenient(template, incidentVars(c.state, { now: c.now, nextUpdateAt, ...(c.formatAt ? { formatAt: c.formatAt } : {}), ...(first ? { scenarioTitle: first.title, impact: first.impact } : {}) }));
  return `${c.marker}${text}`;
}

/** Milliseconds until the next status update is due (negative when overdue), on the incident's own clock. */
export function updateDueIn(v: IncidentView, plan: { first_update_minutes: number; cadence_minutes: number }, now: number): number {
  const t = onIncidentClock(v, now);
  const declared = Date.parse(t.state.milestones.declared?.at ?? t.state.openedAt);
  return nextUpdateDue(plan, declared, t.state.commsSent.map((c) => Date.parse(c.ts))) - t.now;
}

/** Records a scenario choice; asks first for any of its params the incident does not have yet. */
export function chooseScenario(s: AppState, m: { purpose: string; answers: Record<string, string>; context: Record<string, string> }): Result {
  const v = s.incident;
  const id = m.purpose === 'scenario' ? (m.answers.scenario ?? '') : (m.context.scenario ?? '');
  const sc = s.catalog.find((x) => x.id === id);
  if (!v || !sc) return [s, []];
  const missing = Object.entries(sc.params).filter(([name]) => v.incident.params[name] === undefined);
  if (m.purpose === 'scenario' && missing.length > 0) {
    const steps = missing.map(([name, p]) => ({
      key: name,
      label: `Param ${name}: ${p.description}`,
      hint: `example: ${p.example} (Tab fills it in)`,
    example: p.example,
      ...(p.default !== undefined ? { initial: p.default } : {}),
      ...(p.pattern !== undefined ? { pattern: p.pattern } : {}),
    }));
    return [{ ...s, modals: [...s.modals, makePrompt('scenario-params', `Params for ${sc.id}`, steps, { scenario: sc.id })] }, []];
  }
  const params = m.purpose === 'scenario-params' ? m.answers : {};
  return [s, [{ type: 'append', id: v.id, events: [{ kind: 'scenario.selected', data: { scenarios: [sc.id], params } }] }]];
}
