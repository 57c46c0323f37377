// The service profile: validation with the offending line, the parameters it answers, and writing it back.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile, pickService } from '../../src/profile/find.js';
import { paramsFromProfile, withProfileDefaults } from '../../src/profile/params.js';
import { parseProfile } from '../../src/profile/parse.js';
import { profileJsonSchema } from '../../src/profile/schema.js';
import { writeSchema, writeService } from '../../src/profile/write.js';
import { loadCatalog } from '../../src/scenarios/index.js';
import { tempDir } from '../support/tmp.js';
import { TWO_SERVICES } from './fixtures.js';

describe('parsing a profile', () => {
  it('reads several services, filling the lists left out', () => {
    const p = parseProfile(TWO_SERVICES, 'warroom.yaml');
    expect(p.services.map((s) => s.name)).toEqual(['orders', 'search']);
    expect(p.services[0]!.tiers[0]).toEqual({ name: 'critical', rto: '15m', rpo: '5m', components: ['orders', 'orders-db'] });
    expect(p.services[1]!.resources.tables).toEqual([]);
    expect(p.services[1]!.roster).toEqual({});
  });

  it.each([
    ['an unknown field, on its line', 'services:\n  - name: a\n    regions: { primary: eu-west-2 }\n    resources:\n      tablez: [x]\n', 'f.yaml:5: unknown field "tablez" in services[0].resources (remove it or check its spelling; see warroom.schema.json)'],
    ['a bad region, on its line', 'services:\n  - name: a\n    regions:\n      primary: nowhere\n', 'f.yaml:4: services[0].regions.primary: an AWS region name such as eu-west-2 (fix the value; see docs/profile.md)'],
    ['a missing field, at its parent', 'services:\n  - name: a\n', 'f.yaml:2: services[0].regions is missing (add services[0].regions (object))'],
    ['a bad duration', 'services:\n  - name: a\n    regions: { primary: eu-west-2 }\n    tiers:\n      - name: t\n        rto: soon\n        rpo: 5m\n', 'f.yaml:6: services[0].tiers[0].rto: a duration such as 15m, 4h or 1d (fix the value; see docs/profile.md)'],
    ['a channel of an unknown kind', 'services:\n  - name: a\n    regions: { primary: eu-west-2 }\n    channels:\n      targets: [{ name: x, kind: fax }]\n', 'f.yaml:5: services[0].channels.targets[0].kind:'],
    ['a service named twice', 'services:\n  - name: a\n    regions: { primary: eu-west-2 }\n  - name: a\n    regions: { primary: eu-west-1 }\n', 'f.yaml:4: services[1].name: service "a" is named twice'],
    ['broken YAML', 'services: [\n', 'f.yaml:2: not valid YAML:'],
  ])('rejects %s in one line', (_what, text, message) => {
    expect(() => parseProfile(text, 'f.yaml')).toThrow(message);
  });
});

describe('finding the profile and the service', () => {
  it('WARROOM_SERVICE_FILE, then warroom.yaml in the working directory; --service names a service or a file', () => {
    const dir = tempDir();
    const file = join(dir, 'team.yaml');
    writeFileSync(file, TWO_SERVICES);
    expect(loadProfile({ env: {}, cwd: dir })).toBeUndefined();
    const byEnv = loadProfile({ env: { WARROOM_SERVICE_FILE: file }, cwd: dir })!;
    expect(byEnv.path).toBe(file);
    expect(() => pickService(byEnv, {})).toThrow(/describes 2 services \(choose one with --service orders\|search\)/);
    expect(pickService(byEnv, { service: 'search' }).regions.primary).toBe('us-east-1');
    expect(() => pickService(byEnv, { service: 'billing' })).toThrow(/no service "billing"/);
    writeFileSync(join(dir, 'warroom.yaml'), 'services:\n  - name: solo\n    regions: { primary: eu-west-2 }\n');
    const found = loadProfile({ env: {}, cwd: dir })!;
    expect(pickService(found, {}).name).toBe('solo');
    expect(loadProfile({ service: 'team.yaml', env: {}, cwd: dir })!.path).toBe(file);
  });
});

