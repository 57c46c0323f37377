// `warroom init`: writes a service profile (warroom.yaml and its JSON Schema). With --discover it reads
// the account read-only across the service's regions, shows what it found, and asks only for the rest.
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { ExitCode, usageError, WarroomError } from '../core/index.js';
import { resolveAwsConfig } from '../aws/config.js';
import type { DiscoveredAccount } from '../aws/discovery-port.js';
import { defaultsAsker, lineAsker, type Asker } from '../profile/ask.js';
import { PROFILE_NAMES, profilePath } from '../profile/find.js';
import { describeFound, inferDrRegion, proposeResources } from '../profile/propose.js';
import { serviceSchema, type ServiceInput } from '../profile/schema.js';
import { writeSchema, writeService } from '../profile/write.js';
import { readFileSync } from 'node:fs';
import type { CliContext } from './context.js';
import type { Register } from './main.js';

export interface InitFlags {
  file?: string;
  name?: string;
  region?: string;
  drRegion?: string;
  profile?: string;
  endpointUrl?: string;
  discover?: boolean;
  match?: string;
  roster: string[];
  channel: string[];
  tier: string[];
  yes?: boolean;
  force?: boolean;
  schema?: boolean;
}

const NO_AWS = '--discover needs AWS configured (give --profile or --endpoint-url, or set AWS_PROFILE or AWS credentials)';
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const readIfExists = (p: string) => {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
};

function pairs(values: readonly string[], flag: string, sep: string, example: string): [string, string][] {
  return values.map((v) => {
    const at = v.indexOf(sep);
    if (at <= 0 || at === v.length - 1) throw usageError(`${flag} "${v}" is not ${example}`);
    return [v.slice(0, at).trim(), v.slice(at + 1).trim()];
  });
}

type ChannelInput = NonNullable<ServiceInput['channels']>['targets'] extends (infer T)[] | undefined ? T : never;

const SIMPLE_CHANNELS: Record<string, string> = { slack: 'webhook', teams: 'webhook', pagerduty: 'routing_key' };

function givenExtras(flags: InitFlags): Pick<ServiceInput, 'roster' | 'channels' | 'tiers'> {
  // Channels whose one secret is a reference (env:NAME, ssm:/path, secretsmanager:id); SNS, SES and signed
  // webhooks take more fields and are written in the file (docs/comms.md).
  const targets = pairs(flags.channel, '--channel', ':', 'KIND:SECRET_REF, e.g. slack:env:SLACK_WEBHOOK').map(([kind, ref]) => {
    const field = SIMPLE_CHANNELS[kind];
    if (!field) throw usageError(`--channel kind "${kind}" is not one of ${Object.keys(SIMPLE_CHANNELS).join(', ')} (write sns, ses and webhook channels in the file; see docs/comms.md)`);
    return { name: kind, kind, [field]: ref } as unknown as ChannelInput;
  });
  const channels = targets.length ? { targets, routing: [{ to: targets.map((t) => t.name) }] } : undefined;
  const tiers = flags.tier.map((t) => {
    const [name, rto, rpo] = t.split(':');
    if (!name || !rto || !rpo) throw usageError(`--tier "${t}" is not NAME:RTO:RPO, e.g. critical:15m:5m`);
    return { name, rto, rpo };
  });
  return { roster: Object.fromEntries(pairs(flags.roster, '--roster', '=', 'ROLE=PERSON, e.g. incident-commander=alice')), ...(channels ? { channels } : {}), tiers };
}

async function askRegion(asker: Asker, question: string, fallback: string | undefined, required: boolean): Promise<string | undefined> {
  const answer = await asker.ask(question, fallback);
  if (!answer) {
    if (required) throw usageError(`${question.replace(/\?$/, '')} is needed (give --region)`);
    return undefined;
  }
  if (!REGION.test(answer)) throw usageError(`"${answer}" is not an AWS region name (e.g. eu-west-2)`);
  return answer;
}

async function discover(ctx: CliContext, flags: InitFlags, regions: string[]): Promise<DiscoveredAccount> {
  const config = resolveAwsConfig({ profile: flags.profile, region: regions[0], endpointUrl: flags.endpointUrl }, ctx.env, readIfExists);
  if (!config.configured) throw usageError(NO_AWS);
  const s3Endpoint = flags.endpointUrl ?? ctx.env.AWS_ENDPOINT_URL_S3 ?? ctx.env.AWS_ENDPOINT_URL;
  const { createLiveDiscovery } = await import('../aws/live/live-discovery.js');
  const found = await createLiveDiscovery({ config, ...(s3Endpoint ? { s3Endpoint } : {}) }).discover(regions, AbortSignal.timeout(120_000));
  // Nothing readable at all (no credentials, no network) is a failure, not an empty account.
  const sections = regions.length * 3 + 2;
  if (found.errors.length >= sections) throw new WarroomError(`could not read the account: ${found.errors[0]} (check the AWS profile and credentials; run warroom doctor)`, ExitCode.aws);
  return found;
}

