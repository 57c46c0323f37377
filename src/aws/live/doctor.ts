// `warroom doctor`: one cheap read per service and region, to show what works, what is denied and which
// IAM actions are missing, before an incident needs them.
import { systemClock } from '../../system-clock.js';
import { DescribeAlarmsCommand, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DescribeDBClustersCommand } from '@aws-sdk/client-rds';
import { ListHostedZonesCommand } from '@aws-sdk/client-route-53';
import type { RegionRef } from '../../core/index.js';
import type { AwsFailure, IdentityPort } from '../ports.js';
import { callAws } from './call.js';
import type { LiveClients, LiveService } from './clients.js';

export interface DoctorCheck {
  service: LiveService | 'sts';
  operation: string;
  iamAction: string;
  region: string;
  ok: boolean;
  ms: number;
  detail: string;
  error?: AwsFailure;
}

interface Probe {
  service: LiveService;
  operation: string;
  iamAction: string;
  regions: RegionRef[];
  command: () => unknown;
  detail: (out: Record<string, unknown>) => string;
}

const count = (v: unknown, what: string) => (Array.isArray(v) ? `${v.length}${v.length > 0 ? '+' : ''} ${what} visible` : 'answered');

const PROBES: Probe[] = [
  { service: 'dynamodb', operation: 'ListTables', iamAction: 'dynamodb:ListTables', regions: ['primary', 'dr'], command: () => new ListTablesCommand({ Limit: 1 }), detail: (o) => count(o.TableNames, 'table(s)') },
  { service: 'rds', operation: 'DescribeDBClusters', iamAction: 'rds:DescribeDBClusters', regions: ['primary', 'dr'], command: () => new DescribeDBClustersCommand({ MaxRecords: 20 }), detail: (o) => count(o.DBClusters, 'cluster(s)') },
  // us-east-1 too: alarms on Route 53 health checks live there.
  { service: 'cloudwatch', operation: 'DescribeAlarms', iamAction: 'cloudwatch:DescribeAlarms', regions: ['primary', 'dr', 'us-east-1'], command: () => new DescribeAlarmsCommand({ MaxRecords: 1 }), detail: (o) => count(o.MetricAlarms, 'alarm(s)') },
  {
    service: 'cloudwatch', operation: 'GetMetricData', iamAction: 'cloudwatch:GetMetricData', regions: ['primary'],
    command: () => new GetMetricDataCommand({
      StartTime: new Date(systemClock.now() - 600_000), EndTime: new Date(systemClock.now()),
      MetricDataQueries: [{ Id: 'doctor', MetricStat: { Metric: { Namespace: 'AWS/DynamoDB', MetricName: 'SystemErrors' }, Period: 300, Stat: 'Sum' } }],
    }),
    detail: () => 'answered',
  },
  { service: 'route53', operation: 'ListHostedZones', iamAction: 'route53:ListHostedZones', regions: ['us-east-1'], command: () => new ListHostedZonesCommand({ MaxItems: 1 }), detail: (o) => count(o.HostedZones, 'hosted zone(s)') },
];

export interface DoctorOptions {
  /** Every region the scenario touches, resolved (where.ts); each gets the per-region reads. */
  regions?: readonly string[];
  identity?: IdentityPort;
}

/** A per-region read in every region named, once each; us-east-1 and Route 53 reads as the probe says. */
export async function runDoctor(clients: LiveClients, opts: DoctorOptions = {}, signal?: AbortSignal): Promise<DoctorCheck[]> {
  const regional = [...new Set([clients.config.region, ...(clients.config.drRegion ? [clients.config.drRegion] : []), ...(opts.regions ?? [])])];
  const jobs = PROBES.flatMap((p) => {
    const named = p.regions.includes('dr') ? regional : p.regions.map((r) => clients.regionName(r));
    const extra = p.regions.includes('us-east-1') ? ['us-east-1'] : [];
    return [...new Set([...named, ...extra])].map((region) => ({ p, region: p.service === 'route53' ? 'us-east-1' : region }));
  });
  const identityCheck = async (): Promise<DoctorCheck[]> => {
    if (!opts.identity) return [];
    const started = systemClock.now();
    const who = await opts.identity.whoami(signal);
    const base = { service: 'sts' as const, operation: 'GetCallerIdentity', iamAction: 'sts:GetCallerIdentity', region: clients.config.region, ms: systemClock.now() - started };
    return [who.ok ? { ...base, ok: true, detail: `account ${who.identity.account} as ${who.identity.arn}` } : { ...base, ok: false, detail: who.error.message, error: who.error }];
  };
  const reads = Promise.all(
    jobs.map(async ({ p, region }): Promise<DoctorCheck> => {
      const started = systemClock.now();
      const res = await callAws<Record<string, unknown>>(clients.in(p.service, region), p.command(), { service: p.service, operation: p.operation, region }, clients.budgets.read.deadlineMs, signal);
      const base = { service: p.service, operation: p.operation, iamAction: p.iamAction, region, ms: systemClock.now() - started };
      return res.ok ? { ...base, ok: true, detail: p.detail(res.value) } : { ...base, ok: false, detail: res.error.message, error: res.error };
    }),
  );
  const [who, rest] = await Promise.all([identityCheck(), reads]);
  return [...who, ...rest];
}