describe('parameters from the profile', () => {
  const orders = parseProfile(TWO_SERVICES, 'warroom.yaml').services[0]!;

  it('answers runbook parameters by name and meaning; explicit params win; new names stay unanswered', () => {
    const names = ['region', 'dr_region', 'table', 'cluster', 'target_instance', 'instance', 'dr_instance', 'replica_region', 'hosted_zone_id', 'record_name', 'health_check_id', 'health_url', 'bucket', 'dr_bucket', 'key_id', 'namespace', 'dr_context', 'function_name', 'api_name', 'api_id', 'stage', 'deployment', 'target_table', 'snapshot'];
    expect(paramsFromProfile(orders, names)).toEqual({
      region: 'eu-west-2', dr_region: 'eu-west-1', table: 'orders', cluster: 'orders-db', target_instance: 'orders-db-2', instance: 'ledger-db',
      dr_instance: 'ledger-db-dr', replica_region: 'eu-west-1', hosted_zone_id: 'Z0ORDERS', record_name: 'api.shop.test', health_check_id: 'hc-orders',
      health_url: 'https://api.shop.test/health', bucket: 'orders-exports', dr_bucket: 'orders-exports-dr', key_id: 'alias/orders', namespace: 'orders',
      dr_context: 'orders-eks-dr', function_name: 'orders-ingest', api_name: 'orders-api', api_id: 'a1b2c3', stage: 'prod', deployment: 'orders-web',
    });
  });

  it('fills every parameter of the region failover runbook the profile knows, with the profile as the example', () => {
    const catalog = loadCatalog({ dirs: [], env: {} }).scenarios;
    const [failover] = withProfileDefaults(catalog.filter((s) => s.id === 'region-failure-dr-failover'), orders);
    expect(failover!.params.hosted_zone_id).toMatchObject({ default: 'Z0ORDERS', example: 'Z0ORDERS' });
    expect(failover!.params.record_name).toMatchObject({ default: 'api.shop.test', example: 'api.shop.test' });
    expect(failover!.params.dr_region).toMatchObject({ default: 'eu-west-1' });
    // A parameter the profile cannot answer keeps its runbook example and gets no default.
    expect(failover!.params.replicas!.default).toBeUndefined();
  });

  it('builds the example of a new name from the profile\'s names, not the plan\'s', () => {
    const catalog = loadCatalog({ dirs: [], env: {} }).scenarios;
    const [corruption] = withProfileDefaults(catalog.filter((s) => s.id === 'dynamodb-table-corruption'), orders);
    expect(corruption!.params.target_table).toMatchObject({ example: 'orders-restored' });
    expect(corruption!.params.target_table!.default).toBeUndefined();
  });
});

describe('writing a profile', () => {
  it('adds a service, keeps the others, refuses to replace one without asking, and writes the JSON Schema', () => {
    const dir = tempDir();
    const file = join(dir, 'warroom.yaml');
    writeFileSync(file, TWO_SERVICES);
    expect(writeService(file, { name: 'billing', regions: { primary: 'eu-central-1' }, resources: { tables: ['invoices'] } }, false)).toEqual({ replaced: false });
    const back = parseProfile(readFileSync(file, 'utf8'), file);
    expect(back.services.map((s) => s.name)).toEqual(['orders', 'search', 'billing']);
    expect(back.services[0]!.resources.db_instances[1]).toEqual({ id: 'ledger-db-dr', region: 'eu-west-1', replica_of: 'ledger-db' });
    expect(readFileSync(file, 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\/warroom\.schema\.json\n/);
    expect(() => writeService(file, { name: 'billing', regions: { primary: 'eu-west-1' } }, false)).toThrow('already describes "billing" (pass --force');
    const schema = JSON.parse(readFileSync(writeSchema(file), 'utf8')) as { properties: { services: { items: { properties: Record<string, unknown> } } } };
    expect(Object.keys(schema.properties.services.items.properties)).toEqual(expect.arrayContaining(['name', 'regions', 'resources', 'tiers', 'roster', 'channels']));
    expect(profileJsonSchema()).toEqual(schema);
  });
});
