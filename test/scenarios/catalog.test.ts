// The built-in catalog: every file loads, covers the five plans, and every command pastes into a shell.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillTemplate, placeholdersIn } from '../../src/core/index.js';
import { builtinRunbooksDir, loadCatalog, type Scenario } from '../../src/scenarios/index.js';
import { SDK_INPUTS } from './support/aws-cli-options.js';
import { checkCommand, CHECKED_TOOLS } from './support/command-check.js';

const dir = builtinRunbooksDir({});
/** Response shapes of the read operations (botocore models; support/gen-aws-cli-options.py --outputs). */
const OUTPUTS = {
  ...(JSON.parse(readFileSync(new URL('./support/aws-output-shapes.json', import.meta.url), 'utf8')) as Record<string, unknown>),
  // Composed by warroom, not an AWS operation: what Route 53 serves for a name (src/aws/route53-served.ts).
  'route53 GetServedRecord': { Name: 1, Type: 1, Kind: 1, Served: [1], RecordSets: [{ SetIdentifier: 1, Failover: 1, Weight: 1, Values: [1], HealthCheckId: 1, Healthy: 1, HealthReason: 1 }] },
  // Composed: is the region down, by a majority of signals (src/aws/region-signals.ts).
  'health GetRegionSignals': { Region: 1, Verdict: 1, Down: 1, Up: 1, CouldNotCheck: 1, Signals: [{ Signal: 1, Result: 1, Detail: 1 }] },
  // Composed: the key's current object against a chosen version (src/aws/s3-version.ts).
  's3 CompareObjectVersion': { Bucket: 1, Key: 1, Restored: 1, ChosenVersionId: 1, ChosenETag: 1, ChosenSize: 1, CurrentVersionId: 1, CurrentETag: 1, CurrentSize: 1 },
} as Record<string, unknown>;

/** Whether a verify path (Table.TableStatus, DBClusters[0].Status, X[*].Y) exists in the response shape. */
function pathExists(tree: unknown, path: string): boolean {
  let node = tree;
  for (const part of path.split('.')) {
    const m = /^([A-Za-z0-9_]+)((?:\[(?:\d+|\*|\?[A-Za-z0-9_]+)\])*)$/.exec(part);
    if (!m || !node || typeof node !== 'object' || Array.isArray(node)) return false;
    node = (node as Record<string, unknown>)[m[1]!];
    for (const [, index] of m[2]!.matchAll(/\[([^\]]+)\]/g)) {
      if (!Array.isArray(node)) return false;
      node = node[0];
      // [?Flag] keeps the items whose Flag is true: the item shape must have that field.
      if (index!.startsWith('?') && (!node || typeof node !== 'object' || !(index!.slice(1) in node))) return false;
    }
    if (node === undefined) return false;
  }
  return true;
}
const catalog = loadCatalog({ builtinDir: dir });
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const examples = (s: Scenario) => Object.fromEntries(Object.entries(s.params).map(([k, p]) => [k, p.example]));
const byId = (id: string) => catalog.scenarios.find((s) => s.id === id)!;

/**
 * The dimensions CloudWatch publishes each metric with (AWS docs, "metrics and dimensions" per service).
 * A metric queried with any other set of dimensions returns no data, so the pane would stay empty.
 */
