// Resolves AWS settings the way the AWS CLI does: flags first, then the environment, then the profile's
// config file for the region. Pure apart from the injected file reader, so it is table-tested.
import { usageError } from '../core/index.js';

export interface AwsConfigOptions {
  profile?: string | undefined;
  region?: string | undefined;
  drRegion?: string | undefined;
  endpointUrl?: string | undefined;
}

export type EndpointService = 'dynamodb' | 'rds' | 'cloudwatch' | 'route53' | 'sts' | 'kms' | 'health' | 's3';

export interface ResolvedAwsConfig {
  /** True when anything AWS was given (flags or AWS_* environment); otherwise the simulated AWS is used. */
  configured: boolean;
  profile?: string;
  region: string;
  drRegion?: string;
  endpoints: Partial<Record<EndpointService, string>>;
  /** Where the region came from, for `doctor`: "--region", "AWS_REGION", "profile prod (~/.aws/config)". */
  regionSource: string;
}

/** The environment variables that mean "an AWS account is configured here". */
const AWS_ENV = [
  'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_DYNAMODB', 'AWS_ENDPOINT_URL_RDS', 'AWS_ENDPOINT_URL_CLOUDWATCH', 'AWS_ENDPOINT_URL_ROUTE_53', 'AWS_ENDPOINT_URL_STS', 'AWS_ENDPOINT_URL_KMS', 'AWS_ENDPOINT_URL_HEALTH', 'AWS_ENDPOINT_URL_S3',
  'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI',
] as const;

const SERVICE_ENV: Record<EndpointService, string> = {
  dynamodb: 'AWS_ENDPOINT_URL_DYNAMODB',
  rds: 'AWS_ENDPOINT_URL_RDS',
  cloudwatch: 'AWS_ENDPOINT_URL_CLOUDWATCH',
  route53: 'AWS_ENDPOINT_URL_ROUTE_53',
  sts: 'AWS_ENDPOINT_URL_STS',
  kms: 'AWS_ENDPOINT_URL_KMS',
  health: 'AWS_ENDPOINT_URL_HEALTH',
  s3: 'AWS_ENDPOINT_URL_S3',
};

const nonEmpty = (v: string | undefined) => (v !== undefined && v.trim() !== '' ? v.trim() : undefined);

export function isAwsConfigured(opts: AwsConfigOptions, env: Readonly<Record<string, string | undefined>>): boolean {
  return [opts.profile, opts.region, opts.endpointUrl].some((v) => nonEmpty(v) !== undefined) || AWS_ENV.some((k) => nonEmpty(env[k]) !== undefined);
}

function checkUrl(flag: string, url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') return url;
  } catch {
    // fall through to the error below
  }
  throw usageError(`${flag} "${url}" is not an http(s) URL`);
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
function checkRegion(flag: string, region: string): string {
  if (!REGION.test(region)) throw usageError(`${flag} "${region}" is not an AWS region name (e.g. eu-west-2)`);
  return region;
}

/** Reads `region` from [profile NAME] (or [default]) of an AWS config file's text. */
export function regionFromConfigFile(text: string, profile: string): string | undefined {
  const wanted = profile === 'default' ? ['default', 'profile default'] : [`profile ${profile}`];
  let inSection = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const section = /^\[(.+)\]$/.exec(line);
    if (section) inSection = wanted.includes(section[1]!.trim().replace(/\s+/g, ' '));
    else if (inSection) {
      const kv = /^region\s*=\s*(\S+)$/.exec(line);
      if (kv) return kv[1];
    }
  }
  return undefined;
}

export function resolveAwsConfig(
  opts: AwsConfigOptions,
  env: Readonly<Record<string, string | undefined>>,
  readConfigFile: (path: string) => string | undefined = () => undefined,
): ResolvedAwsConfig {
  const profile = nonEmpty(opts.profile) ?? nonEmpty(env.AWS_PROFILE);
  let region = nonEmpty(opts.region);
  let regionSource = '--region';
  if (!region && nonEmpty(env.AWS_REGION)) [region, regionSource] = [nonEmpty(env.AWS_REGION), 'AWS_REGION'];
  if (!region && nonEmpty(env.AWS_DEFAULT_REGION)) [region, regionSource] = [nonEmpty(env.AWS_DEFAULT_REGION), 'AWS_DEFAULT_REGION'];
  if (!region) {
    const file = nonEmpty(env.AWS_CONFIG_FILE) ?? (env.HOME ? `${env.HOME}/.aws/config` : undefined);
    const text = file ? readConfigFile(file) : undefined;
    const found = text ? regionFromConfigFile(text, profile ?? 'default') : undefined;
    if (found) [region, regionSource] = [found, `profile ${profile ?? 'default'} (${file})`];
  }
  const configured = isAwsConfigured(opts, env);
  if (!region) {
    if (configured) throw usageError('no AWS region: pass --region or set AWS_REGION (or give the profile a region)');
    [region, regionSource] = ['us-east-1', 'simulated default'];
  }
  const endpoints: Partial<Record<EndpointService, string>> = {};
  const ignoreEnv = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true';
  const flag = nonEmpty(opts.endpointUrl);
  for (const service of Object.keys(SERVICE_ENV) as EndpointService[]) {
    const specific = ignoreEnv ? undefined : nonEmpty(env[SERVICE_ENV[service]]);
    const global = ignoreEnv ? undefined : nonEmpty(env.AWS_ENDPOINT_URL);
    const url = flag ?? specific ?? global;
    if (url) endpoints[service] = checkUrl(flag ? '--endpoint-url' : specific ? SERVICE_ENV[service] : 'AWS_ENDPOINT_URL', url);
  }
  const drRegion = nonEmpty(opts.drRegion) ?? nonEmpty(env.WARROOM_DR_REGION);
  return {
    configured,
    region: checkRegion(regionSource, region),
    regionSource,
    endpoints,
    ...(profile ? { profile } : {}),
    ...(drRegion ? { drRegion: checkRegion('--dr-region', drRegion) } : {}),
  };
}
