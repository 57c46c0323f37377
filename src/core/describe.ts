// One line of plain text for any event: used by the timeline pane, text and CSV exports, and reports.
import type { TimelineEvent } from './events.js';
import { audienceText, channelOfData } from './drill-audience.js';
import { formatOffset as drillOffset } from './drill.js';

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
      return d.channel === 'outbox' ? `status update sent${d.kind ? ` (${s(d.kind)})` : ''}: ${s(d.text)}` : `sent ${s(d.channel)} update: ${s(d.text)}`;
    case 'comms.queued':
      return describeQueued(d);
    case 'comms.attempt':
      return `sending update #${s(d.update)} to ${s(d.channel)} (attempt ${s(d.attempt)})`;
    case 'comms.delivery':
      return describeDelivery(d);
    case 'incident.joined':
      return `joined ${s(d.id)} from origin ${s(d.origin)} (its signing key named)`;
    case 'origin.key':
      return `shared from origin ${s(d.origin)} (its signing key named)`;
    case 'exercise.inject':
      return `inject ${s(d.inject)}${typeof d.firedAtSeconds === 'number' ? ` at ${drillOffset(d.firedAtSeconds)}${d.how && d.how !== 'scheduled' ? ` (${s(d.how)})` : ''}` : ''}${forWhom(d)}: ${s(d.text)}`;
    case 'exercise.clock':
      return `exercise clock ${s(d.control)}${d.speed ? ` x${s(d.speed)}` : ''}${typeof d.simSeconds === 'number' ? ` at ${drillOffset(d.simSeconds)}` : ''}${d.detail ? `: ${s(d.detail)}` : ''}`;
    case 'exercise.lease':
      return `drill control ${d.from ? `handed from ${s(d.from)}${d.fromConsole ? ` (console ${s(d.fromConsole)})` : ''} to` : 'taken by'} ${s(d.holder)}${d.console ? ` (console ${s(d.console)})` : ''}${d.detail ? `: ${s(d.detail)}` : ''}`;
    case 'exercise.joined':
      return `joined the drill as ${s(d.role)}${d.console ? ` (console ${s(d.console)})` : ''}`;
    case 'exercise.added':
      return `inject ${s(d.inject)} added for ${drillOffset(typeof d.atSeconds === 'number' ? d.atSeconds : 0)}: ${s(d.title)}`;
    case 'exercise.marked':
      return `evaluated inject ${s(d.inject)}: ${s(d.rating)}${d.note ? ` (${s(d.note)})` : ''}`;
    case 'exercise.answer':
      return `${s(d.form)} answer to ${s(d.question)}${d.role ? ` (${s(d.role)})` : ''}${typeof d.atSeconds === 'number' ? ` at ${drillOffset(d.atSeconds)}` : ''}: ${s(d.text)}`;
    case 'exercise.hotwash':
      return `hotwash opened${typeof d.atSeconds === 'number' ? ` at ${drillOffset(d.atSeconds)}` : ''}`;
    case 'exercise.plan':
      return `improvement plan ${s(d.issue)}${extras(d, ['action', 'owner', 'organisation', 'start', 'completion', 'status'])}`;
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

/** " (for @quinn by email)": an inject's audience and channel, when it has either. */
function forWhom(d: Record<string, unknown>): string {
  const channel = channelOfData(d.channel);
  const audience = Array.isArray(d.audience) ? d.audience.map(s) : [];
  return channel || audience.length ? ` (for ${audienceText(audience, channel)})` : '';
}

function describeQueued(d: Record<string, unknown>): string {
  const channels = Array.isArray(d.channels) && d.channels.length ? d.channels.join(', ') : 'no channel';
  const page = d.page as { level?: unknown; action?: unknown } | undefined;
  const what = page ? `page ${s(page.level)} (${s(page.action)})` : d.kind === 'test' ? 'test message' : `status update${d.sentSeq ? ` #${s(d.sentSeq)}` : ''} (${s(d.kind)})`;
  return `${what} queued for ${channels}${d.exercise ? ' (exercise: drill channels only)' : ''}`;
}

function describeDelivery(d: Record<string, unknown>): string {
  const how = d.status !== undefined ? `HTTP ${s(d.status)}` : d.messageId ? `message ${s(d.messageId)}` : '';
  const why = d.error ? `: ${s(d.error)}` : '';
  switch (d.outcome) {
    case 'delivered':
      return `${s(d.channel)} delivered${how ? ` (${how})` : ''}`;
    case 'failed':
      return `${s(d.channel)} failed${how ? ` (${how})` : ''}${why}${d.retryAt ? `; retry at ${s(d.retryAt).slice(11, 19)} UTC` : ''}`;
    case 'uncertain':
      return `${s(d.channel)} delivery uncertain${why.replace(/^: delivery uncertain/, '')}`;
    default:
      return `${s(d.channel)} gave up after ${s(d.attempt)} attempt${d.attempt === 1 ? '' : 's'}${how ? ` (${how})` : ''}${why}`;
  }
}
