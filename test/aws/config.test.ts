import { describe, expect, it } from 'vitest';
import { isAwsConfigured, regionFromConfigFile, resolveAwsConfig } from '../../src/aws/config.js';

const none = () => undefined;

describe('resolveAwsConfig', () => {
  it('with nothing given is not configured and defaults the region for the simulated AWS', () => {
    const c = resolveAwsConfig({}, {}, none);
    expect(c).toMatchObject({ configured: false, region: 'us-east-1', endpoints: {} });
  });

  it.each([
    [{ region: 'eu-west-2' }, { AWS_REGION: 'us-west-2' }, 'eu-west-2', '--region'],
    [{}, { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'eu-central-1' }, 'us-west-2', 'AWS_REGION'],
    [{}, { AWS_DEFAULT_REGION: 'eu-central-1' }, 'eu-central-1', 'AWS_DEFAULT_REGION'],
  ])('region precedence %j %j -> %s', (opts, env, region, source) => {
    expect(resolveAwsConfig(opts, env, none)).toMatchObject({ configured: true, region, regionSource: source });
  });

  it('takes the region from the profile in the config file when no flag or env gives one', () => {
    const file = '[default]\nregion = us-east-2\n\n[profile prod]\n# comment\nregion=eu-west-1\n';
    const read = (p: string) => (p === '/home/op/.aws/config' ? file : undefined);
    expect(resolveAwsConfig({ profile: 'prod' }, { HOME: '/home/op' }, read)).toMatchObject({ profile: 'prod', region: 'eu-west-1' });
    expect(resolveAwsConfig({}, { AWS_PROFILE: 'prod', HOME: '/home/op' }, read)).toMatchObject({ profile: 'prod', region: 'eu-west-1' });
    expect(resolveAwsConfig({}, { AWS_ACCESS_KEY_ID: 'AKIA', AWS_CONFIG_FILE: '/home/op/.aws/config' }, read).region).toBe('us-east-2');
  });

  it('flag --profile wins over AWS_PROFILE', () => {
    expect(resolveAwsConfig({ profile: 'a', region: 'eu-west-1' }, { AWS_PROFILE: 'b' }, none).profile).toBe('a');
  });

  it('a configured session with no region anywhere is a usage error', () => {
    expect(() => resolveAwsConfig({ profile: 'prod' }, {}, none)).toThrow(/no AWS region/);
  });

  it.each(['eu-west', 'EU-WEST-2', 'west-2', 'eu-west-2; rm'])('rejects the region %j', (region) => {
    expect(() => resolveAwsConfig({ region }, {}, none)).toThrow(/not an AWS region/);
  });

  it('endpoints: --endpoint-url > service variable > AWS_ENDPOINT_URL', () => {
    const env = { AWS_ENDPOINT_URL: 'http://global:1', AWS_ENDPOINT_URL_DYNAMODB: 'http://ddb:2', AWS_ENDPOINT_URL_ROUTE_53: 'http://r53:3', AWS_REGION: 'eu-west-2' };
    expect(resolveAwsConfig({}, env, none).endpoints).toEqual({ dynamodb: 'http://ddb:2', rds: 'http://global:1', cloudwatch: 'http://global:1', route53: 'http://r53:3', sts: 'http://global:1', kms: 'http://global:1', health: 'http://global:1', s3: 'http://global:1' });
    expect(resolveAwsConfig({ endpointUrl: 'http://flag:4' }, env, none).endpoints.route53).toBe('http://flag:4');
    expect(resolveAwsConfig({}, { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }, none).endpoints).toEqual({});
  });

  it('rejects an endpoint that is not http(s)', () => {
    expect(() => resolveAwsConfig({ endpointUrl: 'ftp://x', region: 'eu-west-2' }, {}, none)).toThrow(/--endpoint-url "ftp:\/\/x" is not an http\(s\) URL/);
    expect(() => resolveAwsConfig({ region: 'eu-west-2' }, { AWS_ENDPOINT_URL_RDS: 'nonsense' }, none)).toThrow(/AWS_ENDPOINT_URL_RDS/);
  });

  it('DR region from --dr-region or WARROOM_DR_REGION', () => {
    expect(resolveAwsConfig({ region: 'eu-west-2', drRegion: 'eu-west-1' }, {}, none).drRegion).toBe('eu-west-1');
    expect(resolveAwsConfig({ region: 'eu-west-2' }, { WARROOM_DR_REGION: 'us-west-2' }, none).drRegion).toBe('us-west-2');
  });

  it.each([
    [{}, {}, false],
    [{}, { HOME: '/x', PATH: '/bin' }, false],
    [{}, { AWS_ACCESS_KEY_ID: 'AKIA' }, true],
    [{}, { AWS_ENDPOINT_URL_CLOUDWATCH: 'http://x' }, true],
    [{ endpointUrl: 'http://x' }, {}, true],
    [{}, { AWS_PROFILE: '  ' }, false],
  ])('isAwsConfigured(%j, %j) = %s', (opts, env, configured) => {
    expect(isAwsConfigured(opts, env)).toBe(configured);
  });
});

describe('regionFromConfigFile', () => {
  it('reads only the asked profile', () => {
    const text = '[profile a]\nregion = eu-west-1\n[profile b]\noutput = json\n';
    expect(regionFromConfigFile(text, 'a')).toBe('eu-west-1');
    expect(regionFromConfigFile(text, 'b')).toBeUndefined();
    expect(regionFromConfigFile(text, 'default')).toBeUndefined();
  });
});
