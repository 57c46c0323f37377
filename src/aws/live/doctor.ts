// `warroom doctor`: one cheap read per service and region, to show what works, what is denied and which
// IAM actions are missing, before an incident needs them.
import { systemClock } from '../../system-clock.js';
import { DescribeAlarmsCommand, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DescribeDBClustersCommand } from '@aws-sdk/client-rds';
import { ListHostedZonesCommand } from '@aws-sdk/client-route-53';
import type { RegionRef } from '../../core/index.js';
import type { AwsFailure } from '../ports.js';
import { callAws } from './call.js';
import type { LiveClients, LiveService } from './clients.js';

export interface DoctorCheck {
  service: LiveService;
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
  { service: 'cloudwatch', operation: 'DescribeAlarms', iamAction: 'cloudwatch:DescribeAlarms', regions: ['primary', 'dr'], command: () => new DescribeAlarmsCommand({ MaxRecords: 1 }), detail: (o) => count(o.MetricAlarms, 'alarm(s)') },
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

export async function runDoctor(clients: LiveClients, signal?: AbortSignal): Promise<DoctorCheck[]> {
  const hasDr = clients.config.drRegion !== undefined && clients.config.drRegion !== clients.config.region;
  const jobs = PROBES.flatMap((p) => p.regions.filter((r) => r !== 'dr' || hasDr).map((r) => ({ p, r })));
  return Promise.all(
    jobs.map(async ({ p, r }): Promise<DoctorCheck> => {
      const region = p.service === 'route53' ? 'us-east-1' : clients.regionName(r);
      const started = systemClock.now();
      const res = await callAws<Record<string, unknown>>(clients.get(p.service, r), p.command(), { service: p.service, operation: p.operation, region }, clients.budgets.read.deadlineMs, signal);
      const base = { service: p.service, operation: p.operation, iamAction: p.iamAction, region, ms: systemClock.now() - started };
      return res.ok ? { ...base, ok: true, detail: p.detail(res.value) } : { ...base, ok: false, detail: res.error.message, error: res.error };
    }),
  );
}
