import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsPorts } from '../../src/aws/create-ports.js';
import { showMetrics } from '../../src/cli/aws-commands.js';
import { levelOf, sparkline } from '../../src/cli/aws-format.js';
import { makeContext, type CliIo } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';
import { fixedClock } from '../../src/core/index.js';
import { freePort, MOTO, MOTO_MISSING_REASON, motoEnv, startMoto, type Moto } from './support/moto.js';
import { metric, scenario, systemErrors, T0 } from './support/fixtures.js';

if (!MOTO) console.warn(`test/aws/cli-aws: doctor against moto skipped: ${MOTO_MISSING_REASON}`);

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), stdin: process.stdin, env, clock: fixedClock(T0) };
  return { io: value, out, err };
}

let moto: Moto | undefined;
beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = 'testing';
  process.env.AWS_SECRET_ACCESS_KEY = 'testing';
  if (MOTO) {
    moto = await startMoto();
    // moto loads each service on its first call, which on a busy machine can outlast a 5 s read deadline.
    await main(['doctor'], io(motoEnv(moto.endpoint)).io);
  }
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});

describe('warroom doctor', () => {
  it('with no AWS configuration says the simulated AWS is in use, exit 0', async () => {
    const t = io();
    expect(await main(['doctor'], t.io)).toBe(0);
    expect(t.out.join('\n')).toMatch(/no AWS configuration given.*simulated AWS/);
  });

  it.skipIf(!MOTO)('against moto: every check passes, exit 0', async () => {
    const t = io(motoEnv(moto!.endpoint));
    expect(await main(['doctor', '--dr-region', 'eu-west-1'], t.io), t.out.join('\n')).toBe(0);
    expect(t.out[0]).toBe('LIVE eu-west-2 / DR eu-west-1 (region from AWS_REGION)');
    // STS, then 3 regional reads in each of 2 regions, DescribeAlarms in us-east-1, GetMetricData, Route 53.
    expect(t.out.at(-1)).toBe('all 10 checks passed');
    expect(t.out[1]).toMatch(/^ok +sts +GetCallerIdentity .* account 123456789012 as arn:aws:sts::123456789012:user\/moto$/);
    expect(t.out.some((l) => /cloudwatch +DescribeAlarms +us-east-1/.test(l))).toBe(true);
  });

  it.skipIf(!MOTO)('--scenario checks every region it touches, the DR region from --param dr_region', async () => {
    const t = io(motoEnv(moto!.endpoint));
    expect(await main(['doctor', '--scenario', 'region-failure-dr-failover', '--param', 'dr_region=ap-south-1', 'dr_instance=db', 'hosted_zone_id=Z1', 'record_name=a.b', 'dr_endpoint=x.y', 'health_check_id=7a5c1e0b-3f2d-4c8e-9b6a-1d2e3f4a5b6c', 'deployment=api', 'namespace=prod', 'replicas=3', 'dr_context=c', 'health_url=https://a.b/h', 'terraform_dir=t'], t.io)).toBe(0);
    const regionsOf = (op: string) => t.out.filter((l) => l.includes(` ${op} `)).map((l) => l.split(/ +/)[3]);
    expect(regionsOf('ListTables').sort()).toEqual(['ap-south-1', 'eu-west-2', 'us-east-1']);
  });

  it.skipIf(!MOTO)('--json against moto', async () => {
    const t = io();
    expect(await main(['doctor', '--region', 'eu-west-2', '--endpoint-url', moto!.endpoint, '--json'], t.io)).toBe(0);
    const doc = JSON.parse(t.out.join('\n'));
    expect(doc.ok).toBe(true);
    expect(doc.checks.map((c: { iamAction: string }) => c.iamAction)).toContain('dynamodb:ListTables');
  });

  it.skipIf(!MOTO)('--profile: credentials and region from the shared files, as the AWS CLI reads them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warroom-aws-'));
    writeFileSync(join(dir, 'credentials'), '[drill]\naws_access_key_id = testing\naws_secret_access_key = testing\n');
    writeFileSync(join(dir, 'config'), '[profile drill]\nregion = eu-west-1\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'doctor', '--profile', 'drill', '--endpoint-url', moto!.endpoint], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { PATH: process.env.PATH ?? '', HOME: dir, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_CONFIG_FILE: join(dir, 'config') },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe(`LIVE drill eu-west-1 (region from profile drill (${join(dir, 'config')}))`);
    expect(r.status).toBe(0);
  });

  it('an endpoint that refuses connections: every check fails as unreachable, exit 6', async () => {
    const port = await freePort();
    const t = io();
    expect(await main(['doctor', '--region', 'eu-west-2', '--endpoint-url', `http://127.0.0.1:${port}`], t.io)).toBe(6);
    expect(t.out.filter((l) => l.startsWith('FAILED')).every((l) => l.includes('unreachable'))).toBe(true);
    expect(t.out.at(-1)).toMatch(/^7 of 7 checks failed$/);
  });

  it('a bad region is a usage error, exit 2', async () => {
    const t = io();
    expect(await main(['doctor', '--region', 'moon-1'], t.io)).toBe(2);
    expect(t.err[0]).toMatch(/--region "moon-1" is not an AWS region name/);
  });
});

