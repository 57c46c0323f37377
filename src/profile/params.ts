// Which runbook parameters a service profile answers. Runbooks name their parameters by meaning (region,
// table, cluster, hosted_zone_id...); each known name maps to where the profile keeps that fact. Names
// that create something new (target_table, snapshot...) are never filled: they need a fresh value.
import type { ServiceProfile } from './schema.js';

type Answer = (s: ServiceProfile) => string | undefined;

const first = <T>(xs: readonly T[] | undefined): T | undefined => xs?.[0];
const inRegion = (r: { region?: string | undefined }, s: ServiceProfile) => r.region ?? s.regions.primary;

const primaryInstance = (s: ServiceProfile) => s.resources.db_instances.find((i) => !i.replica_of);
const replicaInstance = (s: ServiceProfile) =>
  s.resources.db_instances.find((i) => i.replica_of && s.regions.dr && inRegion(i, s) === s.regions.dr) ??
  s.resources.db_instances.find((i) => i.replica_of);
const bucket = (s: ServiceProfile) => first(s.resources.buckets);
const zone = (s: ServiceProfile) => first(s.resources.hosted_zones);
const api = (s: ServiceProfile) => first(s.resources.apis);

/** Parameter name to the profile fact that answers it. */
export const PROFILE_ANSWERS: Readonly<Record<string, Answer>> = {
  region: (s) => s.regions.primary,
  dr_region: (s) => s.regions.dr,
  backup_region: (s) => s.regions.dr,
  replica_region: (s) => {
    const r = replicaInstance(s);
    return r ? inRegion(r, s) : s.regions.dr;
  },
  table: (s) => first(s.resources.tables),
  cluster: (s) => first(s.resources.db_clusters)?.id,
  target_instance: (s) => first(first(s.resources.db_clusters)?.readers),
  instance: (s) => primaryInstance(s)?.id,
  source_instance: (s) => primaryInstance(s)?.id,
  db_instance: (s) => primaryInstance(s)?.id,
  replica: (s) => replicaInstance(s)?.id,
  dr_instance: (s) => replicaInstance(s)?.id,
  hosted_zone_id: (s) => zone(s)?.id,
  record_name: (s) => first(zone(s)?.records),
  health_check_id: (s) => first(s.resources.health_checks)?.id,
  health_url: (s) => first(s.resources.health_checks.filter((h) => h.url))?.url,
  bucket: (s) => bucket(s)?.name,
  source_bucket: (s) => bucket(s)?.name,
  backup_bucket: (s) => bucket(s)?.name,
  dr_bucket: (s) => bucket(s)?.replica,
  recovery_bucket: (s) => bucket(s)?.replica,
  key_id: (s) => first(s.resources.keys),
  namespace: (s) => first(first(s.resources.kubernetes)?.namespaces),
  dr_context: (s) => s.resources.kubernetes.find((k) => s.regions.dr && k.region === s.regions.dr)?.name,
  function_name: (s) => first(s.resources.functions),
  api_name: (s) => api(s)?.name,
  api_id: (s) => api(s)?.id,
  stage: (s) => api(s)?.stage,
};

/** Every value the profile gives for these parameter names: explicit `params:` first, then the mapping. */
export function paramsFromProfile(service: ServiceProfile, names: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = service.params[name] ?? PROFILE_ANSWERS[name]?.(service);
    if (value !== undefined && value !== '') out[name] = value;
  }
  return out;
}

interface ParamSpec {
  example: string;
  default?: string | undefined;
}

/**
 * The runbook's example with the profile's names put in place of the plan's: target_table's example
 * "simple-log-service-dev-logs-restored" becomes "orders-restored" when the profile names the table "orders".
 */
function localExample(example: string, spec: Readonly<Record<string, ParamSpec>>, known: Readonly<Record<string, string>>): string {
  let out = example;
  // Longest first, so "logs-prod" is replaced before a shorter example it contains.
  const swaps = Object.entries(known)
    .map(([name, value]) => [spec[name]?.example ?? '', value] as const)
    .filter(([from]) => from.length >= 4)
    .sort((a, b) => b[0].length - a[0].length);
  for (const [from, to] of swaps) out = out.split(from).join(to);
  return out;
}

/**
 * A catalog whose parameters default to the profile's values and show them as examples; a parameter the
 * profile cannot answer gets an example built from the profile's names where the runbook's was built
 * from the plan's.
 */
export function withProfileDefaults<S extends { params: Record<string, P> }, P extends ParamSpec>(scenarios: readonly S[], service: ServiceProfile): S[] {
  return scenarios.map((s) => {
    const known = paramsFromProfile(service, Object.keys(s.params));
    const params = Object.fromEntries(
      Object.entries(s.params).map(([name, p]) => [
        name,
        known[name] !== undefined ? { ...p, default: known[name], example: known[name] } : { ...p, example: localExample(p.example, s.params, known) },
      ]),
    ) as Record<string, P>;
    return { ...s, params };
  });
}
