// The channels reached by an HTTP POST: Slack and Teams incoming webhooks, a generic signed JSON
// webhook and the PagerDuty Events API v2.
import { createHmac } from 'node:crypto';
import type { Channel } from '../config.js';
import { pagerDutyEvent, slackPayload, teamsPayload, webhookBody, type OutgoingMessage } from '../message.js';
import { postJson } from './http-post.js';
import type { SendContext, SendResult } from './result.js';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the receiver recomputes it with the shared secret. */
export function webhookSignature(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

export const SIGNATURE_HEADER = 'x-warroom-signature';

export async function sendHttp(ch: Channel, m: OutgoingMessage, ctx: SendContext): Promise<SendResult> {
  switch (ch.kind) {
    case 'slack':
      return strip(await postJson(await ctx.secret(ch.webhook), JSON.stringify(slackPayload(m)), {}, ctx.timeoutMs, ctx.nowMs));
    case 'teams':
      return strip(await postJson(await ctx.secret(ch.webhook), JSON.stringify(teamsPayload(m)), {}, ctx.timeoutMs, ctx.nowMs));
    case 'webhook': {
      const body = JSON.stringify(webhookBody(m));
      const t = Math.floor(ctx.nowMs / 1000);
      const headers = {
        [SIGNATURE_HEADER]: webhookSignature(await ctx.secret(ch.signing_secret), body, t),
        // Offered to receivers that deduplicate; warroom does not rely on it.
        'idempotency-key': `${m.incidentId}-${m.update}-${ch.name}`,
      };
      return strip(await postJson(await ctx.secret(ch.url), body, headers, ctx.timeoutMs, ctx.nowMs));
    }
    case 'pagerduty': {
      const r = await postJson(ch.events_url, JSON.stringify(pagerDutyEvent(m, await ctx.secret(ch.routing_key))), {}, ctx.timeoutMs, ctx.nowMs);
      if (r.outcome !== 'delivered') return strip(r);
      let key: string | undefined;
      try {
        key = (JSON.parse(r.text ?? '') as { dedup_key?: string }).dedup_key;
      } catch {
        // PagerDuty answers JSON; a proxy might not
      }
      return { outcome: 'delivered', status: r.status!, ...(key ? { messageId: key } : {}) };
    }
    default:
      throw new Error(`not an HTTP channel: ${ch.kind}`);
  }
}

function strip(r: SendResult & { text?: string }): SendResult {
  const { text: _text, ...rest } = r;
  return rest as SendResult;
}
