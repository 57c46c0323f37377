// How the outbox is recorded: a new update's text and its queue entry are one append (a crash cannot
// split them), and every comms event reads as a sentence on the timeline, never as raw JSON.
import { describe, expect, it } from 'vitest';
import { describeEvent, type NewEvent, type TimelineEvent } from '../../src/core/index.js';
import { queueUpdate } from '../../src/comms/outbox.js';
import { foldOutbox } from '../../src/comms/outbox-state.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { manualClock, openIncident, outboxFor, tempStateDir } from './support.js';

const config = {
  targets: [
    { name: 'ops-slack', kind: 'slack', webhook: 'env:SLACK_URL' },
    { name: 'oncall', kind: 'pagerduty', routing_key: 'env:PD_KEY' },
  ],
  routing: [{ to: ['ops-slack', 'oncall'] }],
};
const env = { SLACK_URL: 'http://127.0.0.1:9/services/T/B/SECRET', PD_KEY: 'PDKEY000000000000000000000000001' };

describe('recording an update', () => {
  it('appends comms.sent and comms.queued in one batch, and the fold finds the text', async () => {
    const clock = manualClock();
    const store = new IncidentStore(tempStateDir(), clock);
    const id = await openIncident(store);
    const batches: string[][] = [];
    const deps = outboxFor(store, clock, config, env);
    const counting = { ...deps, store: { ...deps.store, append: (i: string, ev: readonly NewEvent[], actor: string) => (batches.push(ev.map((e) => e.kind)), store.append(i, ev, actor)) } };
    const q = await queueUpdate(counting, id, { kind: 'update', text: 'Failover under way' });
    expect(batches).toEqual([['comms.sent', 'comms.queued']]);
    const [u] = foldOutbox(store.load(id).events);
    expect(u).toMatchObject({ seq: q.update, text: 'Failover under way', kind: 'update' });
    expect(u!.deliveries.map((d) => d.channel)).toEqual(['ops-slack', 'oncall']);
  });
});

const ev = (kind: string, data: Record<string, unknown>): TimelineEvent => ({ seq: 9, ts: '2026-12-03T09:00:00.000Z', actor: 'alice', kind, data, prev: '', hash: '' });

describe('comms events on the timeline', () => {
  const cases: [TimelineEvent, string][] = [
    [ev('comms.sent', { channel: 'outbox', text: 'Failover under way', kind: 'update' }), 'status update sent (update): Failover under way'],
    [ev('comms.queued', { sentSeq: 15, kind: 'update', severity: 'SEV1', channels: ['ops-slack', 'oncall'], exercise: false }), 'status update #15 (update) queued for ops-slack, oncall'],
    [ev('comms.queued', { withSent: true, kind: 'initial', severity: 'SEV1', channels: ['drill-slack'], exercise: true }), 'status update (initial) queued for drill-slack (exercise: drill channels only)'],
    [ev('comms.queued', { text: 'page L2', kind: 'page', severity: 'SEV1', channels: ['oncall'], exercise: false, page: { level: 'L2', action: 'trigger' } }), 'page L2 (trigger) queued for oncall'],
    [ev('comms.attempt', { update: 16, channel: 'ops-slack', attempt: 2 }), 'sending update #16 to ops-slack (attempt 2)'],
    [ev('comms.delivery', { update: 16, channel: 'ops-slack', attempt: 1, outcome: 'delivered', status: 200 }), 'ops-slack delivered (HTTP 200)'],
    [ev('comms.delivery', { update: 16, channel: 'status-sns', attempt: 1, outcome: 'delivered', messageId: 'abc-123' }), 'status-sns delivered (message abc-123)'],
    [ev('comms.delivery', { update: 16, channel: 'ops-teams', attempt: 1, outcome: 'failed', status: 500, error: 'HTTP 500', retryAt: '2026-12-03T09:00:02.000Z' }), 'ops-teams failed (HTTP 500): HTTP 500; retry at 09:00:02 UTC'],
    [ev('comms.delivery', { update: 16, channel: 'status-hook', attempt: 1, outcome: 'uncertain', error: 'delivery uncertain: timed out after 1 s' }), 'status-hook delivery uncertain: timed out after 1 s'],
    [ev('comms.delivery', { update: 16, channel: 'oncall', attempt: 8, outcome: 'gave-up', status: 400, error: 'HTTP 400' }), 'oncall gave up after 8 attempts (HTTP 400): HTTP 400'],
    [ev('incident.joined', { id: 'INC-20261203-AAAA', origin: '0123456789abcdef', publicKey: 'x' }), 'joined INC-20261203-AAAA from origin 0123456789abcdef (its signing key named)'],
    [ev('origin.key', { origin: '0123456789abcdef', publicKey: 'x' }), 'shared from origin 0123456789abcdef (its signing key named)'],
  ];
  it.each(cases)('%# reads as a sentence', (e, text) => {
    expect(describeEvent(e)).toBe(text);
    expect(describeEvent(e)).not.toMatch(/[{}"]/);
  });
});
