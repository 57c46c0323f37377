// On a shared incident each machine delivers only the updates it queued: another responder's update,
// pulled into the merged timeline, is that responder's outbox to send, never sent a second time from here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushIncident, queueUpdate } from '../../src/comms/outbox.js';
import type { TimelineEvent } from '../../src/core/index.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { manualClock, openIncident, outboxFor, slackReply, startFakeChannel, tempStateDir, type FakeChannel } from './support.js';

let slack: FakeChannel;
beforeAll(async () => {
  slack = await startFakeChannel(slackReply);
});
afterAll(async () => slack.close());

describe('the outbox of a shared incident', () => {
  it("sends this origin's updates only", async () => {
    const clock = manualClock();
    const store = new IncidentStore(tempStateDir(), clock);
    const id = await openIncident(store);
    const config = { targets: [{ name: 'ops-slack', kind: 'slack', webhook: 'env:SLACK_URL' }], routing: [{ to: ['ops-slack'] }] };
    const base = outboxFor(store, clock, config, { SLACK_URL: `${slack.url}/services/T/B/X` });
    await queueUpdate(base, id, { kind: 'update', text: 'mine' });
    await queueUpdate(base, id, { kind: 'update', text: 'theirs' });
    // As a merged load shows them: the second update came from another machine's feed.
    const merged = (events: TimelineEvent[]) => events.map((e) => ({ ...e, origin: e.kind.startsWith('comms.') && e.seq >= 4 ? 'bbbb000000000000' : 'aaaa000000000000' }));
    const shared = { ...base, store: { ...base.store, load: (i: string) => { const l = store.load(i); return { ...l, events: merged(l.events) }; }, ownOrigin: () => 'aaaa000000000000' } };
    const r = await flushIncident(shared, id);
    expect(r.lines.map((l) => l.channel)).toEqual(['ops-slack']);
    expect(slack.received).toHaveLength(1);
    expect(JSON.stringify(slack.received[0]!.json)).toContain('mine');
  });

  it('a late event placed before a delivered update does not make it look undelivered', async () => {
    const clock = manualClock();
    const store = new IncidentStore(tempStateDir(), clock);
    const id = await openIncident(store);
    const config = { targets: [{ name: 'ops-slack', kind: 'slack', webhook: 'env:SLACK_URL' }], routing: [{ to: ['ops-slack'] }] };
    const base = outboxFor(store, clock, config, { SLACK_URL: `${slack.url}/services/T/B/Y` });
    const mine = 'aaaa000000000000';
    let late = false;
    // The merged load: this machine's events (origin seq = journal seq), and once it arrives a late note
    // from another machine placed second, moving every merged position after it.
    const load = (i: string) => {
      const l = store.load(i);
      const own = l.events.map((e) => ({ ...e, origin: mine, originSeq: e.seq }));
      const other = { ...own[0]!, kind: 'note', data: { text: 'late' }, origin: 'bbbb000000000000', originSeq: 2 };
      const events = (late ? [own[0]!, other, ...own.slice(1)] : own).map((e, n) => ({ ...e, seq: n + 1 }));
      return { ...l, events };
    };
    const shared = { ...base, store: { ...base.store, load, ownOrigin: () => mine } };
    await queueUpdate(shared, id, { kind: 'update', text: 'once' });
    const sent = slack.received.length;
    expect((await flushIncident(shared, id)).lines.map((l) => l.outcome)).toEqual(['delivered']);
    late = true;
    expect((await flushIncident(shared, id)).lines).toEqual([]);
    expect(slack.received.length).toBe(sent + 1);
  });
});
