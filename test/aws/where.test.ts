// One resolution of where: the runbook's region, then the incident's params, then flags and profile.
import { describe, expect, it } from 'vitest';
import { resolveRegion, regionOrPrimary } from '../../src/aws/where.js';
import { SimAws } from '../../src/aws/sim/sim-aws.js';
import { action, simTime, verify } from './support/fixtures.js';

const flags = { region: 'eu-west-2', drRegion: 'eu-west-1' };

describe('resolveRegion', () => {
  it.each([
    ['dr', { dr_region: 'us-west-2' }, flags, 'us-west-2', 'the incident parameter dr_region'],
    ['dr', {}, flags, 'eu-west-1', '--dr-region'],
    ['primary', {}, flags, 'eu-west-2', 'the flags and profile'],
    ['primary', { primary_region: 'ap-south-1' }, flags, 'ap-south-1', 'the incident parameters'],
    ['us-east-1', { dr_region: 'us-west-2' }, flags, 'us-east-1', 'the runbook'],
    ['ca-central-1', {}, flags, 'ca-central-1', 'the runbook'],
  ] as const)('%s with %j -> %s', (ref, params, settings, region, source) => {
    expect(resolveRegion(ref, params, settings)).toEqual({ ok: true, region, source });
  });

  it('a DR step with no DR region anywhere is not resolved (never silently the primary)', () => {
    const w = resolveRegion('dr', {}, { region: 'eu-west-2' });
    expect(w.ok).toBe(false);
    expect(w.ok ? '' : w.message).toContain('dr_region');
    // Panes still read something: the primary.
    expect(regionOrPrimary('dr', {}, { region: 'eu-west-2' })).toBe('eu-west-2');
  });

  it('a malformed dr_region param does not win over the flag', () => {
    expect(resolveRegion('dr', { dr_region: 'mars' }, flags)).toMatchObject({ region: 'eu-west-1' });
  });
});

describe('the simulated AWS resolves where as live AWS does', () => {
  it('an action with region: dr acts in the incident parameter dr_region, not the configured DR region', async () => {
    const { clock, sleep } = simTime();
    const sim = new SimAws({ clock, region: 'eu-west-2', drRegion: 'eu-west-1', allowActions: true, sleep });
    const spec = action({ service: 'rds', operation: 'PromoteReadReplica', region: 'dr', confirm: '{{dr_instance}}', args: { DBInstanceIdentifier: '{{dr_instance}}' } });
    sim.load({ id: 'x', steps: [{ id: 'p', action: spec }] } as never, { dr_instance: 'db-dr', dr_region: 'us-west-2' });
    const ports = sim.ports();
    const r = await ports.actions.execute({ spec, params: { dr_instance: 'db-dr', dr_region: 'us-west-2' }, confirmation: 'db-dr' });
    expect(r.ok, r.summary).toBe(true);
    expect(r.summary).toContain('in us-west-2');
    const read = verify({ service: 'rds', operation: 'DescribeDBInstances', region: 'dr', args: { DBInstanceIdentifier: 'db-dr' }, path: 'DBInstances[0].DBInstanceIdentifier', expect: { equals: 'db-dr' }, interval_seconds: 1, deadline_seconds: 1 });
    expect((await ports.probes.verify(read, { dr_region: 'us-west-2' })).passed).toBe(true);
    // The configured DR region holds no such instance.
    expect((await ports.probes.verify(read, {})).passed).toBe(false);
  });
});
