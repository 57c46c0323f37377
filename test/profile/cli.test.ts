// `warroom declare` and `warroom init` without AWS: one line opens an incident with the profile's
// parameters; a bad profile is one line naming the file and line; init writes from flags alone.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IncidentStore } from '../../src/store/incident-store.js';
import { parseProfile } from '../../src/profile/parse.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';
import { TWO_SERVICES } from './fixtures.js';

const clock = { now: () => Date.parse('2026-11-21T10:00:00.000Z') };

function workspace() {
  const dir = tempDir();
  const file = join(dir, 'warroom.yaml');
  writeFileSync(file, TWO_SERVICES);
  return { dir, file, state: join(dir, 'state'), env: { WARROOM_SERVICE_FILE: file } };
}

describe('warroom declare', () => {
  it('opens the incident from one line: prints only its id, ranks the scenario, fills the parameters from the profile, assigns the roster', async () => {
    const w = workspace();
    const r = await runCli(['--state-dir', w.state, 'declare', 'eu-west-1', 'failover:', 'whole', 'region', 'down', '--service', 'orders'], { env: w.env });
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(/^INC-20261121-[0-9A-Z]{4}$/);
    expect(r.err[0]).toMatch(/^SEV1 /);
    expect(r.err[1]).toMatch(/^scenario region-failure-dr-failover: /);
    const { state } = new IncidentStore(w.state, clock).load(r.out[0]!);
    expect(state.scenarios).toEqual(['region-failure-dr-failover']);
    expect(state.params).toMatchObject({ dr_region: 'eu-west-1', hosted_zone_id: 'Z0ORDERS', record_name: 'api.shop.test', health_check_id: 'hc-orders', dr_instance: 'ledger-db-dr' });
    expect(state.roles).toMatchObject({ 'incident-commander': ['alice'], dba: ['bob'] });
  });

  it('--json says what was chosen and which parameters are still needed; --param and --severity override', async () => {
    const w = workspace();
    const r = await runCli(['--state-dir', w.state, 'declare', 'API 5xx from API Gateway', '--service', 'orders', '--severity', 'P3', '--param', 'stage=blue', '--json'], { env: w.env });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out[0]!) as Record<string, unknown>;
    expect(doc).toMatchObject({ severity: 'SEV3', severityReason: 'given', scenario: 'api-gateway-failure', service: 'orders', params: { region: 'eu-west-2', api_name: 'orders-api', api_id: 'a1b2c3', stage: 'blue' } });
  });

  it('without a profile it still opens the incident, with no parameters', async () => {
    const dir = tempDir();
    const r = await runCli(['--state-dir', join(dir, 'state'), 'declare', 'aurora writer failover', '--json'], { env: {} });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out[0]!)).toMatchObject({ scenario: 'aurora-failover', service: null, params: {}, missing: ['cluster', 'target_instance', 'region'] });
  });

  it.each([
    [['declare', 'x'], 'services:\n  - name: a\n    regions: { primary: eu-west-2 }\n    roster: [alice]\n', /^warroom: .+warroom\.yaml:4: services\[0\]\.roster: .+ \(fix the value; see docs\/profile\.md\)$/],
    [['declare', 'x'], TWO_SERVICES, /^warroom: .+warroom\.yaml describes 2 services \(choose one with --service orders\|search\)$/],
    [['declare', 'x', '--service', 'billing'], TWO_SERVICES, /^warroom: no service "billing" in .+ \(it has orders, search\)$/],
    [['declare', ' '], TWO_SERVICES, /^warroom: nothing to declare: give what is happening/],
    [['declare', 'ALARM orders-5xx\nthreshold crossed: 5 datapoints', '--service', 'orders'], TWO_SERVICES, /^warroom: a title is one line \(give the first line as the title/],
  ])('%j with a bad profile or input fails on one line and opens nothing', async (argv, text, line) => {
    const w = workspace();
    writeFileSync(w.file, text);
    const r = await runCli(['--state-dir', w.state, ...argv], { env: w.env });
    expect(r.code).toBeGreaterThan(1);
    expect(r.out).toEqual([]);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(line);
    expect(await new IncidentStore(w.state, clock).list()).toEqual([]);
  });
});

