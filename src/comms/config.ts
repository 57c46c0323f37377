// The channel configuration of a service: where updates and pages go, and how secrets are referenced.
// Exported as a zod schema so the service profile can embed it under its `channels` key.
import * as z from 'zod';
import { SEVERITIES } from '../core/index.js';

/** A secret is always a reference, never the value: `env:NAME`, `ssm:/path` or `secretsmanager:id`. */
export const SECRET_REF = /^(env:[A-Za-z_][A-Za-z0-9_]*|ssm:\/\S+|secretsmanager:\S+)$/;
const secretRef = (what: string) =>
  z.string().regex(SECRET_REF, `${what} is a secret: give a reference (env:NAME, ssm:/path or secretsmanager:id), never the value`);

const name = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i, 'channel names are letters, digits, - and _');
const httpUrl = z.url({ protocol: /^https?$/ });

export const SlackChannel = z.strictObject({ name, kind: z.literal('slack'), webhook: secretRef('a Slack webhook URL') });
export const TeamsChannel = z.strictObject({ name, kind: z.literal('teams'), webhook: secretRef('a Teams webhook URL') });
export const WebhookChannel = z.strictObject({
  name,
  kind: z.literal('webhook'),
  url: secretRef('a webhook URL'),
  signing_secret: secretRef('the webhook signing secret'),
});
export const SnsChannel = z.strictObject({
  name,
  kind: z.literal('sns'),
  topic_arn: z.string().regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]+(\.fifo)?$/, 'topic_arn must be an SNS topic ARN'),
  /** SMS subscribers get a short text; this keeps it within one or two SMS segments. */
  sms_limit: z.number().int().min(70).max(1600).default(300),
});
export const SesChannel = z.strictObject({
  name,
  kind: z.literal('ses'),
  from: z.email(),
  to: z.array(z.email()).min(1),
  region: z.string().optional(),
});
export const PagerDutyChannel = z.strictObject({
  name,
  kind: z.literal('pagerduty'),
  routing_key: secretRef('a PagerDuty routing key'),
  /** Defaults to the public Events API v2; set for a proxy or a test double. */
  events_url: httpUrl.default('https://events.pagerduty.com/v2/enqueue'),
});

export const ChannelSchema = z.discriminatedUnion('kind', [SlackChannel, TeamsChannel, WebhookChannel, SnsChannel, SesChannel, PagerDutyChannel]);
export type Channel = z.output<typeof ChannelSchema>;
export type ChannelKind = Channel['kind'];

export const ROUTED_KINDS = ['initial', 'update', 'resolution', 'page'] as const;
export type RoutedKind = (typeof ROUTED_KINDS)[number];

export const RouteSchema = z.strictObject({
  kinds: z.array(z.enum(ROUTED_KINDS)).min(1).default(['initial', 'update', 'resolution']),
  severities: z.array(z.enum(SEVERITIES)).min(1).default([...SEVERITIES]),
  to: z.array(name).min(1),
});

export const ChannelsConfigSchema = z
  .strictObject({
    targets: z.array(ChannelSchema).default([]),
    routing: z.array(RouteSchema).default([]),
    /** The only channels an exercise may reach; empty means a drill sends nothing anywhere. */
    drill: z.array(name).default([]),
    /** Per-request deadline; a channel that has not answered by then is a timeout. */
    timeout_seconds: z.number().positive().max(120).default(10),
    max_attempts: z.number().int().min(1).max(50).default(8),
    /** Escalation levels the console pages by itself when they come due (recorded once, by one console). */
    auto_page: z.array(z.string().min(1)).default([]),
  })
  .superRefine((cfg, ctx) => {
    const names = new Set<string>();
    cfg.targets.forEach((t, i) => {
      if (names.has(t.name)) ctx.addIssue({ code: 'custom', path: ['targets', i, 'name'], message: `channel "${t.name}" is defined twice` });
      names.add(t.name);
    });
    const check = (n: string, path: (string | number)[]) => {
      if (!names.has(n)) ctx.addIssue({ code: 'custom', path, message: `unknown channel "${n}" (defined: ${[...names].join(', ') || 'none'})` });
    };
    cfg.routing.forEach((r, i) => r.to.forEach((n, j) => check(n, ['routing', i, 'to', j])));
    cfg.drill.forEach((n, j) => check(n, ['drill', j]));
  });
export type ChannelsConfig = z.output<typeof ChannelsConfigSchema>;

/** The channels an update of this kind and severity goes to, in definition order. */
export function routeFor(cfg: ChannelsConfig, kind: RoutedKind, severity: string): string[] {
  const picked = new Set(cfg.routing.filter((r) => r.kinds.includes(kind) && (r.severities as string[]).includes(severity)).flatMap((r) => r.to));
  return cfg.targets.map((t) => t.name).filter((n) => picked.has(n));
}

/** What a drill may reach: only the named drill channels, whatever the routing says. */
export function drillTargets(cfg: ChannelsConfig, wanted: readonly string[]): string[] {
  return wanted.filter((n) => cfg.drill.includes(n));
}

export const channelByName = (cfg: ChannelsConfig, n: string): Channel | undefined => cfg.targets.find((t) => t.name === n);

/** Channels where a retry cannot post twice: the receiver deduplicates on a key we send. */
export function isIdempotent(ch: Channel): boolean {
  return ch.kind === 'pagerduty' || (ch.kind === 'sns' && ch.topic_arn.endsWith('.fifo'));
}
