// The outbox against local servers that play Slack, Teams, a signed webhook and PagerDuty: the payload
// shapes those services document, and the faults (500, 429 with Retry-After, timeout, connection refused).
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IncidentStore } from '../../src/store/incident-store.js';
import { flushIncident, queueUpdate } from '../../src/comms/outbox.js';
import { countOutbox, foldOutbox } from '../../src/comms/outbox-state.js';
import { fingerprint } from '../../src/comms/redact.js';
import {
  manualClock, openIncident, outboxFor, pagerDutyReply, slackReply, startFakeChannel, teamsReply, tempStateDir, webhookReply,
  type FakeChannel, type ManualClock,
} from './support.js';

let slack: FakeChannel, teams: FakeChannel, hook: FakeChannel, pd: FakeChannel, drill: FakeChannel;
let clock: ManualClock;
let store: IncidentStore;
let env: Record<string, string>;

const SIGNING = 'whsec-test-signing-secret-0123';
const PD_KEY = 'R0UT1NGKEY0000000000000000000001';

const config = () => ({
  targets: [
    { name: 'ops-slack', kind: 'slack', webhook: 'env:SLACK_URL' },
    { name: 'ops-teams', kind: 'teams', webhook: 'env:TEAMS_URL' },
    { name: 'status-hook', kind: 'webhook', url: 'env:HOOK_URL', signing_secret: 'env:HOOK_SECRET' },
    { name: 'oncall', kind: 'pagerduty', routing_key: 'env:PD_KEY', events_url: `${pd.url}/v2/enqueue` },
    { name: 'drill-slack', kind: 'slack', webhook: 'env:DRILL_URL' },
  ],
  routing: [
    { kinds: ['initial', 'update', 'resolution'], severities: ['SEV1', 'SEV2'], to: ['ops-slack', 'ops-teams', 'status-hook', 'oncall'] },
    { kinds: ['update'], severities: ['SEV3'], to: ['ops-slack'] },
  ],
  drill: ['drill-slack'],
  timeout_seconds: 1,
});

beforeAll(async () => {
  [slack, teams, hook, pd, drill] = await Promise.all([
    startFakeChannel(slackReply), startFakeChannel(teamsReply), startFakeChannel(webhookReply), startFakeChannel(pagerDutyReply), startFakeChannel(slackReply),
  ]);
});
afterAll(async () => {
  await Promise.all([slack, teams, hook, pd, drill].map((s) => s.close()));
});
beforeEach(() => {
  clock = manualClock();
  store = new IncidentStore(tempStateDir(), clock);
  env = {
    SLACK_URL: `${slack.url}/services/T000/B000/XXXXSLACKSECRET`,
    TEAMS_URL: `${teams.url}/webhookb2/TEAMSSECRETPATH`,
    HOOK_URL: `${hook.url}/hooks/warroom?token=HOOKTOKEN123`,
    HOOK_SECRET: SIGNING,
    PD_KEY,
    DRILL_URL: `${drill.url}/services/T000/B111/DRILLSECRET`,
  };
});
afterEach(() => {
  for (const s of [slack, teams, hook, pd, drill]) {
    s.fault = 'ok';
    s.received.length = 0;
  }
});

const deliveries = (id: string) => store.load(id).events.filter((e) => e.kind === 'comms.delivery').map((e) => e.data);