describe('warroom init without discovery', () => {
  it('writes a profile from flags alone (--yes asks nothing), adding to the services already there', async () => {
    const w = workspace();
    const r = await runCli(['init', '--yes', '--file', w.file, '--name', 'billing', '--region', 'eu-central-1', '--dr-region', 'eu-west-1', '--roster', 'ic=dana', '--channel', 'slack:env:BILLING_SLACK_WEBHOOK', '--tier', 'critical:30m:5m'], { env: {} });
    expect(r).toEqual({ code: 0, out: [`wrote billing in ${w.file} (schema: warroom.schema.json)`], err: [] });
    const services = parseProfile(readFileSync(w.file, 'utf8'), w.file).services;
    expect(services.map((s) => s.name)).toEqual(['orders', 'search', 'billing']);
    expect(services[2]).toMatchObject({ regions: { primary: 'eu-central-1', dr: 'eu-west-1' }, roster: { ic: 'dana' }, channels: { targets: [{ name: 'slack', kind: 'slack', webhook: 'env:BILLING_SLACK_WEBHOOK' }], routing: [{ to: ['slack'] }] }, tiers: [{ name: 'critical', rto: '30m', rpo: '5m' }] });
  });

  it.each([
    [['init', '--yes', '--name', 'x'], 'warroom: Primary region is needed (give --region)'],
    [['init', '--yes', '--name', 'x', '--region', 'mars-1'], 'warroom: --region "mars-1" is not an AWS region name (e.g. eu-west-2)'],
    [['init', '--yes', '--name', 'x', '--region', 'eu-west-2', '--channel', 'fax:123'], 'warroom: --channel kind "fax" is not one of slack, teams, pagerduty (write sns, ses and webhook channels in the file; see docs/comms.md)'],
    [['init', '--yes', '--name', 'x', '--discover'], 'warroom: --discover needs AWS configured (give --profile or --endpoint-url, or set AWS_PROFILE or AWS credentials)'],
    [['init', '--yes', '--name', 'My Service', '--region', 'eu-west-2'], 'warroom: service name "My Service": letters, digits, dots, dashes and underscores (choose another --name)'],
    [['init', '--yes', '--name', 'x', '--region', 'eu-west-2', '--tier', 'critical:soon:5m'], 'warroom: tiers[0].rto: a duration such as 15m, 4h or 1d (check --tier, --roster and --channel)'],
    [['init', '--yes', '--name', 'orders', '--region', 'eu-west-2'], 'warroom: warroom.yaml already describes "orders" (pass --force to replace it, or choose another --name)'],
  ])('%j is a usage error on one line and writes nothing', async (argv, line) => {
    const w = workspace();
    const r = await runCli([...argv, '--file', w.file], { env: {} });
    expect(r).toEqual({ code: 2, out: [], err: [line] });
    expect(readFileSync(w.file, 'utf8')).toBe(TWO_SERVICES);
  });

  it('--discover with no credentials that work fails on one line and writes nothing', async () => {
    const w = workspace();
    const r = await runCli(['init', '--yes', '--name', 'x', '--region', 'eu-west-2', '--discover', '--endpoint-url', 'http://127.0.0.1:9', '--file', w.file], { env: {} });
    expect(r.code).toBe(6);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^warroom: could not read the account: dynamodb eu-west-2: .+ \(check the AWS profile and credentials; run warroom doctor\)$/);
    expect(readFileSync(w.file, 'utf8')).toBe(TWO_SERVICES);
  }, 60_000);

  it('--schema writes only the JSON Schema next to the profile', async () => {
    const w = workspace();
    const r = await runCli(['init', '--schema', '--file', w.file], { env: {} });
    expect(r).toEqual({ code: 0, out: [`wrote ${join(w.dir, 'warroom.schema.json')}`], err: [] });
    expect(JSON.parse(readFileSync(join(w.dir, 'warroom.schema.json'), 'utf8'))).toMatchObject({ title: 'warroom service profile' });
  });
});