export async function init(ctx: CliContext, flags: InitFlags, asker: Asker): Promise<number> {
  const path = resolve(flags.file ?? profilePath({ env: ctx.env }) ?? PROFILE_NAMES[0]);
  if (flags.schema) {
    ctx.out(`wrote ${writeSchema(path)}`);
    return ExitCode.ok;
  }
  const extras = givenExtras(flags);
  const awsProfile = flags.profile ?? ctx.env.AWS_PROFILE;
  const configured = resolveAwsConfig({ profile: flags.profile, region: flags.region, endpointUrl: flags.endpointUrl }, ctx.env, readIfExists);
  if (flags.discover && !configured.configured) throw usageError(NO_AWS);
  const name = flags.name ?? (await asker.ask('Service name?', flags.match ?? basename(process.cwd()).toLowerCase().replace(/[^a-z0-9._-]+/g, '-')));
  const validName = serviceSchema.shape.name.safeParse(name);
  if (!validName.success) throw usageError(`service name "${name}": ${validName.error.issues[0]!.message} (choose another --name)`);
  const primary = flags.region ?? (await askRegion(asker, 'Primary region?', configured.configured ? configured.region : undefined, true))!;
  let dr = flags.drRegion ?? ctx.env.WARROOM_DR_REGION;
  let resources: ServiceInput['resources'] = {};
  if (flags.discover) {
    ctx.out(`Reading ${[primary, dr].filter(Boolean).join(' and ')} (read-only)...`);
    let found = await discover(ctx, flags, [primary, ...(dr ? [dr] : [])]);
    if (!dr) {
      const inferred = inferDrRegion(found, primary);
      dr = await askRegion(asker, inferred ? `DR region? (replicas found in ${inferred})` : 'DR region? (Enter for none)', inferred, false);
      if (dr) {
        const more = await discover(ctx, flags, [dr]);
        found = { ...found, regions: [primary, dr], ...Object.fromEntries((['tables', 'dbClusters', 'dbInstances', 'alarms', 'errors'] as const).map((k) => [k, [...found[k], ...more[k]]])) } as DiscoveredAccount;
      }
    }
    resources = proposeResources(found, { primary, dr }, flags.match);
    ctx.out(`Found for ${name}${flags.match ? ` (names containing "${flags.match}")` : ''}:`);
    for (const line of describeFound(resources, found.errors)) ctx.out(line);
  } else if (!dr) {
    dr = await askRegion(asker, 'DR region? (Enter for none)', undefined, false);
  }
  const roster = Object.keys(extras.roster ?? {}).length ? extras.roster : await askRoster(asker);
  const service: ServiceInput = {
    name,
    regions: { primary, ...(dr ? { dr } : {}) },
    ...(awsProfile ? { aws_profile: awsProfile } : {}),
    resources,
    ...extras,
    roster,
  };
  const checked = serviceSchema.safeParse(service);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw usageError(`${issue.path.join('.').replace(/\.(\d+)/g, '[$1]')}: ${issue.message} (check --tier, --roster and --channel)`);
  }
  const answer = (await asker.ask(`Write ${name} to ${path}? (Y/n)`, 'y')).toLowerCase();
  if (!answer.startsWith('y')) {
    ctx.out('nothing written');
    return ExitCode.ok;
  }
  const { replaced } = writeService(path, service, flags.force === true);
  const schema = writeSchema(path);
  ctx.out(`${replaced ? 'replaced' : 'wrote'} ${name} in ${path} (schema: ${basename(schema)})`);
  return ExitCode.ok;
}

async function askRoster(asker: Asker): Promise<Record<string, string>> {
  const ic = await asker.ask('Who is the incident commander? (Enter to skip)');
  return ic ? { 'incident-commander': ic } : {};
}

const collect = (value: string, previous: string[]) => [...previous, value];

export const registerInitCommand: Register = (program: Command, run) => {
  program
    .command('init')
    .description('write a service profile (warroom.yaml and its JSON Schema); --discover reads the account for it')
    .option('--file <path>', 'the profile to write (default: WARROOM_SERVICE_FILE or ./warroom.yaml)')
    .option('--name <service>', 'the service name')
    .option('--region <region>', 'the primary region (default: the AWS configuration)')
    .option('--dr-region <region>', 'the DR region (env WARROOM_DR_REGION)')
    .option('--profile <name>', 'the AWS profile (env AWS_PROFILE), recorded in the file')
    .option('--endpoint-url <url>', 'send AWS calls here, e.g. a local test server (env AWS_ENDPOINT_URL)')
    .option('--discover', 'read the account (read-only) for tables, databases, DNS, buckets and alarms')
    .option('--match <text>', 'with --discover: keep resources whose names contain this')
    .option('--roster <role=person>', 'who holds a role, e.g. incident-commander=alice (repeatable)', collect, [])
    .option('--channel <kind:secret-ref>', `a comms channel (${Object.keys(SIMPLE_CHANNELS).join(', ')}) and its secret by reference, e.g. slack:env:SLACK_WEBHOOK (repeatable)`, collect, [])
    .option('--tier <name:rto:rpo>', 'a recovery tier, e.g. critical:15m:5m (repeatable)', collect, [])
    .option('--yes', 'ask nothing: take the defaults and what was found')
    .option('--force', 'replace a service of the same name in the file')
    .option('--schema', 'only write warroom.schema.json next to the profile')
    .action(
      run(async (ctx, flags: InitFlags) => {
        const asker = flags.yes ? defaultsAsker : lineAsker(ctx.stdin, ctx.out);
        try {
          return await init(ctx, flags, asker);
        } finally {
          asker.close();
        }
      }),
    );
};
