// A level is paged once: two consoles asking at the same moment make one page and one escalation on the
// record, in one append; the second is told the record already holds it.
import { describe, expect, it } from 'vitest';
import { pageLevelOnce } from '../../src/comms/page.js';
import { foldOutbox } from '../../src/comms/outbox-state.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { manualClock, openIncident, outboxFor, tempStateDir } from './support.js';

const config = {
  targets: [
    { name: 'ops-slack', kind: 'slack', webhook: 'env:SLACK_URL' },
    { name: 'oncall', kind: 'pagerduty', routing_key: 'env:PD_KEY' },
  ],
  routing: [{ to: ['ops-slack'] }],
};
const env = { SLACK_URL: 'http://127.0.0.1:9/services/T/B/SECRET', PD_KEY: 'PDKEY000000000000000000000000001' };

describe('paging a level once', () => {
  it('two at once: one page, one escalation, adjacent on the record', async () => {
    const clock = manualClock();
    const dir = tempStateDir();
    const store = new IncidentStore(dir, clock);
    const id = await openIncident(store);
    const a = outboxFor(store, clock, config, env);
    const b = outboxFor(new IncidentStore(dir, clock), clock, config, env);
    const [ra, rb] = await Promise.all([pageLevelOnce(a, id, 'level 2', 'SRE manager'), pageLevelOnce(b, id, 'level 2', 'SRE manager')]);
    expect([ra.already, rb.already].sort()).toEqual([false, true]);
    const events = store.load(id).events;
    const pages = foldOutbox(events).filter((u) => u.kind === 'page');
    expect(pages).toHaveLength(1);
    expect(pages[0]!.page).toEqual({ level: 'level 2', action: 'trigger' });
    expect(pages[0]!.deliveries.map((d) => d.channel)).toEqual(['oncall']);
    const fired = events.filter((e) => e.kind === 'escalation.fired');
    expect(fired.map((e) => e.data)).toEqual([{ level: 'level 2', text: 'paged SRE manager through oncall' }]);
    expect(pages[0]!.seq).toBe(fired[0]!.seq + 1);
    // Another level is its own page.
    expect((await pageLevelOnce(a, id, 'level 3', 'CTO')).already).toBe(false);
  });
});