describe('warroom metrics', () => {
  it('a catalog scenario on the simulated AWS, params from its examples: every pane with points, exit 0', async () => {
    const t = io();
    expect(await main(['metrics', 'dynamodb-table-corruption', '--once', '--minutes', '30'], t.io)).toBe(0);
    expect(t.out[0]).toMatch(/^SIMULATED AWS .* dynamodb-table-corruption {2}fetched 2026-03-01T12:00:00.000Z$/);
    expect(t.out.slice(1)).toHaveLength(6);
    for (const line of t.out.slice(1)) expect(line).toMatch(/ OK +\d+ points$/);
  });

  it('--json with a given param', async () => {
    const t = io();
    expect(await main(['metrics', 'dynamodb-table-corruption', '--once', '--json', '--param', 'table=orders'], t.io)).toBe(0);
    const doc = JSON.parse(t.out.join('\n'));
    expect(doc.panes.map((p: { id: string }) => p.id)).toEqual(['system_errors', 'restored_throttles', 'writer_errors', 'read_throttle_events', 'write_throttle_events', 'consumed_writes']);
    expect(doc.mode).toBe('simulated');
  });

  it('an unknown scenario exits 3; a param that breaks its pattern exits 2', async () => {
    const a = io();
    expect(await main(['metrics', 'no-such-scenario', '--once'], a.io)).toBe(3);
    expect(a.err[0]).toMatch(/no-such-scenario/);
    const b = io();
    expect(await main(['metrics', 'dynamodb-table-corruption', '--once', '--param', 'table=bad name!'], b.io)).toBe(2);
    expect(b.err[0]).toMatch(/param "table"/);
    const c = io();
    expect(await main(['metrics', 'dynamodb-table-corruption', '--once', '--minutes', '0'], c.io)).toBe(2);
  });

  it.skipIf(!MOTO)('live against moto: every param must be given (no examples against a real account)', async () => {
    const t = io(motoEnv(moto!.endpoint));
    expect(await main(['metrics', 'dynamodb-table-corruption', '--once'], t.io)).toBe(2);
    expect(t.err[0]).toMatch(/needs params? /);
  });

  it('prints the panes of a scenario once, on the simulated AWS', async () => {
    const t = io();
    const ctx = makeContext({}, t.io);
    const ports = createAwsPorts({ mode: 'live', allowActions: false, env: {}, clock: t.io.clock });
    const found = { id: 'fixture', title: 'Fixture', metrics: [systemErrors], params: { table: 'orders' }, scenario };
    expect(await showMetrics(ctx, ports, found, { once: true, minutes: 10 })).toBe(0);
    expect(t.out[0]).toMatch(/^SIMULATED AWS .*fixture {2}fetched 2026-03-01T12:00:00.000Z$/);
    expect(t.out[1]).toMatch(/^DynamoDB system errors\s+0\.\d+ Count\s+warn >1 crit >5\s+[▁-█]{11}\s+OK\s+11 points$/);
  });

  it('without --once it refreshes until interrupted', async () => {
    const t = io();
    const stop = new AbortController();
    const ctx = { ...makeContext({}, t.io), out: (l: string) => { t.out.push(l); if (t.out.length === 2) stop.abort(); } };
    const ports = createAwsPorts({ mode: 'simulated', allowActions: false, env: {}, clock: t.io.clock });
    const found = { id: 'fixture', title: 'Fixture', metrics: [systemErrors], params: { table: 'orders' }, scenario };
    expect(await showMetrics(ctx, ports, found, { minutes: 5 }, stop.signal)).toBe(0);
    expect(t.out).toHaveLength(2);
  });

  it('--json on the simulated AWS', async () => {
    const t = io();
    const ports = createAwsPorts({ mode: 'simulated', allowActions: false, env: {}, clock: t.io.clock });
    const found = { id: 'fixture', title: 'Fixture', metrics: [systemErrors], params: { table: 'orders' }, scenario };
    await showMetrics(makeContext({}, t.io), ports, found, { once: true, json: true, minutes: 5 });
    const doc = JSON.parse(t.out.join('\n'));
    expect(doc).toMatchObject({ scenario: 'fixture', mode: 'simulated', panes: [{ id: 'system_errors', status: 'Complete', level: 'ok', warning: 1, critical: 5 }] });
    expect(doc.panes[0].points).toHaveLength(6);
  });

  it.skipIf(!MOTO)('a pane that fails is marked STALE with the reason, exit 6', async () => {
    const t = io();
    const port = await freePort();
    const ports = createAwsPorts({ mode: 'live', allowActions: false, env: motoEnv(`http://127.0.0.1:${port}`), clock: { now: () => Date.now() } });
    const found = { id: 'fixture', title: 'Fixture', metrics: [systemErrors], params: { table: 'orders' }, scenario };
    expect(await showMetrics(makeContext({}, t.io), ports, found, { once: true, minutes: 5 })).toBe(6);
    expect(t.out[1]).toMatch(/FAILED\s+STALE: unreachable: cloudwatch GetMetricData in eu-west-2/);
  });
});

describe('pane formatting', () => {
  it('sparkline scales to the range and keeps the last points', () => {
    expect(sparkline([])).toBe('');
    expect(sparkline([1, 1, 1])).toBe('▁▁▁');
    expect(sparkline([0, 7, 14])).toBe('▁▅█');
    expect(sparkline([9, 0, 1], 2)).toBe('▁█');
  });

  it.each([
    [{ bad_when: 'above' as const, warning: 1, critical: 5 }, 0.5, 'ok'],
    [{ bad_when: 'above' as const, warning: 1, critical: 5 }, 2, 'warning'],
    [{ bad_when: 'above' as const, warning: 1, critical: 5 }, 6, 'critical'],
    [{ bad_when: 'below' as const, critical: 1 }, 0, 'critical'],
    [{ bad_when: 'below' as const, critical: 1 }, 1, 'ok'],
  ])('level %j at %s is %s', (spec, v, level) => {
    const m = metric({ id: 'x', title: 'x', namespace: 'n', metric: 'm', ...spec });
    expect(levelOf(m, { id: 'x', label: 'x', unit: 'None', region: 'r', points: [{ t: 'x', v }], status: 'Complete', fetchedAt: 'x' })).toBe(level);
  });
});
