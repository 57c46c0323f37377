// Discovery on the simulated AWS: the same answer shape as the live reader, from the model's resources.
import { emptyDiscovery, type DiscoveryPort } from '../discovery-port.js';
import type { SimWorld } from './world.js';

export function createSimDiscovery(world: SimWorld): DiscoveryPort {
  return {
    async discover(regions) {
      world.settle();
      const found = emptyDiscovery(regions);
      const wanted = (region: string) => regions.includes(region);
      for (const region of regions) {
        if (world.impairedRegions.has(region)) found.errors.push(`${region}: TimeoutError simulated outage: ${region} does not answer`);
      }
      const up = (region: string) => wanted(region) && !world.impairedRegions.has(region);
      for (const t of world.tables.values()) if (up(t.region)) found.tables.push({ name: t.name, region: t.region, replicas: [] });
      for (const c of world.clusters.values()) {
        if (!up(c.region)) continue;
        const writer = c.members.find((m) => m.writer)?.id;
        const replicaOf = c.replicaOf?.split(':').pop();
        found.dbClusters.push({
          id: c.id, region: c.region, engine: c.engine, readers: c.members.filter((m) => !m.writer).map((m) => m.id),
          ...(writer ? { writer } : {}), ...(replicaOf ? { replicaOf } : {}),
        });
      }
      for (const i of world.instances.values()) {
        if (!up(i.region)) continue;
        found.dbInstances.push({ id: i.id, region: i.region, engine: i.engine, ...(i.cluster ? { cluster: i.cluster } : {}), ...(i.replicaOf ? { replicaOf: i.replicaOf } : {}) });
      }
      for (const z of world.zones.values()) {
        const records = z.records.filter((r) => ['A', 'AAAA', 'CNAME'].includes(r.Type)).map((r) => r.Name.replace(/\.$/, ''));
        found.zones.push({ id: z.id, name: z.name.replace(/\.$/, ''), records: [...new Set(records)] });
      }
      for (const h of world.healthChecks.values()) found.healthChecks.push({ id: h.id });
      for (const a of world.alarms.values()) if (up(a.region)) found.alarms.push({ name: a.name, region: a.region });
      return found;
    },
  };
}
