// The shared table (DynamoDB): one partition per incident; an item per event keyed `e#ORIGIN#SEQ`
// (seq zero-padded so items sort by seq) and one `o#ORIGIN` item per origin naming its public key.
// Every write is conditional on the item not existing: nothing is ever overwritten.
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';

export interface TableOptions {
  table: string;
  region: string;
  /** An endpoint other than AWS's (moto, a local DynamoDB); also read from WARROOM_SYNC_ENDPOINT_URL, AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL. */
  endpoint?: string;
  /** Each call's deadline: a cut network is reported as offline after this, and retried by the next sync. */
  timeoutMs?: number;
  maxAttempts?: number;
}

export interface EventItem {
  incident: string;
  origin: string;
  seq: number;
  hash: string;
  /** The event's journal line (JSON), exactly as its origin wrote it. */
  event: string;
  sig: string;
  pushedAt: number;
}

export interface OriginItem {
  incident: string;
  origin: string;
  publicKey: string;
  actor: string;
  at: number;
}

/** Who is on the incident now: one item per origin, rewritten by its own origin only, expiring by TTL. */
export interface PresenceItem {
  incident: string;
  origin: string;
  actor: string;
  seenAt: number;
  /** The origin's last event in the table: how far behind a machine that has pulled less is. */
  head?: number;
  /** Seconds since the epoch: DynamoDB's TTL removes the item after this. */
  expiresAt: number;
}

export type PutOutcome = { written: true } | { written: false; existing: EventItem | undefined };

const SEQ_DIGITS = 12;
export const eventKey = (origin: string, seq: number) => `e#${origin}#${String(seq).padStart(SEQ_DIGITS, '0')}`;
export const originKey = (origin: string) => `o#${origin}`;
export const presenceKey = (origin: string) => `p#${origin}`;

/** Counts every call and the capacity it consumed, for sync status and the benchmark. */
export interface CallCount {
  calls: number;
  capacity: number;
}

export class SyncTable {
  readonly client: DynamoDBClient;
  readonly counts: CallCount = { calls: 0, capacity: 0 };

  constructor(readonly opts: TableOptions, env: NodeJS.ProcessEnv = process.env) {
    // WARROOM_SYNC_ENDPOINT_URL names the shared table's endpoint apart from the AWS the console's panes read.
    const endpoint = opts.endpoint ?? env.WARROOM_SYNC_ENDPOINT_URL ?? env.AWS_ENDPOINT_URL_DYNAMODB ?? env.AWS_ENDPOINT_URL;
    const timeout = opts.timeoutMs ?? 5_000;
    this.client = new DynamoDBClient({
      region: opts.region,
      maxAttempts: opts.maxAttempts ?? 2,
      ...(endpoint ? { endpoint } : {}),
      requestHandler: { connectionTimeout: Math.min(2_000, timeout), requestTimeout: timeout, socketTimeout: timeout, throwOnRequestTimeout: true },
    });
  }

  get table(): string {
    return this.opts.table;
  }

  private count(consumed: { CapacityUnits?: number | undefined } | undefined): void {
    this.counts.calls += 1;
    this.counts.capacity += consumed?.CapacityUnits ?? 0;
  }

