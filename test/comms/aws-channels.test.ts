// SNS, SES and the SSM / Secrets Manager secret references against moto_server (one per file).
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentStore } from '../../src/store/incident-store.js';
import { flushIncident, queueUpdate } from '../../src/comms/outbox.js';
import type { AwsClientFactory } from '../../src/comms/channels/aws-channels.js';
import { MOTO, MOTO_MISSING_REASON, MOTO_REQUIRED, startMoto, type Moto } from '../aws/support/moto.js';
import { manualClock, openIncident, outboxFor, slackReply, startFakeChannel, tempStateDir, type FakeChannel } from './support.js';

const skip = !MOTO && !MOTO_REQUIRED;
if (skip) console.log(`skipped: ${MOTO_MISSING_REASON}`);

const REGION = 'eu-west-2';
const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
let moto: Moto;
let slack: FakeChannel;
let clients: AwsClientFactory;
let topicArn: string;
let fifoArn: string;

describe.skipIf(skip)('SNS and SES channels, secrets from SSM and Secrets Manager (moto)', () => {
  beforeAll(async () => {
    moto = await startMoto();
    slack = await startFakeChannel(slackReply);
    const endpoint = moto.endpoint;
    clients = {
      sns: (region, timeoutMs) => new SNSClient({ region, endpoint, credentials, maxAttempts: 1, requestHandler: { requestTimeout: timeoutMs } }),
      ses: (region, timeoutMs) => new SESv2Client({ region: region ?? REGION, endpoint, credentials, maxAttempts: 1, requestHandler: { requestTimeout: timeoutMs } }),
    };
    const sns = new SNSClient({ region: REGION, endpoint, credentials });
    topicArn = (await sns.send(new CreateTopicCommand({ Name: 'orders-status' }))).TopicArn!;
    fifoArn = (await sns.send(new CreateTopicCommand({ Name: 'orders-status.fifo', Attributes: { FifoTopic: 'true' } }))).TopicArn!;
    await new SESv2Client({ region: REGION, endpoint, credentials }).send(new CreateEmailIdentityCommand({ EmailIdentity: 'incidents@example.com' }));
    await new SSMClient({ region: REGION, endpoint, credentials }).send(
      new PutParameterCommand({ Name: '/warroom/slack-url', Type: 'SecureString', Value: `${slack.url}/services/T0/B0/FROMSSMSECRET` }),
    );
    await new SecretsManagerClient({ region: REGION, endpoint, credentials }).send(new CreateSecretCommand({ Name: 'warroom/pd', SecretString: 'PDKEYFROMSECRETSMANAGER0000' }));
  }, 60_000);
  afterAll(async () => {
    await slack?.close();
    await moto?.stop();
  });

  const secretClients = () => ({
    ssm: () => new SSMClient({ region: REGION, endpoint: moto.endpoint, credentials }),
    secretsManager: () => new SecretsManagerClient({ region: REGION, endpoint: moto.endpoint, credentials }),
  });

  it('an update reaches an SNS topic, a FIFO topic, SES email and Slack (webhook URL from SSM)', async () => {
    const clock = manualClock();
    const store = new IncidentStore(tempStateDir(), clock);
    const id = await openIncident(store);
    const cfg = {
      targets: [
        { name: 'status-sns', kind: 'sns', topic_arn: topicArn },
        { name: 'status-fifo', kind: 'sns', topic_arn: fifoArn },
        { name: 'exec-email', kind: 'ses', from: 'incidents@example.com', to: ['cto@example.com'], region: REGION },
        { name: 'ops-slack', kind: 'slack', webhook: 'ssm:/warroom/slack-url' },
      ],
      routing: [{ to: ['status-sns', 'status-fifo', 'exec-email', 'ops-slack'] }],
    };
    const deps = outboxFor(store, clock, cfg, {}, { aws: clients, secretClients: secretClients() });
    await queueUpdate(deps, id, { kind: 'initial', text: 'Orders writes are failing in eu-west-2.' });
    const r = await flushIncident(deps, id);
    const byChannel = Object.fromEntries(r.lines.map((l) => [l.channel, l]));
    for (const ch of ['status-sns', 'status-fifo', 'exec-email', 'ops-slack']) expect(byChannel[ch]?.outcome, `${ch}: ${byChannel[ch]?.detail}`).toBe('delivered');
    const delivered = store.load(id).events.filter((e) => e.kind === 'comms.delivery');
    expect(delivered.find((e) => e.data.channel === 'status-sns')!.data.messageId).toMatch(/\S{8,}/);
    expect(delivered.find((e) => e.data.channel === 'exec-email')!.data.messageId).toMatch(/\S{8,}/);
    expect(slack.received.at(-1)!.path).toBe('/services/T0/B0/FROMSSMSECRET');
    expect(readFileSync(store.journalPath(id), 'utf8')).not.toContain('FROMSSMSECRET');
  });

  it('a missing SSM parameter fails the channel without sending, then delivers once it exists', async () => {
    const clock = manualClock();
    const store = new IncidentStore(tempStateDir(), clock);
    const id = await openIncident(store);
    const cfg = { targets: [{ name: 'ops-slack', kind: 'slack', webhook: 'ssm:/warroom/not-yet' }], routing: [{ to: ['ops-slack'] }] };
    const deps = outboxFor(store, clock, cfg, {}, { aws: clients, secretClients: secretClients() });
    await queueUpdate(deps, id, { kind: 'update', text: 'x' });
    const before = slack.received.length;
    const first = await flushIncident(deps, id);
    expect(first.lines[0]).toMatchObject({ outcome: 'failed' });
    expect(first.lines[0]!.detail).toContain('ParameterNotFound');
    await new SSMClient({ region: REGION, endpoint: moto.endpoint, credentials }).send(new PutParameterCommand({ Name: '/warroom/not-yet', Type: 'SecureString', Value: `${slack.url}/late` }));
    clock.advance(2_000);
    expect((await flushIncident(deps, id)).lines[0]).toMatchObject({ outcome: 'delivered' });
    expect(slack.received.length).toBe(before + 1);
  });

  it('a page goes to PagerDuty with the routing key from Secrets Manager', async () => {
    const pd = await startFakeChannel((r, res) => void res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'success', dedup_key: r.json.dedup_key })));
    try {
      const clock = manualClock();
      const store = new IncidentStore(tempStateDir(), clock);
      const id = await openIncident(store);
      const cfg = { targets: [{ name: 'oncall', kind: 'pagerduty', routing_key: 'secretsmanager:warroom/pd', events_url: `${pd.url}/v2/enqueue` }] };
      const deps = outboxFor(store, clock, cfg, {}, { aws: clients, secretClients: secretClients() });
      await queueUpdate(deps, id, { kind: 'page', text: 'page L1', page: { level: 'L1', action: 'trigger' }, channels: ['oncall'] });
      expect((await flushIncident(deps, id)).lines[0]).toMatchObject({ outcome: 'delivered', detail: `${id}/L1` });
      expect(pd.received[0]!.json.routing_key).toBe('PDKEYFROMSECRETSMANAGER0000');
    } finally {
      await pd.close();
    }
  });

  it('an unreachable SNS endpoint is retried later, and the FIFO topic keeps one dedup id per update', async () => {
    const clock = manualClock();
    const store = new IncidentStore(tempStateDir(), clock);
    const id = await openIncident(store);
    const sent: unknown[] = [];
    const dead: AwsClientFactory = {
      sns: (region) => {
        const c = new SNSClient({ region, endpoint: 'http://127.0.0.1:1', credentials, maxAttempts: 1 });
        c.middlewareStack.add((next) => async (args) => (sent.push((args.input as { MessageDeduplicationId?: string }).MessageDeduplicationId), next(args)), { step: 'initialize' });
        return c;
      },
      ses: clients.ses,
    };
    const cfg = { targets: [{ name: 'status-fifo', kind: 'sns', topic_arn: fifoArn }], routing: [{ to: ['status-fifo'] }] };
    const down = outboxFor(store, clock, cfg, {}, { aws: dead });
    await queueUpdate(down, id, { kind: 'update', text: 'x' });
    expect((await flushIncident(down, id)).lines[0]).toMatchObject({ outcome: 'failed' });
    const up = outboxFor(store, clock, cfg, {}, { aws: clients });
    clock.advance(2_000);
    expect((await flushIncident(up, id)).lines[0]).toMatchObject({ outcome: 'delivered' });
    expect(sent[0]).toMatch(new RegExp(`^${id}-\\d+-status-fifo$`));
  });
});