const DIMENSIONS: Record<string, string[][]> = {
  'AWS/DynamoDB ThrottledRequests': [['TableName', 'Operation']],
  'AWS/DynamoDB SystemErrors': [['TableName', 'Operation']],
  'AWS/DynamoDB UserErrors': [[]], // account and region level: no TableName dimension
  'AWS/DynamoDB ReplicationLatency': [['TableName', 'ReceivingRegion']],
  'AWS/DynamoDB ReadThrottleEvents': [['TableName'], ['TableName', 'GlobalSecondaryIndexName']],
  'AWS/DynamoDB WriteThrottleEvents': [['TableName'], ['TableName', 'GlobalSecondaryIndexName']],
  'AWS/DynamoDB ConsumedReadCapacityUnits': [['TableName'], ['TableName', 'GlobalSecondaryIndexName']],
  'AWS/DynamoDB ConsumedWriteCapacityUnits': [['TableName'], ['TableName', 'GlobalSecondaryIndexName']],
  'AWS/Firehose DeliveryToS3.Records': [['DeliveryStreamName']],
  'AWS/Firehose IncomingRecords': [['DeliveryStreamName']],
  'AWS/ElastiCache EngineCPUUtilization': [['CacheClusterId'], ['CacheClusterId', 'CacheNodeId']],
  'AWS/ElastiCache CurrConnections': [['CacheClusterId'], ['CacheClusterId', 'CacheNodeId']],
  'AWS/Lambda Errors': [['FunctionName']],
  'AWS/Lambda Duration': [['FunctionName']],
  'AWS/Lambda Invocations': [['FunctionName']],
  'AWS/ApiGateway 5XXError': [['ApiName'], ['ApiName', 'Stage']],
  'AWS/ApiGateway 4XXError': [['ApiName'], ['ApiName', 'Stage']],
  'AWS/ApiGateway Latency': [['ApiName'], ['ApiName', 'Stage']],
  'AWS/RDS CPUUtilization': [['DBInstanceIdentifier'], ['DBClusterIdentifier']],
  'AWS/RDS DatabaseConnections': [['DBInstanceIdentifier'], ['DBClusterIdentifier']],
  'AWS/RDS FreeStorageSpace': [['DBInstanceIdentifier']],
  'AWS/RDS ReplicaLag': [['DBInstanceIdentifier']],
  'AWS/RDS AuroraReplicaLag': [['DBInstanceIdentifier'], ['DBClusterIdentifier', 'Role']],
  'AWS/Route53 HealthCheckStatus': [['HealthCheckId']],
  'AWS/S3 4xxErrors': [['BucketName', 'FilterId']],
  'AWS/S3 ReplicationLatency': [['SourceBucket', 'DestinationBucket', 'RuleId']],
  'AWS/S3 OperationsFailedReplication': [['SourceBucket', 'DestinationBucket', 'RuleId']],
  'AWS/EC2 CPUUtilization': [['InstanceId']],
  'AWS/EC2 StatusCheckFailed': [['InstanceId']],
  'AWS/ApplicationELB HTTPCode_Target_5XX_Count': [['LoadBalancer']],
  'AWS/ApplicationELB TargetResponseTime': [['LoadBalancer']],
};

/** The five plans, by the key each `sources` entry starts with. */
const PLANS = ['simple-log-service', 'centralized-logging', 'audityzer', 'document-management', 'dr-runbook'];