  /**
   * On-demand, point-in-time recovery on, TTL on `expiresAt` (set only on presence items). With a replica
   * region the table gets a stream (global tables replicate through it) and a replica there.
   */
  async createTable(replicaRegion?: string): Promise<void> {
    await this.client.send(
      new CreateTableCommand({
        TableName: this.table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        ...(replicaRegion ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } } : {}),
      }),
    );
    for (let i = 0; i < 120; i++) {
      const d = await this.client.send(new DescribeTableCommand({ TableName: this.table }));
      if (d.Table?.TableStatus === 'ACTIVE') break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await this.client.send(new UpdateContinuousBackupsCommand({ TableName: this.table, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
    await this.client.send(new UpdateTimeToLiveCommand({ TableName: this.table, TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } }));
    if (replicaRegion) await this.addReplica(replicaRegion);
  }

  /** Makes the table global (version 2019.11.21) with a replica in `region`, and waits for it to be active. */
  async addReplica(region: string, pollMs = 5_000, maxPolls = 360): Promise<void> {
    await this.client.send(new UpdateTableCommand({ TableName: this.table, ReplicaUpdates: [{ Create: { RegionName: region } }] }));
    for (let i = 0; i < maxPolls; i++) {
      const d = await this.client.send(new DescribeTableCommand({ TableName: this.table }));
      const r = d.Table?.Replicas?.find((x) => x.RegionName === region);
      if (r?.ReplicaStatus === 'ACTIVE') return;
      if (r?.ReplicaStatus === 'CREATION_FAILED') throw new Error(`the replica in ${region} could not be created (${r.ReplicaStatusDescription ?? 'no reason given'})`);
      await new Promise((res) => setTimeout(res, pollMs));
    }
    throw new Error(`the replica in ${region} was not active after ${Math.round((pollMs * maxPolls) / 60_000)} min`);
  }

  async describe(): Promise<{ status: string; onDemand: boolean }> {
    const d = await this.client.send(new DescribeTableCommand({ TableName: this.table }));
    return { status: d.Table?.TableStatus ?? 'UNKNOWN', onDemand: d.Table?.BillingModeSummary?.BillingMode === 'PAY_PER_REQUEST' };
  }

  /** Writes the event only if no item has its key; else returns the item that is there. */
  async putEvent(item: EventItem): Promise<PutOutcome> {
    try {
      const r = await this.client.send(
        new PutItemCommand({
          TableName: this.table,
          Item: toEventAttrs(item),
          ConditionExpression: 'attribute_not_exists(sk)',
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.count(r.ConsumedCapacity);
      return { written: true };
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      this.count(undefined);
      return { written: false, existing: await this.getEvent(item.incident, item.origin, item.seq) };
    }
  }

  async getEvent(incident: string, origin: string, seq: number): Promise<EventItem | undefined> {
    const r = await this.client.send(new GetItemCommand({ TableName: this.table, Key: { pk: { S: incident }, sk: { S: eventKey(origin, seq) } }, ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }));
    this.count(r.ConsumedCapacity);
    return r.Item ? fromEventAttrs(r.Item) : undefined;
  }

  /** Registers an origin and its key; an origin item already there is left as it is and returned. */
  async putOrigin(item: OriginItem): Promise<OriginItem> {
    try {
      const r = await this.client.send(
        new PutItemCommand({
          TableName: this.table,
          Item: {
            pk: { S: item.incident },
            sk: { S: originKey(item.origin) },
            origin: { S: item.origin },
            publicKey: { S: item.publicKey },
            actor: { S: item.actor },
            at: { N: String(item.at) },
          },
          ConditionExpression: 'attribute_not_exists(sk)',
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.count(r.ConsumedCapacity);
      return item;
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      this.count(undefined);
      const origins = await this.origins(item.incident);
      return origins.find((o) => o.origin === item.origin) ?? item;
    }
  }

  /** The one write that replaces an item: this origin's own presence, which nobody else writes. */
  async putPresence(p: PresenceItem): Promise<void> {
    const r = await this.client.send(
      new PutItemCommand({
        TableName: this.table,
        Item: { pk: { S: p.incident }, sk: { S: presenceKey(p.origin) }, origin: { S: p.origin }, actor: { S: p.actor }, seenAt: { N: String(p.seenAt) }, expiresAt: { N: String(p.expiresAt) }, ...(p.head !== undefined ? { head: { N: String(p.head) } } : {}) },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.count(r.ConsumedCapacity);
  }

  /** Presence items not yet expired at `now` (TTL deletes lazily, so expiry is checked here too). */
  async presence(incident: string, now: number): Promise<PresenceItem[]> {
    const items = await this.query(incident, 'p#', 'p#~');
    return items
      .map((a) => ({ incident, origin: s(a.origin), actor: s(a.actor), seenAt: Number(a.seenAt?.N ?? 0), expiresAt: Number(a.expiresAt?.N ?? 0), ...(a.head?.N ? { head: Number(a.head.N) } : {}) }))
      .filter((p) => p.expiresAt * 1000 > now);
  }

  async origins(incident: string): Promise<OriginItem[]> {
    const items = await this.query(incident, 'o#', 'o#~');
    return items.map((a) => ({ incident, origin: s(a.origin), publicKey: s(a.publicKey), actor: s(a.actor), at: Number(a.at?.N ?? 0) }));
  }

  /** An origin's event items with seq >= fromSeq, in seq order. */
  async eventsOf(incident: string, origin: string, fromSeq: number): Promise<EventItem[]> {
    return (await this.query(incident, eventKey(origin, fromSeq), `e#${origin}#~`)).map(fromEventAttrs);
  }

  /** Every event item of the incident (verify --remote). */
  async allEvents(incident: string): Promise<EventItem[]> {
    return (await this.query(incident, 'e#', 'e#~')).map(fromEventAttrs);
  }

  private async query(incident: string, from: string, to: string): Promise<Record<string, AttributeValue>[]> {
    const out: Record<string, AttributeValue>[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const r = await this.client.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': { S: incident }, ':from': { S: from }, ':to': { S: to } },
          ConsistentRead: true,
          ReturnConsumedCapacity: 'TOTAL',
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      this.count(r.ConsumedCapacity);
      out.push(...(r.Items ?? []));
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  }

  destroy(): void {
    this.client.destroy();
  }
}

const s = (a: AttributeValue | undefined): string => (a && 'S' in a && typeof a.S === 'string' ? a.S : '');

function toEventAttrs(item: EventItem): Record<string, AttributeValue> {
  return {
    pk: { S: item.incident },
    sk: { S: eventKey(item.origin, item.seq) },
    origin: { S: item.origin },
    seq: { N: String(item.seq) },
    hash: { S: item.hash },
    event: { S: item.event },
    sig: { S: item.sig },
    pushedAt: { N: String(item.pushedAt) },
  };
}

function fromEventAttrs(a: Record<string, AttributeValue>): EventItem {
  return {
    incident: s(a.pk),
    origin: s(a.origin),
    seq: Number(a.seq?.N ?? NaN),
    hash: s(a.hash),
    event: s(a.event),
    sig: s(a.sig),
    pushedAt: Number(a.pushedAt?.N ?? NaN),
  };
}
