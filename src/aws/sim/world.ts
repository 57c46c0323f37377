// The simulated AWS's state: resources whose status changes over simulated time. Changes are scheduled
// at an instant and applied lazily when anything reads the world, so the model is a pure function of
// (seed, what was done, clock).
import type { Clock } from '../../core/index.js';

export class SimError extends Error {
  readonly $metadata: { httpStatusCode: number; requestId: string };
  constructor(name: string, message: string, status = 400) {
    super(message);
    this.name = name;
    this.$metadata = { httpStatusCode: status, requestId: `sim-${name.length}-${message.length}` };
  }
}

export interface SimTable {
  name: string; region: string; status: string; createdAt: number; pitr: boolean; items: number;
  impaired: boolean; restoredFrom?: string;
}
export interface SimBackup { arn: string; name: string; table: string; region: string; createdAt: number; status: string }
export interface SimCluster {
  id: string; region: string; status: string; engine: string; createdAt: number; members: { id: string; writer: boolean }[];
  replicaOf?: string; impaired: boolean;
}
export interface SimInstance {
  id: string; region: string; status: string; engine: string; createdAt: number; cluster?: string; replicaOf?: string; impaired: boolean;
}
export interface SimSnapshot { id: string; region: string; kind: 'instance' | 'cluster'; source: string; createdAt: number; status: string }
export interface SimRecord { Name: string; Type: string; TTL?: number; ResourceRecords?: { Value: string }[]; AliasTarget?: unknown; SetIdentifier?: string; Failover?: string; HealthCheckId?: string }
export interface SimZone { id: string; name: string; records: SimRecord[] }
export interface SimChange { id: string; submittedAt: number; status: 'PENDING' | 'INSYNC' }
/** A KMS key: Enabled, Disabled or PendingDeletion (with the date it goes). */
export interface SimKey { id: string; region: string; state: 'Enabled' | 'Disabled' | 'PendingDeletion'; deletionAt?: number }
export interface SimHealthCheck { id: string; healthy: boolean; inverted?: boolean }
export interface SimAlarm { name: string; region: string; state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'; reason: string; updatedAt: number; metric?: string }
export interface SimEvent { source: string; type: string; message: string; at: number; region: string }

interface Scheduled {
  at: number;
  seq: number;
  apply: () => void;
  /** The resource the change belongs to, so an inject can complete it early. */
  tag?: string;
}

export class SimWorld {
  readonly tables = new Map<string, SimTable>();
  readonly backups = new Map<string, SimBackup>();
  readonly clusters = new Map<string, SimCluster>();
  readonly instances = new Map<string, SimInstance>();
  readonly snapshots = new Map<string, SimSnapshot>();
  readonly zones = new Map<string, SimZone>();
  readonly changes = new Map<string, SimChange>();
  readonly healthChecks = new Map<string, SimHealthCheck>();
  readonly kmsKeys = new Map<string, SimKey>();
  readonly alarms = new Map<string, SimAlarm>();
  readonly events: SimEvent[] = [];
  /** Regions made unreachable by an inject: every call there times out. */
  readonly impairedRegions = new Set<string>();
  private queue: Scheduled[] = [];
  /** What reacts to the world having settled (alarms evaluating their metrics). */
  private readonly settled: (() => void)[] = [];
  private seq = 0;
  private counter = 0;

  constructor(
    readonly clock: Clock,
    readonly seed: number,
    readonly account = '123456789012',
  ) {}

  /** A deterministic id: "prefix-0001". */
  nextId(prefix: string): string {
    this.counter++;
    return `${prefix}-${String(this.counter).padStart(4, '0')}`;
  }

  at(delayMs: number, apply: () => void, tag?: string): void {
    this.queue.push({ at: this.clock.now() + delayMs, seq: this.seq++, apply, ...(tag ? { tag } : {}) });
  }

  /** Applies now every pending change of one resource (an inject saying "the restore finished"). */
  complete(tag: string): number {
    const mine = this.queue.filter((s) => s.tag === tag).sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.queue = this.queue.filter((s) => s.tag !== tag);
    for (const s of mine) s.apply();
    return mine.length;
  }

  /** Applies every change due by now, in order. */
  settle(): void {
    const now = this.clock.now();
    const due = this.queue.filter((s) => s.at <= now).sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.queue = this.queue.filter((s) => s.at > now);
    for (const s of due) s.apply();
    for (const f of this.settled) f();
  }

  onSettle(f: () => void): void {
    this.settled.push(f);
  }

  event(source: string, message: string, region: string, type = 'db-instance'): void {
    this.events.push({ source, type, message, at: this.clock.now(), region });
  }

  key(region: string, name: string): string {
    return `${region}|${name}`;
  }

  table(region: string, name: string): SimTable {
    const t = this.tables.get(this.key(region, name));
    if (!t) throw new SimError('ResourceNotFoundException', `Requested resource not found: Table: ${name} not found`);
    return t;
  }

  cluster(region: string, id: string): SimCluster {
    const c = this.clusters.get(this.key(region, id));
    if (!c) throw new SimError('DBClusterNotFoundFault', `DBCluster ${id} not found.`, 404);
    return c;
  }

  instance(region: string, id: string): SimInstance {
    const i = this.instances.get(this.key(region, id));
    if (!i) throw new SimError('DBInstanceNotFound', `DBInstance ${id} not found.`, 404);
    return i;
  }

  zone(id: string): SimZone {
    const z = this.zones.get(id.replace(/^\/hostedzone\//, ''));
    if (!z) throw new SimError('NoSuchHostedZone', `No hosted zone found with ID: ${id}`, 404);
    return z;
  }

  checkRegion(region: string): void {
    if (this.impairedRegions.has(region)) throw Object.assign(new Error(`simulated outage: ${region} does not answer`), { name: 'TimeoutError' });
  }
}