describe('built-in catalog', () => {
  it('finds the catalog directory from source', () => {
    expect(dir).toMatch(/src[\\/]scenarios[\\/]catalog$/);
  });

  it('loads every file without a problem, one scenario per file, ids unique', () => {
    expect(catalog.problems).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(catalog.scenarios).toHaveLength(files.length);
    expect(catalog.overrides).toEqual([]);
  });

  it('names each file after its scenario id', () => {
    for (const s of catalog.scenarios) expect(catalog.files[s.id]!.file).toBe(join(dir, `${s.id}.yaml`));
  });

  it.each([
    'az-failure',
    'region-failure-dr-failover',
    'region-failure-rebuild-in-dr-region',
    'region-failure-restore-in-region',
    'dynamodb-table-corruption',
    'dynamodb-restore-from-backup',
    'aurora-failover',
    'rds-multi-az-failover',
    'rds-restore-from-snapshot',
    'rds-point-in-time-restore',
    'aurora-point-in-time-restore',
    'rds-read-replica-promotion',
    's3-object-recovery',
    's3-cross-region-recovery',
    'lambda-failure-rollback',
    'api-gateway-failure',
    'kms-key-deletion',
    'security-breach',
    'aws-account-compromise',
    'kubernetes-node-failure',
    'kubernetes-deployment-rollback',
    'configuration-rollback',
    'database-schema-rollback',
    'degraded-mode-read-only',
    'degraded-mode-limited-functionality',
    'service-degradation',
    'complete-service-outage',
    'backup-verification',
    'drill-az-failover',
    'drill-pitr-restore',
    'drill-lambda-rollback',
    'drill-full-dr',
  ])('covers %s', (id) => {
    expect(catalog.scenarios.map((s) => s.id)).toContain(id);
  });

  it('says which plan each scenario comes from, and uses all five plans', () => {
    const used = new Set<string>();
    for (const s of catalog.scenarios) {
      for (const src of s.sources) {
        const plan = src.split(':')[0]!;
        expect(PLANS, `${s.id}: source "${src}"`).toContain(plan);
        used.add(plan);
      }
    }
    expect([...used].sort()).toEqual([...PLANS].sort());
  });

  it('keeps the plans\' RTO/RPO targets as seconds (DynamoDB RTO 2 h / RPO 1 min)', () => {
    const dynamo = byId('region-failure-rebuild-in-dr-region').objectives.find((o) => o.component === 'DynamoDB Tables');
    expect(dynamo).toMatchObject({ rto_seconds: 7200, rpo_seconds: 60, plan: 'centralized-logging' });
    const az = byId('az-failure').objectives.find((o) => o.component === 'DynamoDB');
    expect(az).toMatchObject({ rpo_seconds: 0, rpo_by_design: true });
  });

  it('takes a runbook\'s targets from one plan it names, one target per component; estimates are not targets', () => {
    for (const s of catalog.scenarios) {
      const plans = new Set(s.objectives.map((o) => o.plan));
      expect([...plans].length, `${s.id}: objectives from ${[...plans].join(', ')}`).toBeLessThanOrEqual(1);
      for (const o of s.objectives) {
        expect(o.plan, `${s.id}: ${o.component} names no plan`).toBeDefined();
        expect(s.sources.map((src) => src.split(':')[0]), `${s.id}: plan ${o.plan} is not among its sources`).toContain(o.plan);
        // An estimate written as a target ("estimated recovery time 8-12 hours" as the RTO) is the mistake this rules out.
        expect(o.note ?? '', `${s.id}: ${o.component}: an estimate belongs in \`estimate\``).not.toMatch(/estimat/i);
      }
      const components = s.objectives.map((o) => o.component);
      expect(new Set(components).size, `${s.id}: a component with two targets`).toBe(components.length);
    }
  });

  it('carries the plans\' channels and stakeholder matrix into the runbooks that follow them', () => {
    const breach = byId('security-breach');
    expect(breach.comms.channels).toContain('Slack #incidents (primary)');
    expect(breach.comms.stakeholders.map((k) => k.who)).toEqual(['Engineering Manager', 'Operations Team', 'Security Team', 'Business Stakeholders', 'Customers']);
    expect(byId('kms-key-deletion').comms.channels).toContain('Slack #simple-log-service-incidents');
  });

  it('gives every scheduled drill a cadence from its plan', () => {
    for (const s of catalog.scenarios.filter((x) => x.detection.drill)) expect(s.cadence, `${s.id} has no cadence`).toBeGreaterThan(0);
    expect(byId('drill-lambda-rollback').cadence).toBe(30 * 86_400);
  });

  it('gives every scenario metrics, at least three injects, comms and escalation', () => {
    for (const s of catalog.scenarios) {
      expect(s.metrics.length, s.id).toBeGreaterThanOrEqual(1);
      expect(s.injects.length, s.id).toBeGreaterThanOrEqual(3);
      expect(s.comms.cadence_minutes, s.id).toBe(30);
      expect(s.comms.first_update_minutes, s.id).toBe(5);
      expect(s.comms.escalation.length, s.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('queries every metric with the dimensions CloudWatch publishes it under', () => {
    for (const s of catalog.scenarios) {
      for (const m of s.metrics) {
        const allowed = DIMENSIONS[`${m.namespace} ${m.metric}`];
        expect(allowed, `${s.id}: ${m.namespace} ${m.metric} is not in the dimension table`).toBeDefined();
        expect(allowed!.map((d) => [...d].sort().join(',')), `${s.id}: ${m.id}`).toContain(Object.keys(m.dimensions).sort().join(','));
      }
    }
  });

  it('reads Route 53 health checks in us-east-1, where they live, as bad when they fall', () => {
    const health = catalog.scenarios.flatMap((s) => s.metrics).filter((m) => m.namespace === 'AWS/Route53');
    expect(health.length).toBeGreaterThanOrEqual(1);
    for (const m of health) expect(m).toMatchObject({ region: 'us-east-1', bad_when: 'below', statistic: 'Minimum' });
  });

  it('uses every declared param somewhere', () => {
    for (const s of catalog.scenarios) {
      const { params, ...rest } = s;
      const used = new Set(placeholdersIn(JSON.stringify(rest)));
      for (const name of Object.keys(params)) expect(used.has(name), `${s.id}: param ${name} is never used`).toBe(true);
    }
  });

  it('has a verify in every scenario that talks to DynamoDB or RDS', () => {
    for (const s of catalog.scenarios) {
      const checks = s.steps.filter((st) => st.verify || st.action?.wait);
      if (s.services.some((x) => ['dynamodb', 'rds', 'aurora'].includes(x)) && s.steps.some((st) => st.command?.includes('aws dynamodb') || st.command?.includes('aws rds'))) {
        expect(checks.length, `${s.id} has no verify`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('checks paths that exist in the operation\'s response', () => {
    expect(pathExists(OUTPUTS['dynamodb DescribeTable'], 'Table.TableStatus')).toBe(true);
    expect(pathExists(OUTPUTS['dynamodb DescribeTable'], 'Table.Status')).toBe(false);
    expect(pathExists(OUTPUTS['rds DescribeDBClusters'], 'DBClusters.Status')).toBe(false);
    expect(pathExists(OUTPUTS['rds DescribeDBClusters'], 'DBClusters[0].DBClusterMembers[?IsClusterWriter].DBInstanceIdentifier')).toBe(true);
    expect(pathExists(OUTPUTS['rds DescribeDBClusters'], 'DBClusters[0].DBClusterMembers[?IsWriter].DBInstanceIdentifier')).toBe(false);
    for (const s of catalog.scenarios) {
      for (const step of s.steps) {
        for (const v of [step.verify, step.action?.wait]) {
          if (!v) continue;
          for (const path of [v.path, ...(v.and ?? []).map((c) => c.path)]) {
            expect(pathExists(OUTPUTS[`${v.service} ${v.operation}`], path), `${s.id}/${step.id}: ${v.operation} ${path}`).toBe(true);
          }
        }
      }
    }
  });

  it('names verify and action arguments as the SDK does, with the required ones present', () => {
    for (const s of catalog.scenarios) {
      for (const step of s.steps) {
        for (const call of [step.verify, step.action, step.action?.wait]) {
          if (!call) continue;
          const sdk = SDK_INPUTS[`${call.service} ${call.operation}`];
          expect(sdk, `${s.id}/${step.id}: ${call.service} ${call.operation} missing from SDK_INPUTS`).toBeDefined();
          for (const arg of Object.keys(call.args)) expect(sdk!.members, `${s.id}/${step.id}: ${call.operation} has no ${arg}`).toContain(arg);
          for (const req of sdk!.required) expect(Object.keys(call.args), `${s.id}/${step.id}: ${call.operation} needs ${req}`).toContain(req);
        }
      }
    }
  });
});

/** Commands that destroy, delete, overwrite or disable something. */
const DESTRUCTIVE = /terraform\s+(-\S+\s+)*destroy|aws \S+ (delete|disable|deactivate|deregister|terminate|revoke)-|schedule-key-deletion|aws s3 rm|aws s3 sync .*--delete|kubectl .*\b(delete|drain)\b|\b(DROP|TRUNCATE)\b|--status Inactive|--reserved-concurrent-executions 0|rollout undo/;
/** Matches of the pattern above that destroy nothing, and why. */
const NOT_DESTRUCTIVE: Record<string, string> = {
  'dynamodb-table-corruption/resume-writes': 'delete-function-concurrency removes the throttle set by stop-writes: it restores, not removes, service',
  'kubernetes-deployment-rollback/undo': 'the replaced revision stays in the rollout history',
  'kubernetes-deployment-rollback/undo-to': 'the replaced revision stays in the rollout history',
  'kubernetes-node-failure/drain': 'pods are rescheduled on other nodes; nothing is deleted',
};

describe('destructive steps', () => {
  it('marks every step whose command destroys, deletes, overwrites or disables something, and says what', () => {
    const found: string[] = [];
    for (const s of catalog.scenarios) {
      for (const st of s.steps) {
        const key = `${s.id}/${st.id}`;
        if (!st.command || !DESTRUCTIVE.test(st.command) || key in NOT_DESTRUCTIVE) continue;
        found.push(key);
        expect(st.destructive, `${key} is destructive: mark it (destructive: { destroys, confirm })`).toBeDefined();
      }
    }
    expect(found).toEqual(expect.arrayContaining(['security-breach/destroy-compromised', 'drill-full-dr/destroy', 'security-breach/deactivate-key']));
  });

  it('never has the plan\'s production destroy before the restore that needs its backups', () => {
    const breach = byId('security-breach');
    const order = breach.steps.map((st) => st.id);
    expect(order.indexOf('destroy-compromised')).toBeGreaterThan(order.indexOf('restore'));
    expect(breach.steps.find((st) => st.id === 'rebuild')!.command).not.toMatch(/destroy/);
  });
});

describe('runbook commands', () => {
  const cases = catalog.scenarios.flatMap((s) =>
    s.steps.filter((st) => st.command).map((st) => ({ name: `${s.id}/${st.id}`, scenario: s, command: st.command! })),
  );

  it('has commands to check, most of them for tools whose options are checked', () => {
    expect(cases.length).toBeGreaterThan(100);
    const checked = cases.filter((c) => CHECKED_TOOLS.includes(c.command.trim().split(/\s+/)[0]!));
    expect(checked.length / cases.length).toBeGreaterThan(0.9);
  });

  it.each(cases)('$name: every placeholder has a param with an example', ({ scenario, command }) => {
    for (const name of placeholdersIn(command)) expect(scenario.params[name]?.example, name).toBeTruthy();
  });

  it.each(cases)('$name: is valid once filled with the examples', ({ scenario, command }) => {
    expect(checkCommand(fillTemplate(command, examples(scenario)))).toEqual([]);
  });
});
