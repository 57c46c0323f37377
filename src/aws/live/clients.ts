// The SDK clients, one per (service, region, purpose), created on first use. Every client gets hard
// socket and connection timeouts: the SDK's requestTimeout alone never aborts a hung call.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HealthClient } from '@aws-sdk/client-health';
import { KMSClient } from '@aws-sdk/client-kms';
import { RDSClient } from '@aws-sdk/client-rds';
import { Route53Client } from '@aws-sdk/client-route-53';
import { S3Client } from '@aws-sdk/client-s3';
import type { RegionRef } from '../../core/index.js';
import type { ResolvedAwsConfig } from '../config.js';
import { regionOrPrimary } from '../where.js';

/** How long and how often: reads fail fast (the console keeps stale data), actions try harder. */
export interface CallBudget {
  deadlineMs: number;
  maxAttempts: number;
}
export const READ_BUDGET: CallBudget = { deadlineMs: 5_000, maxAttempts: 2 };
export const ACTION_BUDGET: CallBudget = { deadlineMs: 20_000, maxAttempts: 4 };

export type Purpose = 'read' | 'action';

/** The SDK prints a Node-version warning to stderr, over the terminal UI; this env var is its own switch. */
export function suppressSdkNodeWarning(env: NodeJS.ProcessEnv = process.env): void {
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

type ClientFor = { dynamodb: DynamoDBClient; rds: RDSClient; cloudwatch: CloudWatchClient; route53: Route53Client; kms: KMSClient; health: HealthClient; s3: S3Client };
export type LiveService = keyof ClientFor;

export interface LiveClients {
  config: ResolvedAwsConfig;
  budgets: Record<Purpose, CallBudget>;
  /** The region a ref names, from the incident's params first (see where.ts); an unknown DR reads the primary. */
  regionName(ref: RegionRef, params?: Readonly<Record<string, string>>): string;
  get<S extends LiveService>(service: S, ref: RegionRef, purpose?: Purpose): ClientFor[S];
  /** The client of a region already resolved (where.ts). */
  in<S extends LiveService>(service: S, region: string, purpose?: Purpose): ClientFor[S];
  destroy(): void;
}

export function createLiveClients(config: ResolvedAwsConfig, budgets: Partial<Record<Purpose, CallBudget>> = {}): LiveClients {
  suppressSdkNodeWarning();
  const budget = { read: budgets.read ?? READ_BUDGET, action: budgets.action ?? ACTION_BUDGET };
  const cache = new Map<string, { destroy(): void }>();
  const regionName = (ref: RegionRef, params: Readonly<Record<string, string>> = {}) => regionOrPrimary(ref, params, config);
  const make = (service: LiveService, region: string, purpose: Purpose) => {
    const b = budget[purpose];
    const common = {
      region,
      maxAttempts: b.maxAttempts,
      ...(config.profile ? { profile: config.profile } : {}),
      ...(config.endpoints[service] ? { endpoint: config.endpoints[service] } : {}),
      requestHandler: {
        connectionTimeout: Math.min(3_000, b.deadlineMs),
        socketTimeout: b.deadlineMs,
        requestTimeout: b.deadlineMs,
        throwOnRequestTimeout: true,
      },
    };
    switch (service) {
      case 'dynamodb':
        return new DynamoDBClient(common);
      case 'rds':
        return new RDSClient(common);
      case 'cloudwatch':
        return new CloudWatchClient(common);
      case 'route53':
        return new Route53Client(common);
      case 'kms':
        return new KMSClient(common);
      case 'health':
        return new HealthClient(common);
      case 's3':
        // A local endpoint (moto, a proxy) has no bucket subdomains.
        return new S3Client({ ...common, forcePathStyle: config.endpoints.s3 !== undefined });
    }
  };
  return {
    config,
    budgets: budget,
    regionName,
    get(service, ref, purpose = 'read') {
      return this.in(service, regionName(ref), purpose);
    },
    in(service, regionGiven, purpose = 'read') {
      // Route 53 is global; its API (and its health-check metrics) live in us-east-1, as does AWS Health's.
      const region = service === 'route53' || service === 'health' ? 'us-east-1' : regionGiven;
      const key = `${service}|${region}|${purpose}`;
      let client = cache.get(key);
      if (!client) cache.set(key, (client = make(service, region, purpose)));
      return client as never;
    },
    destroy() {
      for (const c of cache.values()) c.destroy();
      cache.clear();
    },
  };
}
