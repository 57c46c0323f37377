// Amazon SNS (a topic; its email and SMS subscribers get the update through SNS) and Amazon SES email.
// One attempt per call (the outbox does the retrying), with the channel's deadline. The SDK is loaded
// on first use, so the console and the other commands start without it.
import type { SNSClient } from '@aws-sdk/client-sns';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Channel } from '../config.js';
import { emailMarkdown, emailSubject, plainText, smsText, type OutgoingMessage } from '../message.js';
import type { SendContext, SendResult } from './result.js';

export interface AwsClientFactory {
  sns(region: string, timeoutMs: number): SNSClient | Promise<SNSClient>;
  ses(region: string | undefined, timeoutMs: number): SESv2Client | Promise<SESv2Client>;
}

export const defaultAwsClients: AwsClientFactory = {
  sns: async (region, timeoutMs) => new (await import('./aws-sdk.js')).SNSClient({ region, maxAttempts: 1, requestHandler: { requestTimeout: timeoutMs, connectionTimeout: timeoutMs } }),
  ses: async (region, timeoutMs) =>
    new (await import('./aws-sdk.js')).SESv2Client({ ...(region ? { region } : {}), maxAttempts: 1, requestHandler: { requestTimeout: timeoutMs, connectionTimeout: timeoutMs } }),
};

const RETRYABLE = /Throttl|TooManyRequests|ServiceUnavailable|InternalError|InternalFailure|RequestTimeout|ECONNREFUSED|EAI_AGAIN|ENOTFOUND/i;
const TIMEOUT = /TimeoutError|timed? ?out|ECONNRESET|socket hang up/i;

function classify(err: unknown): SendResult {
  const e = err as Error & { $metadata?: { httpStatusCode?: number }; code?: string };
  const status = e.$metadata?.httpStatusCode;
  const error = `${e.name}: ${e.message}`;
  const never = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(`${e.code ?? ''} ${e.message}`);
  if (!never && TIMEOUT.test(`${e.name} ${e.message} ${e.code ?? ''}`)) return { outcome: 'timeout', error };
  const retryable = never || RETRYABLE.test(`${e.name} ${e.code ?? ''}`) || (status !== undefined && status >= 500);
  return { outcome: 'failed', retryable, ...(status !== undefined ? { status } : {}), error };
}

export async function sendAws(ch: Channel, m: OutgoingMessage, ctx: SendContext, clients: AwsClientFactory): Promise<SendResult> {
  try {
    if (ch.kind === 'sns') {
      const region = ch.topic_arn.split(':')[3]!;
      const fifo = ch.topic_arn.endsWith('.fifo');
      // Per-protocol bodies: email subscribers get the full text, SMS a short line.
      const message = JSON.stringify({ default: plainText(m), email: plainText(m), sms: smsText(m, ch.sms_limit) });
      const { PublishCommand } = await import('./aws-sdk.js');
      const out = await (await clients.sns(region, ctx.timeoutMs)).send(
        new PublishCommand({
          TopicArn: ch.topic_arn,
          Subject: emailSubject(m).replace(/[^\x20-\x7E]/g, ' ').slice(0, 100),
          Message: message,
          MessageStructure: 'json',
          ...(fifo ? { MessageGroupId: m.incidentId, MessageDeduplicationId: `${m.incidentId}-${m.update}-${ch.name}` } : {}),
        }),
      );
      return { outcome: 'delivered', ...(out.MessageId ? { messageId: out.MessageId } : {}) };
    }
    if (ch.kind === 'ses') {
      const { SendEmailCommand } = await import('./aws-sdk.js');
      const out = await (await clients.ses(ch.region, ctx.timeoutMs)).send(
        new SendEmailCommand({
          FromEmailAddress: ch.from,
          Destination: { ToAddresses: ch.to },
          Content: { Simple: { Subject: { Data: emailSubject(m) }, Body: { Text: { Data: emailMarkdown(m) } } } },
        }),
      );
      return { outcome: 'delivered', ...(out.MessageId ? { messageId: out.MessageId } : {}) };
    }
  } catch (err) {
    return classify(err);
  }
  throw new Error(`not an AWS channel: ${ch.kind}`);
}
