// The service profile's shape: what a team writes once about each service (regions, resources, recovery
// targets, roster, channels) so an incident never asks for it again. One schema validates the YAML and is
// emitted as JSON Schema for editor completion.
import { z } from 'zod';
import { ChannelsConfigSchema } from '../comms/config.js';

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const region = z.string().regex(REGION, 'an AWS region name such as eu-west-2');
const name = z.string().trim().min(1, 'must not be empty');
/** "30s", "15m", "4h", "1d": the same durations the runbooks' objectives use. */
const duration = z.string().regex(/^\d+(\.\d+)?\s*(s|m|h|d)$/, 'a duration such as 15m, 4h or 1d');
const names = z.array(name).default([]);

const dbCluster = z.strictObject({
  id: name.describe('the DB cluster identifier'),
  region: region.optional().describe('where it runs (default: the primary region)'),
  writer: name.optional().describe('the writer instance'),
  readers: names.describe('reader instances, failover targets first'),
  engine: z.string().optional(),
});

const dbInstance = z.strictObject({
  id: name.describe('the DB instance identifier'),
  region: region.optional().describe('where it runs (default: the primary region)'),
  replica_of: name.optional().describe('the source instance when this is a read replica'),
  engine: z.string().optional(),
});

const hostedZone = z.strictObject({
  id: name.describe('the Route 53 hosted zone id, e.g. Z1234567890ABC'),
  name: name.describe('the zone name, e.g. example.com'),
  records: names.describe('the DNS names users reach, e.g. api.example.com'),
});

const healthCheck = z.strictObject({
  id: name.describe('the Route 53 health check id'),
  url: z.string().optional().describe('what it checks, e.g. https://api.example.com/health'),
});

const bucket = z.strictObject({
  name: name,
  region: region.optional(),
  replica: name.optional().describe('the bucket it replicates to (the DR copy)'),
});

const kubernetes = z.strictObject({
  name: name.describe('the cluster name (or kubectl context)'),
  region: region.optional(),
  namespaces: names,
});

const api = z.strictObject({ name: name, id: z.string().optional(), stage: z.string().optional() });

export const resourcesSchema = z
  .strictObject({
    tables: names.describe('DynamoDB tables'),
    db_clusters: z.array(dbCluster).default([]).describe('Aurora / RDS clusters'),
    db_instances: z.array(dbInstance).default([]).describe('RDS instances and read replicas'),
    hosted_zones: z.array(hostedZone).default([]),
    health_checks: z.array(healthCheck).default([]),
    buckets: z.array(bucket).default([]),
    keys: names.describe('KMS key ids or aliases'),
    kubernetes: z.array(kubernetes).default([]).describe('Kubernetes clusters and their namespaces'),
    functions: names.describe('Lambda functions'),
    apis: z.array(api).default([]).describe('API Gateway APIs'),
    alarms: names.describe('CloudWatch alarms that belong to the service'),
  })
  .prefault({});

const tier = z.strictObject({
  name: name.describe('e.g. critical, standard'),
  rto: duration.describe('recovery time objective'),
  rpo: duration.describe('recovery point objective'),
  components: names.describe('what the tier covers, e.g. the tables or clusters'),
});

export const serviceSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'letters, digits, dots, dashes and underscores').describe('the service, as --service names it'),
  description: z.string().optional(),
  regions: z.strictObject({ primary: region, dr: region.optional() }),
  aws_profile: z.string().optional().describe('the AWS CLI profile to use for this service'),
  resources: resourcesSchema,
  tiers: z.array(tier).default([]).describe('RTO/RPO per tier'),
  roster: z.record(z.string(), name).default({}).describe('role to person, e.g. incident-commander: alice'),
  channels: ChannelsConfigSchema.optional().describe('where updates and pages go: targets (secrets by reference only), routing by update kind and severity, drill channels; see docs/comms.md'),
  params: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.union([z.string(), z.number()]).transform(String)).default({}).describe('any other runbook parameter, by name'),
});

export const profileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    services: z.array(serviceSchema).min(1, 'name at least one service'),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.services.forEach((s, i) => {
      if (seen.has(s.name)) ctx.addIssue({ code: 'custom', path: ['services', i, 'name'], message: `service "${s.name}" is named twice` });
      seen.add(s.name);
    });
  });

export type ServiceProfile = z.output<typeof serviceSchema>;
export type ProfileFile = z.output<typeof profileSchema>;
export type ServiceInput = z.input<typeof serviceSchema>;

/** The JSON Schema editors read (yaml-language-server, VS Code) for completion and checks. */
export function profileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(profileSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'warroom service profile',
  };
}