describe('an update reaches every routed channel, in the shape each expects', () => {
  it('records the update once, then one delivery per channel with its result', async () => {
    const id = await openIncident(store);
    const deps = outboxFor(store, clock, config(), env);
    const q = await queueUpdate(deps, id, { kind: 'initial', text: 'Writes fail since 08:40. Dashboard: https://grafana.internal/d/abc' });
    expect(q.channels).toEqual(['ops-slack', 'ops-teams', 'status-hook', 'oncall']);
    const r = await flushIncident(deps, id);
    expect(r.lines.map((l) => [l.channel, l.outcome]).sort()).toEqual([['oncall', 'delivered'], ['ops-slack', 'delivered'], ['ops-teams', 'delivered'], ['status-hook', 'delivered']]);

    const events = store.load(id).events;
    expect(events.filter((e) => e.kind === 'comms.sent')).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'comms.queued')).toHaveLength(1);
    const sentSeq = events.find((e) => e.kind === 'comms.sent')!.seq;
    const queued = events.find((e) => e.kind === 'comms.queued')!;
    expect(queued.data).toMatchObject({ withSent: true, kind: 'initial', severity: 'SEV1', exercise: false });
    expect(queued.seq).toBe(sentSeq + 1); // written in the same append, right after the text
    expect(Math.min(...events.filter((e) => e.kind === 'comms.attempt').map((e) => e.seq))).toBeGreaterThan(queued.seq);
    expect(deliveries(id).map((d) => [d.channel, d.outcome, d.status])).toEqual(
      expect.arrayContaining([['ops-slack', 'delivered', 200], ['ops-teams', 'delivered', 202], ['status-hook', 'delivered', 204], ['oncall', 'delivered', 202]]),
    );

    // Slack Block Kit inside an attachment (for the severity colour), with a plain-text fallback.
    const s = slack.received[0]!.json as { text: string; attachments: { color: string; blocks: { type: string; text?: { text: string } }[] }[] };
    expect(s.text).toContain('SEV1 Initial update: Orders database down');
    expect(s.attachments[0]!.color).toBe('#D0021B');
    expect(s.attachments[0]!.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section']);
    expect(JSON.stringify(s)).not.toContain('https://grafana'); // link-free summary
    expect(JSON.stringify(s)).toContain('grafana.internal');

    // Teams: an Adaptive Card in a message attachment.
    const t = teams.received[0]!.json as { type: string; attachments: { contentType: string; content: { type: string; version: string; body: { type: string; color?: string }[] } }[] };
    expect(t.type).toBe('message');
    expect(t.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(t.attachments[0]!.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(t.attachments[0]!.content.body[0]!.color).toBe('attention');

    // The webhook body is signed: the receiver recomputes the HMAC with the shared secret.
    const h = hook.received[0]!;
    const sig = String(h.headers['x-warroom-signature']);
    const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(sig);
    expect(m).not.toBeNull();
    expect(m![2]).toBe(createHmac('sha256', SIGNING).update(`${m![1]}.${h.body}`).digest('hex'));
    expect(h.json).toMatchObject({ incident: id, kind: 'initial', severity: 'SEV1', exercise: false });

    // PagerDuty Events API v2.
    const p = pd.received[0]!;
    expect(p.path).toBe('/v2/enqueue');
    expect(p.json).toMatchObject({ routing_key: PD_KEY, event_action: 'trigger', dedup_key: id, payload: { source: 'warroom', severity: 'critical' } });
    expect(String((p.json.payload as { summary: string }).summary).length).toBeLessThanOrEqual(1024);
  });

  it('never writes a secret to the timeline: the journal holds fingerprints at most', async () => {
    const id = await openIncident(store);
    const deps = outboxFor(store, clock, config(), env);
    slack.fault = 'bad-request';
    await queueUpdate(deps, id, { kind: 'update', text: `pasted by mistake: ${env.SLACK_URL}` });
    await flushIncident(deps, id);
    const raw = readFileSync(store.journalPath(id), 'utf8');
    for (const secret of [env.SLACK_URL!, 'XXXXSLACKSECRET', PD_KEY, SIGNING, 'HOOKTOKEN123']) expect(raw).not.toContain(secret);
    expect(raw).toContain(fingerprint(env.SLACK_URL!));
  });
});

describe('faults', () => {
  it('a 500 is retried with backoff and delivered once the channel recovers', async () => {
    const id = await openIncident(store);
    const deps = outboxFor(store, clock, config(), env);
    teams.fault = 'error500';
    await queueUpdate(deps, id, { kind: 'initial', text: 'Failover started.', channels: ['ops-teams'] });
    const first = await flushIncident(deps, id);
    expect(first.lines[0]).toMatchObject({ channel: 'ops-teams', outcome: 'failed' });
    expect(first.nextRetryAt).toBe(clock.now() + 2_000);
    teams.fault = 'ok';
    expect((await flushIncident(deps, id)).lines[0]!.outcome).toBe('waiting'); // not yet due
    expect(teams.received).toHaveLength(1);
    clock.advance(2_000);
    expect((await flushIncident(deps, id)).lines[0]).toMatchObject({ outcome: 'delivered' });
    expect(teams.received).toHaveLength(2);
    expect(countOutbox(foldOutbox(store.load(id).events))).toMatchObject({ delivered: 1, failed: 0, pending: 0 });
  });

  it('a 429 waits for Retry-After, not the backoff', async () => {
    const id = await openIncident(store);
    const deps = outboxFor(store, clock, config(), env);
    slack.fault = 'throttle';
    slack.retryAfter = '7';
    await queueUpdate(deps, id, { kind: 'update', text: 'Still failing over.', channels: ['ops-slack'] });
    const r = await flushIncident(deps, id);
    expect(r.nextRetryAt).toBe(clock.now() + 7_000);
    expect(deliveries(id)[0]).toMatchObject({ outcome: 'failed', status: 429, retryAt: new Date(clock.now() + 7_000).toISOString() });
    slack.fault = 'ok';
    clock.advance(3_000);
    await flushIncident(deps, id);
    expect(slack.received).toHaveLength(1);
    clock.advance(4_000);
    await flushIncident(deps, id);
    expect(slack.received).toHaveLength(2);
    expect(deliveries(id).at(-1)).toMatchObject({ outcome: 'delivered', attempt: 2 });
  });

  it('a timeout on a channel without an idempotency key is recorded as delivery uncertain and never re-posted', async () => {
    const id = await openIncident(store);
    const deps = outboxFor(store, clock, config(), env);
    hook.fault = 'hang';
    await queueUpdate(deps, id, { kind: 'update', text: 'Reads restored.', channels: ['status-hook'] });
    const r = await flushIncident(deps, id);
    expect(r.lines[0]).toMatchObject({ outcome: 'uncertain' });
    expect(r.lines[0]!.detail).toContain('delivery uncertain');
    hook.fault = 'ok';
    clock.advance(600_000);
    await flushIncident(deps, id);
    expect(hook.received).toHaveLength(1);
  });

  it('a timeout on PagerDuty is retried with the same dedup key', async () => {
    const id = await openIncident(store);
    const deps = outboxFor(store, clock, config(), env);
    pd.fault = 'hang';
    await queueUpdate(deps, id, { kind: 'update', text: 'Reads restored.', channels: ['oncall'] });
    expect((await flushIncident(deps, id)).lines[0]).toMatchObject({ outcome: 'failed' });
    pd.fault = 'ok';
    clock.advance(2_000);
    expect((await flushIncident(deps, id)).lines[0]).toMatchObject({ outcome: 'delivered', detail: id });
    expect(pd.received.map((r) => r.json.dedup_key)).toEqual([id, id]);
  });

  it('connection refused is retried and delivers once the channel listens', async () => {
    const gone = await startFakeChannel(slackReply);
    const port = gone.port;
    await gone.close();
    const id = await openIncident(store);
    const deps = outboxFor(store, clock, config(), { ...env, SLACK_URL: `http://127.0.0.1:${port}/services/T000/B000/REFUSEDSECRET` });
    await queueUpdate(deps, id, { kind: 'update', text: 'Checking replicas.', channels: ['ops-slack'] });
    const r = await flushIncident(deps, id);
    expect(r.lines[0]).toMatchObject({ outcome: 'failed' });
    expect(r.lines[0]!.detail).toContain('ECONNREFUSED');
    const back = await startFakeChannel(slackReply, port);
    try {
      clock.advance(2_000);
      expect((await flushIncident(deps, id)).lines[0]).toMatchObject({ outcome: 'delivered' });
      expect(back.received).toHaveLength(1);
    } finally {
      await back.close();
    }
  });

  it('a 400 is final: given up without retrying', async () => {
    const id = await openIncident(store);
    const deps = outboxFor(store, clock, config(), env);
    slack.fault = 'bad-request';
    await queueUpdate(deps, id, { kind: 'update', text: 'x', channels: ['ops-slack'] });
    expect((await flushIncident(deps, id)).lines[0]).toMatchObject({ outcome: 'gave-up' });
    clock.advance(600_000);
    await flushIncident(deps, id);
    expect(slack.received).toHaveLength(1);
  });

  it('five channels that time out are sent side by side, not one after another', async () => {
    const id = await openIncident(store);
    for (const s of [slack, teams, hook, pd, drill]) s.fault = 'hang';
    const deps = outboxFor(store, clock, { ...config(), drill: [] }, env);
    await queueUpdate(deps, id, { kind: 'update', text: 'x', channels: ['ops-slack', 'ops-teams', 'status-hook', 'oncall', 'drill-slack'] });
    const started = performance.now();
    await flushIncident(deps, id);
    expect(performance.now() - started).toBeLessThan(3_000); // five 1 s deadlines in parallel
  });
});

describe('drills and pages', () => {
  it('an exercise reaches only the drill channels, and every message says EXERCISE', async () => {
    const id = await openIncident(store, 'exercise');
    const deps = outboxFor(store, clock, config(), env);
    const q = await queueUpdate(deps, id, { kind: 'initial', text: 'Drill: the orders table is gone.' });
    expect(q.channels).toEqual(['drill-slack']);
    await flushIncident(deps, id);
    expect([slack, teams, hook, pd].map((s) => s.received.length)).toEqual([0, 0, 0, 0]);
    expect(drill.received).toHaveLength(1);
    expect(drill.received[0]!.body).toContain('[EXERCISE]');
    const named = await queueUpdate(deps, id, { kind: 'update', text: 'x', channels: ['ops-slack', 'oncall'] });
    expect(named).toMatchObject({ channels: [], heldBack: ['ops-slack', 'oncall'] });
  });

  it('trigger, acknowledge and resolve of a page share one dedup key', async () => {
    const id = await openIncident(store);
    const deps = outboxFor(store, clock, config(), env);
    for (const action of ['trigger', 'acknowledge', 'resolve'] as const) {
      await queueUpdate(deps, id, { kind: 'page', text: `page L2 ${action}`, page: { level: 'L2', action }, channels: ['oncall'] });
      await flushIncident(deps, id);
    }
    expect(pd.received.map((r) => [r.json.event_action, r.json.dedup_key])).toEqual([['trigger', `${id}/L2`], ['acknowledge', `${id}/L2`], ['resolve', `${id}/L2`]]);
    expect(pd.received[1]!.json.payload).toBeUndefined();
    expect(store.load(id).events.filter((e) => e.kind === 'comms.sent')).toHaveLength(0);
  });

  it('a second flush while one holds the outbox does not send', async () => {
    const id = await openIncident(store);
    const deps = outboxFor(store, clock, config(), env);
    hook.fault = 'hang';
    await queueUpdate(deps, id, { kind: 'update', text: 'x', channels: ['status-hook'] });
    const first = flushIncident(deps, id);
    await hook.nextRequest();
    expect(await flushIncident(deps, id)).toMatchObject({ busy: true, lines: [] });
    await first;
    expect(hook.received).toHaveLength(1);
  });
});
