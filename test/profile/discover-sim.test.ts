// Discovery on the simulated AWS: a world seeded from runbooks with a profile's values is read back into the
// same resources, and a region made unreachable is reported instead of failing the whole read.
import { describe, expect, it } from 'vitest';
import { SimAws } from '../../src/aws/sim/sim-aws.js';
import { createSimDiscovery } from '../../src/aws/sim/sim-discovery.js';
import { paramsFromProfile } from '../../src/profile/params.js';
import { parseProfile } from '../../src/profile/parse.js';
import { proposeResources } from '../../src/profile/propose.js';
import { findScenario, loadCatalog } from '../../src/scenarios/index.js';
import { TWO_SERVICES } from './fixtures.js';

const orders = parseProfile(TWO_SERVICES, 'warroom.yaml').services[0]!;

function seededSim(): SimAws {
  const clock = { now: () => Date.parse('2026-11-21T10:00:00Z') };
  const sim = new SimAws({ clock, sleep: async () => undefined, region: 'eu-west-2', drRegion: 'eu-west-1', allowActions: false });
  const catalog = loadCatalog({ dirs: [], env: {} });
  for (const id of ['aurora-failover', 'dynamodb-table-corruption', 'region-failure-dr-failover']) {
    const s = findScenario(catalog, id);
    sim.load(s, paramsFromProfile(orders, Object.keys(s.params)));
  }
  return sim;
}

describe('discovery on the simulated AWS', () => {
  it('reads back the profile\'s table, cluster with its reader and hosted zone', async () => {
    const sim = seededSim();
    const found = await createSimDiscovery(sim.world).discover(['eu-west-2', 'eu-west-1']);
    expect(found.errors).toEqual([]);
    const proposed = proposeResources(found, { primary: 'eu-west-2', dr: 'eu-west-1' });
    expect(proposed.tables).toContain('orders');
    expect(proposed.db_clusters).toContainEqual(expect.objectContaining({ id: 'orders-db', readers: ['orders-db-2'] }));
    expect(proposed.hosted_zones?.map((z) => z.id)).toContain('Z0ORDERS');
    expect(paramsFromProfile({ ...orders, resources: { ...orders.resources, ...proposed } as typeof orders.resources }, ['cluster', 'target_instance', 'hosted_zone_id'])).toEqual({
      cluster: 'orders-db', target_instance: 'orders-db-2', hosted_zone_id: 'Z0ORDERS',
    });
  });

  it('an unreachable region is reported and its resources left out; the other region is still read', async () => {
    const sim = seededSim();
    sim.world.impairedRegions.add('eu-west-2');
    const found = await createSimDiscovery(sim.world).discover(['eu-west-2', 'eu-west-1']);
    expect(found.errors).toEqual(['eu-west-2: TimeoutError simulated outage: eu-west-2 does not answer']);
    expect(found.tables.filter((t) => t.region === 'eu-west-2')).toEqual([]);
  });
});
