// `new --scenario` never opens an incident whose runbook would show {{placeholders}}: it names the missing
// params on one line. `show` lists every step of the chosen scenarios with its state, not only those started.
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const AURORA = ['--param', 'cluster=orders-db', '--param', 'target_instance=orders-db-2', '--param', 'region=eu-west-2'];

describe('warroom new --scenario', () => {
  it('refuses, on one line naming them, when the runbook\'s params are missing, and opens nothing', async () => {
    const dir = tempDir('warroom-new-');
    const r = await runCli(['new', '--title', 't', '--severity', 'SEV2', '--scenario', 'aurora-failover', '--param', 'cluster=orders-db', '--state-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual(['warroom: aurora-failover needs params target_instance, region (give each with --param NAME=VALUE, or add --params-later to give them at the step that needs them)']);
    expect((await runCli(['list', '--json', '--state-dir', dir])).out.join('')).toBe('[]');
  });
  it('opens it when every param is given, or with --params-later', async () => {
    const dir = tempDir('warroom-new-');
    const r = await runCli(['new', '--title', 't', '--severity', 'SEV2', '--scenario', 'aurora-failover', ...AURORA, '--state-dir', dir]);
    expect(r.code, r.err.join('\n')).toBe(0);
    const later = await runCli(['new', '--title', 't', '--severity', 'SEV2', '--scenario', 'aurora-failover', '--params-later', '--state-dir', dir]);
    expect(later.code, later.err.join('\n')).toBe(0);
  });
});

describe('warroom show', () => {
  it('lists every step of the chosen scenarios with its state', async () => {
    const dir = tempDir('warroom-show-');
    const id = (await runCli(['new', '--title', 't', '--severity', 'SEV2', '--scenario', 'aurora-failover', ...AURORA, '--state-dir', dir])).out[0]!;
    const steps = (await runCli(['scenarios', 'show', 'aurora-failover', '--json', '--state-dir', dir])).out.join('\n');
    const ids = (JSON.parse(steps) as { steps: { id: string }[] }).steps.map((s) => s.id);
    expect((await runCli(['step', id, ids[0]!, 'start', '--state-dir', dir])).code).toBe(0);
    const text = (await runCli(['show', id, '--state-dir', dir])).out.join('\n');
    expect(text).toContain(`  in-progress aurora-failover/${ids[0]}`);
    for (const step of ids.slice(1)) expect(text).toContain(`  todo        aurora-failover/${step}`);
  });
});
