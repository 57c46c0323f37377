// A resource inject with a state: the named table, cluster, instance or health check fails (ALARM) or
// recovers (OK); a region name, or region:primary / region:dr, makes every call there time out.
import type { RegionRef } from '../../core/index.js';
import type { SimWorld } from './world.js';

export function impairResource(w: SimWorld, name: string, down: boolean, regionName: (r: RegionRef) => string): string {
  const region = /^region:(primary|dr)$/.exec(name) ? regionName(name.slice(7) as RegionRef) : /^[a-z]{2}-[a-z]+-\d$/.test(name) ? name : undefined;
  if (region) {
    if (down) w.impairedRegions.add(region);
    else w.impairedRegions.delete(region);
    return `region ${region} ${down ? 'impaired' : 'restored'}`;
  }
  const hits: string[] = [];
  for (const t of w.tables.values()) {
    if (t.name !== name) continue;
    t.impaired = down;
    hits.push(`table ${name}`);
  }
  for (const c of w.clusters.values()) {
    if (c.id !== name) continue;
    Object.assign(c, { impaired: down, status: down ? 'failing-over' : 'available' });
    hits.push(`cluster ${name}`);
  }
  for (const i of w.instances.values()) {
    if (i.id !== name) continue;
    Object.assign(i, { impaired: down, status: down ? 'failed' : 'available' });
    hits.push(`instance ${name}`);
  }
  const hc = w.healthChecks.get(name);
  if (hc) {
    hc.healthy = !down;
    hits.push(`health check ${name}`);
  }
  return hits.length ? `${hits.join(', ')} ${down ? 'impaired' : 'restored'}` : `no simulated resource named ${name}`;
}
