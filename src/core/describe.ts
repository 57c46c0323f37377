// One line of plain text for any event: used by the timeline pane, text and CSV exports, and reports.
import type { TimelineEvent } from './events.js';

const s = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v));

/** " [status done, due 2026-12-01]" for the fields present. */
const extras = (d: Record<string, unknown>, keys: readonly string[]) => {
  const set = keys.filter((k) => d[k] !== undefined).map((k) => `${k} ${s(d[k])}`);
  return set.length ? ` [${set.join(', ')}]` : '';
};

export function describeEvent(e: TimelineEvent): string {
  const d = e.data;
  switch (e.kind) {
    case 'incident.opened':
      return `opened ${s(d.id)} "${s(d.title)}" ${s(d.severity)} (${s(d.mode)})${Array.isArray(d.scenarios) && d.scenarios.length ? ` scenarios: ${d.scenarios.join(', ')}` : ''}`;
    case 'severity.changed':
      return `severity -> ${s(d.severity)}${d.reason ? `: ${s(d.reason)}` : ''}`;
    case 'status.changed':
      return `status -> ${s(d.status)}${d.reason ? `: ${s(d.reason)}` : ''}`;
    case 'milestone.set':
      return `milestone ${s(d.milestone)} at ${s(d.at)}${d.backdated ? ' (back-dated)' : ''}`;
    case 'role.assigned':
      return `${s(d.name)} is ${s(d.role)}`;
    case 'note':
    case 'decision':
      return s(d.text);
    case 'triage.answered':
      return `triage: ${Object.entries((d.answers as Record<string, string>) ?? {}).map(([k, v]) => `${k}=${v}`).join(', ')}`;
    case 'scenario.selected':
      return `scenario ${((d.scenarios as string[]) ?? []).join(', ')}`;
    case 'step.started':
    case 'step.completed':
      return `${s(d.scenario)}/${s(d.step)} ${e.kind.slice(5)}${d.text ? `: ${s(d.text)}` : ''}`;
    case 'step.skipped':
    case 'step.failed':
      return `${s(d.scenario)}/${s(d.step)} ${e.kind.slice(5)}: ${s(d.reason)}`;
    case 'step.verified':
      return `${s(d.scenario)}/${s(d.step)} verification ${d.passed ? 'passed' : 'failed'}: ${s(d.summary)}`;
    case 'aws.read':
      return `${s(d.service)} ${s(d.operation)}${d.region ? ` (${s(d.region)})` : ''}: ${s(d.summary)}`;
    case 'aws.action.requested':
      return `action ${s(d.actionId)} requested: ${s(d.service)} ${s(d.operation)} on ${s(d.target)}`;
    case 'aws.action.approved':
      return `action ${s(d.actionId)} approved (typed "${s(d.confirmedTarget)}")`;
    case 'aws.action.succeeded':
      return `action ${s(d.actionId)} succeeded${d.requestId ? ` [${s(d.requestId)}]` : ''}: ${s(d.summary)}${d.simulated ? ' (simulated)' : ''}`;
    case 'aws.action.failed':
      return `action ${s(d.actionId)} failed (${s(d.errorClass)})${d.requestId ? ` [${s(d.requestId)}]` : ''}: ${s(d.message)}`;
    case 'alarm.changed':
      return `alarm ${s(d.alarm)} ${s(d.from)} -> ${s(d.to)}${d.reason ? `: ${s(d.reason)}` : ''}`;
    case 'metric.snapshot':
      return `metric ${s(d.metric)}: ${Array.isArray(d.points) ? d.points.length : 0} points`;
    case 'comms.drafted':
      return `draft ${s(d.channel)} update: ${s(d.text)}`;
    case 'comms.sent':
      return `sent ${s(d.channel)} update: ${s(d.text)}`;
    case 'exercise.inject':
      return `inject ${s(d.inject)}: ${s(d.text)}`;
    case 'exercise.clock':
      return `exercise clock ${s(d.control)}${d.speed ? ` x${s(d.speed)}` : ''}${d.detail ? `: ${s(d.detail)}` : ''}`;
    case 'escalation.fired':
      return `escalation ${s(d.level)}: ${s(d.text)}`;
    case 'action_item.added':
      return `action item: ${s(d.text)}${d.owner ? ` (owner ${s(d.owner)})` : ''}${extras(d, ['priority', 'type', 'due', 'ticket', 'status'])}`;
    case 'action_item.updated':
      return `action item seq ${s(d.target)} updated${extras(d, ['status', 'owner', 'priority', 'type', 'due', 'ticket'])}`;
    case 'review.section':
      return `review ${s(d.section)}${d.from === 'draft' ? ' (draft accepted)' : ''}: ${s(d.text)}`;
    case 'review.closed':
      return `review closed${d.text ? `: ${s(d.text)}` : ''}`;
    case 'post_check.recorded':
      return `post-check ${s(d.result)}: ${s(d.check)}${d.text ? ` (${s(d.text)})` : ''}`;
    case 'amend':
      return `amends seq ${s(d.target)}: ${s(d.text)}`;
    case 'report.exported':
      return `report exported as ${s(d.format)}${d.draft ? ' (draft)' : ''}${d.path ? ` to ${s(d.path)}` : ''}`;
    case 'journal.recovered':
      return s(d.text);
    default:
      return JSON.stringify(d);
  }
}
