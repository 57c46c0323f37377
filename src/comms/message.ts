// One update as every channel sees it, and the shape each channel receives. Pure: the previews in the
// console and the requests the adapters send come from these same functions.
import type { Severity } from '../core/index.js';
import type { Channel } from './config.js';

export interface OutgoingMessage {
  incidentId: string;
  title: string;
  severity: Severity;
  status: string;
  kind: 'initial' | 'update' | 'resolution' | 'page' | 'test';
  text: string;
  exercise: boolean;
  /** The seq of the comms.queued event: the update's identity in the outbox. */
  update: number;
  nextUpdate?: string;
  page?: { level: string; action: 'trigger' | 'acknowledge' | 'resolve' };
}

export const EXERCISE = 'EXERCISE';

const SEVERITY_COLOUR: Record<Severity, string> = { SEV1: '#D0021B', SEV2: '#F5A623', SEV3: '#F8E71C', SEV4: '#4A90E2' };
const TEAMS_COLOUR: Record<Severity, string> = { SEV1: 'attention', SEV2: 'warning', SEV3: 'accent', SEV4: 'good' };
const PD_SEVERITY: Record<Severity, string> = { SEV1: 'critical', SEV2: 'error', SEV3: 'warning', SEV4: 'info' };
const KIND_LABEL = { initial: 'Initial update', update: 'Update', resolution: 'Resolved', page: 'Page', test: 'Test message' } as const;

/** A link-free summary: URLs in free text are shown as their host only, so nothing clickable leaks. */
export const linkFree = (text: string): string => text.replace(/\bhttps?:\/\/([^/\s]+)\S*/g, '$1');

export function headline(m: OutgoingMessage): string {
  const mark = m.exercise ? `[${EXERCISE}] ` : '';
  return `${mark}${m.severity} ${KIND_LABEL[m.kind]}: ${m.title} (${m.incidentId})`;
}

export function plainText(m: OutgoingMessage): string {
  const lines = [headline(m), `Status: ${m.status}`, '', linkFree(m.text)];
  if (m.nextUpdate) lines.push('', `Next update: ${m.nextUpdate}`);
  if (m.exercise) lines.push('', `${EXERCISE}: this is a drill, no action on real systems.`);
  return lines.join('\n');
}

export function slackPayload(m: OutgoingMessage): Record<string, unknown> {
  const fields = [
    { type: 'mrkdwn', text: `*Severity*\n${m.severity}` },
    { type: 'mrkdwn', text: `*Status*\n${m.status}` },
    { type: 'mrkdwn', text: `*Next update*\n${m.nextUpdate ?? 'when there is news'}` },
    { type: 'mrkdwn', text: `*Incident*\n${m.incidentId}` },
  ];
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: headline(m).slice(0, 150), emoji: false } },
    { type: 'section', fields },
    { type: 'section', text: { type: 'mrkdwn', text: linkFree(m.text).slice(0, 3000) } },
  ];
  if (m.exercise) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `*${EXERCISE}*: this is a drill, no action on real systems.` }] });
  // The colour bar is only available on an attachment; the blocks ride inside it.
  return { text: headline(m), attachments: [{ color: SEVERITY_COLOUR[m.severity], blocks }] };
}

export function teamsPayload(m: OutgoingMessage): Record<string, unknown> {
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: headline(m), weight: 'Bolder', size: 'Medium', color: TEAMS_COLOUR[m.severity], wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: 'Severity', value: m.severity },
        { title: 'Status', value: m.status },
        { title: 'Next update', value: m.nextUpdate ?? 'when there is news' },
        { title: 'Incident', value: m.incidentId },
      ],
    },
    { type: 'TextBlock', text: linkFree(m.text), wrap: true },
  ];
  if (m.exercise) body.push({ type: 'TextBlock', text: `${EXERCISE}: this is a drill, no action on real systems.`, weight: 'Bolder', color: 'warning', wrap: true });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body },
      },
    ],
  };
}

export function webhookBody(m: OutgoingMessage): Record<string, unknown> {
  return {
    incident: m.incidentId,
    update: m.update,
    kind: m.kind,
    title: m.title,
    severity: m.severity,
    status: m.status,
    text: linkFree(m.text),
    exercise: m.exercise,
    ...(m.nextUpdate ? { next_update: m.nextUpdate } : {}),
    ...(m.page ? { page: m.page } : {}),
  };
}

/** SMS subscribers of an SNS topic: one short line, cut to the limit with an ellipsis. */
export function smsText(m: OutgoingMessage, limit: number): string {
  const s = `${headline(m)} - ${m.status}. ${linkFree(m.text).replace(/\s+/g, ' ')}`;
  return s.length <= limit ? s : `${s.slice(0, limit - 1)}…`;
}

export function emailSubject(m: OutgoingMessage): string {
  return headline(m).slice(0, 200);
}

export function emailMarkdown(m: OutgoingMessage): string {
  const lines = [`# ${headline(m)}`, '', `- **Severity:** ${m.severity}`, `- **Status:** ${m.status}`, `- **Next update:** ${m.nextUpdate ?? 'when there is news'}`, '', linkFree(m.text)];
  if (m.exercise) lines.push('', `**${EXERCISE}**: this is a drill, no action on real systems.`);
  return lines.join('\n');
}

/** PagerDuty Events API v2: one dedup key per incident (per level for pages), so retries and ack/resolve meet the same alert. */
export function pagerDutyDedupKey(m: OutgoingMessage): string {
  return m.page ? `${m.incidentId}/${m.page.level}` : m.incidentId;
}

export function pagerDutyEvent(m: OutgoingMessage, routingKey: string): Record<string, unknown> {
  const action = m.page?.action ?? (m.kind === 'resolution' ? 'resolve' : 'trigger');
  const base = { routing_key: routingKey, event_action: action, dedup_key: pagerDutyDedupKey(m) };
  if (action !== 'trigger') return base;
  return {
    ...base,
    payload: {
      summary: (m.page ? `${headline(m)} - level ${m.page.level}` : headline(m)).slice(0, 1024),
      source: 'warroom',
      severity: PD_SEVERITY[m.severity],
      component: m.incidentId,
      custom_details: { status: m.status, text: linkFree(m.text), exercise: m.exercise },
    },
  };
}

/** Exactly what one channel would receive (secrets shown as placeholders), for previews. */
export function preview(ch: Channel, m: OutgoingMessage): string {
  const json = (v: unknown) => JSON.stringify(v, null, 2);
  switch (ch.kind) {
    case 'slack':
      return json(slackPayload(m));
    case 'teams':
      return json(teamsPayload(m));
    case 'webhook':
      return json(webhookBody(m));
    case 'pagerduty':
      return json(pagerDutyEvent(m, '<routing key>'));
    case 'sns':
      return `email subscribers:\n${plainText(m)}\n\nSMS subscribers:\n${smsText(m, ch.sms_limit)}`;
    case 'ses':
      return `Subject: ${emailSubject(m)}\n\n${emailMarkdown(m)}`;
  }
}
