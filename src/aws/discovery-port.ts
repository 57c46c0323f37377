// What `warroom init --discover` reads from an account, read-only: the resources a service profile names.
// One port, two adapters: the live SDK reader (src/aws/live/live-discovery.ts) and the simulated AWS.

export interface FoundTable { name: string; region: string; replicas: string[] }
export interface FoundDbCluster { id: string; region: string; engine?: string; writer?: string; readers: string[]; replicaOf?: string }
export interface FoundDbInstance { id: string; region: string; engine?: string; cluster?: string; replicaOf?: string }
export interface FoundZone { id: string; name: string; records: string[] }
export interface FoundHealthCheck { id: string; url?: string }
export interface FoundBucket { name: string; region?: string; replicaTo?: string; replicaRegion?: string }
export interface FoundAlarm { name: string; region: string }

export interface DiscoveredAccount {
  regions: string[];
  tables: FoundTable[];
  dbClusters: FoundDbCluster[];
  dbInstances: FoundDbInstance[];
  zones: FoundZone[];
  healthChecks: FoundHealthCheck[];
  buckets: FoundBucket[];
  alarms: FoundAlarm[];
  /** What could not be read ("rds eu-west-1: AccessDenied ..."): discovery goes on without it. */
  errors: string[];
}

export interface DiscoveryPort {
  discover(regions: readonly string[], signal?: AbortSignal): Promise<DiscoveredAccount>;
}

export const emptyDiscovery = (regions: readonly string[]): DiscoveredAccount => ({
  regions: [...regions], tables: [], dbClusters: [], dbInstances: [], zones: [], healthChecks: [], buckets: [], alarms: [], errors: [],
});
