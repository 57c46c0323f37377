// End to end: two built consoles on one state dir, an escalation level due. One key in each at the same
// moment pages the level once: PagerDuty (a local server) receives one trigger with the dedup key ID/LEVEL,
// the record holds one page and one escalation, delivered through the outbox.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentStore } from '../../src/store/incident-store.js';
import { startApp, type PtyApp } from '../e2e/pty.js';
import { pagerDutyReply, startFakeChannel, tempStateDir, type FakeChannel } from './support.js';

let pd: FakeChannel;
const apps: PtyApp[] = [];

describe('paging from the console (pty, PagerDuty played by a local server)', () => {
  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: new URL('../..', import.meta.url).pathname });
    pd = await startFakeChannel(pagerDutyReply);
  }, 90_000);
  afterAll(async () => {
    for (const a of apps) a.pty.kill();
    await pd?.close();
  });

  it('p on the comms pane pages the due level once, even pressed in two consoles at once', async () => {
    const dir = tempStateDir();
    writeFileSync(
      join(dir, 'warroom.yaml'),
      ['services:', '  - name: orders', '    channels:', '      timeout_seconds: 3', '      targets:', `        - { name: oncall, kind: pagerduty, routing_key: "env:PD_KEY", events_url: "${pd.url}/v2/enqueue" }`, '      routing:', '        - { kinds: [page], to: [oncall] }', ''].join('\n'),
    );
    const store = new IncidentStore(dir, { now: () => Date.now() });
    const declared = new Date(Date.now() - 5 * 60_000).toISOString();
    const first = await store.create({ title: 'Orders table corrupt', severity: 'SEV1', mode: 'live', scenarios: ['dynamodb-table-corruption'], params: {} }, 'commander', [
      { kind: 'milestone.set', data: { milestone: 'declared', at: declared, backdated: true } },
    ]);
    const id = String(first.data.id);
    const env = { WARROOM_SERVICE_FILE: join(dir, 'warroom.yaml'), PD_KEY: 'PDKEYCONSOLEPAGE0000000000000001' };
    const a = startApp(['--state-dir', dir], { cols: 160, rows: 40, env });
    const b = startApp(['--state-dir', dir], { cols: 160, rows: 40, env: { ...env, WARROOM_ACTOR: 'deputy' } });
    apps.push(a, b);
    for (const app of [a, b]) {
      await app.waitFor((s) => s.includes('Orders table corrupt'), 10_000);
      app.press('\r');
      await app.waitFor((s) => s.includes('Timeline') && s.includes('level 1 due'), 10_000);
      app.press('5');
    }
    a.press('p');
    b.press('p');
    await a.waitFor((s) => /level 1 (paged through oncall|was already paged)/.test(s), 10_000);
    await b.waitFor((s) => /level 1 (paged through oncall|was already paged)|level 2/.test(s), 10_000);
    const end = Date.now() + 10_000;
    const delivered = () => store.load(id).events.filter((e) => e.kind === 'comms.delivery' && e.data.outcome === 'delivered');
    while (delivered().length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    const events = store.load(id).events;
    const pages = events.filter((e) => e.kind === 'comms.queued' && (e.data.page as { level: string }).level === 'level 1');
    expect(pages).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'escalation.fired' && e.data.level === 'level 1')).toHaveLength(1);
    expect(delivered().map((e) => e.data.channel)).toEqual(['oncall']);
    const triggers = pd.received.filter((r) => r.json.event_action === 'trigger' && r.json.dedup_key === `${id}/level 1`);
    expect(triggers).toHaveLength(1);
    for (const app of [a, b]) app.press('q');
  }, 90_000);
});
