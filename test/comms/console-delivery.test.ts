// End to end: the built console in a pseudo-terminal sends a status update from the comms pane; it
// reaches four local channels (Slack, Teams, webhook, PagerDuty) and an SNS topic on moto, and a
// channel that answers 500 is delivered by the console's background retry once it recovers.
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentStore } from '../../src/store/incident-store.js';
import { startApp, type PtyApp } from '../e2e/pty.js';
import { MOTO, MOTO_MISSING_REASON, MOTO_REQUIRED, startMoto, type Moto } from '../aws/support/moto.js';
import { pagerDutyReply, slackReply, startFakeChannel, teamsReply, tempStateDir, webhookReply, type FakeChannel } from './support.js';

const skip = !MOTO && !MOTO_REQUIRED;
if (skip) console.log(`skipped: ${MOTO_MISSING_REASON}`);

let moto: Moto;
let slack: FakeChannel, teams: FakeChannel, hook: FakeChannel, pd: FakeChannel;
const apps: PtyApp[] = [];

async function until(pred: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(skip)('console delivery (pty, local channels, SNS on moto)', () => {
  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: new URL('../..', import.meta.url).pathname });
    moto = await startMoto();
    [slack, teams, hook, pd] = await Promise.all([startFakeChannel(slackReply), startFakeChannel(teamsReply), startFakeChannel(webhookReply), startFakeChannel(pagerDutyReply)]);
  }, 90_000);
  afterAll(async () => {
    for (const a of apps) a.pty.kill();
    await Promise.all([slack, teams, hook, pd].map((s) => s?.close()));
    await moto?.stop();
  });

  it('an update sent from the comms pane reaches every channel; a 500 is retried in the background', async () => {
    const dir = tempStateDir();
    const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
    const topicArn = (await new SNSClient({ region: 'eu-west-2', endpoint: moto.endpoint, credentials }).send(new CreateTopicCommand({ Name: 'orders-status' }))).TopicArn!;
    writeFileSync(join(dir, 'creds'), '[default]\naws_access_key_id = testing\naws_secret_access_key = testing\n');
    writeFileSync(
      join(dir, 'warroom.yaml'),
      [
        'services:',
        '  - name: orders',
        '    channels:',
        '      timeout_seconds: 3',
        '      targets:',
        '        - { name: ops-slack, kind: slack, webhook: "env:SLACK_URL" }',
        '        - { name: ops-teams, kind: teams, webhook: "env:TEAMS_URL" }',
        '        - { name: status-hook, kind: webhook, url: "env:HOOK_URL", signing_secret: "env:HOOK_SECRET" }',
        `        - { name: oncall, kind: pagerduty, routing_key: "env:PD_KEY", events_url: "${pd.url}/v2/enqueue" }`,
        `        - { name: status-sns, kind: sns, topic_arn: "${topicArn}" }`,
        '      routing:',
        '        - { to: [ops-slack, ops-teams, status-hook, oncall, status-sns] }',
        '',
      ].join('\n'),
    );
    const store = new IncidentStore(dir, { now: () => Date.now() });
    const first = await store.create({ title: 'Orders writes failing', severity: 'SEV1', mode: 'live', scenarios: [], params: {} }, 'commander');
    const id = String(first.data.id);
    teams.fault = 'error500';

    const app = startApp(['--state-dir', dir], {
      cols: 160,
      rows: 40,
      env: {
        WARROOM_SERVICE_FILE: join(dir, 'warroom.yaml'),
        SLACK_URL: `${slack.url}/services/T0/B0/CONSOLESECRET`,
        TEAMS_URL: `${teams.url}/webhookb2/TEAMSSECRET`,
        HOOK_URL: `${hook.url}/in`,
        HOOK_SECRET: 'console-hook-secret',
        PD_KEY: 'PDKEYCONSOLE000000000000000000aa',
        // SNS only: the console's own AWS stays simulated (no AWS_* variable that means "an account").
        AWS_ENDPOINT_URL_SNS: moto.endpoint,
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'creds'),
        AWS_CONFIG_FILE: join(dir, 'nonexistent-config'),
      },
    });
    apps.push(app);
    await app.waitFor((s) => s.includes('Orders writes failing'));
    app.press('\r');
    await app.waitFor((s) => s.includes('Timeline'));
    app.press('c');
    await app.waitFor((s) => s.includes('send'));
    const sentAt = Date.now();
    app.press('s');

    await until(() => slack.received.length === 1 && hook.received.length === 1 && pd.received.length === 1 && teams.received.length === 1, 'the four local channels');
    // The banner shows the channel that is failing while it is retried, and clears once it is delivered.
    await app.waitFor((screen) => screen.includes('comms: 1 failing'));
    teams.fault = 'ok';
    const delivered = () => store.load(id).events.filter((e) => e.kind === 'comms.delivery' && e.data.outcome === 'delivered').map((e) => String(e.data.channel));
    await until(() => delivered().length === 5, 'five deliveries on the timeline (teams after its retry)').catch((err: Error) => {
      throw new Error(`${err.message}: ${JSON.stringify(store.load(id).events.filter((e) => e.kind.startsWith('comms.')).map((e) => [e.kind, e.data]))}`);
    });
    expect(delivered().sort()).toEqual(['oncall', 'ops-slack', 'ops-teams', 'status-hook', 'status-sns']);
    expect(teams.received).toHaveLength(2);
    const sns = store.load(id).events.find((e) => e.kind === 'comms.delivery' && e.data.channel === 'status-sns')!;
    expect(String(sns.data.messageId)).toMatch(/\S{8,}/);
    expect(Date.now() - sentAt).toBeLessThan(15_000);
    expect(slack.received[0]!.json.text).toContain('Orders writes failing');
    expect(store.load(id).events.filter((e) => e.kind === 'comms.sent')).toHaveLength(1);
    await app.waitFor((screen) => !screen.includes('comms:'));
    app.press('q');
    await app.exited;
  }, 60_000);
});
