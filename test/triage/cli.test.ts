// `warroom triage`: the ranking with its evidence from text and alarms, its usage errors, and --from-aws
// reading the alarms in ALARM from a real AWS API server (moto).
import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { MOTO, MOTO_MISSING_REASON, MOTO_REQUIRED, motoEnv, startMoto, type Moto } from '../aws/support/moto.js';

if (!MOTO) console.warn(`test/triage/cli: --from-aws against moto skipped: ${MOTO_MISSING_REASON}`);

describe('warroom triage', () => {
  it('prints the ranking with the words, symptoms and alarms that matched', async () => {
    const r = await runCli(['triage', '--text', 'KMS key PendingDeletion, decrypt fails', '--alarm', 'logs-kms-key-state', '--limit', '2']);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('alarms in ALARM: logs-kms-key-state');
    expect(r.out[1]).toMatch(/^1\. kms-key-deletion {2}score \d+(\.\d+)? {2}KMS key scheduled for deletion$/);
    expect(r.out).toContain('     words "kms", "key", "decrypt", "pendingdeletion" (pending deletion)');
    expect(r.out).toContain('     alarm logs-kms-key-state (*-kms-*)');
    expect(r.out.filter((l) => /^\d+\. /.test(l))).toHaveLength(2);
  });

  it('--json gives each scenario its score, reasons and matches; never a drill for a live incident', async () => {
    const r = await runCli(['triage', '--text', 'availability zone failover test drill', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out.join('\n')) as { mode: string; ranked: { id: string; score: number; reasons: string[]; matches: { kind: string }[] }[] };
    expect(doc.mode).toBe('live');
    expect(doc.ranked[0]).toMatchObject({ id: 'az-failure', reasons: ['words "availability zone"'] });
    expect(doc.ranked.some((x) => x.id.startsWith('drill-'))).toBe(false);
    expect(doc.ranked.every((x) => x.score > 0 && x.matches.length > 0)).toBe(true);
  });

  it('--drill ranks only the drill runbooks', async () => {
    const r = await runCli(['triage', '--text', 'quarterly FIS availability zone test', '--drill', '--json']);
    const doc = JSON.parse(r.out.join('\n')) as { ranked: { id: string }[] };
    expect(doc.ranked[0]!.id).toBe('drill-az-failover');
    expect(doc.ranked.every((x) => x.id.startsWith('drill-'))).toBe(true);
  });

  it('--scope weighs the ranking as the console\'s scope answer does', async () => {
    const top = async (...extra: string[]) => (JSON.parse((await runCli(['triage', '--text', 'eu-west-2 API 5xx', '--json', ...extra])).out.join('\n')) as { ranked: { id: string }[] }).ranked[0]!.id;
    expect(await top()).toBe('api-gateway-failure');
    expect(await top('--scope', 'region')).toMatch(/^region-failure-/);
    const bad = await runCli(['triage', '--text', 'x', '--scope', 'planet']);
    expect(bad.code).toBe(2);
    expect(bad.err).toEqual([expect.stringMatching(/^warroom: .*planet/)]);
  });

  it('says so when nothing matches', async () => {
    const r = await runCli(['triage', '--text', 'zzz qqq']);
    expect(r).toEqual({ code: 0, out: ['no scenario matches; list them with: warroom scenarios list'], err: [] });
  });

  it.each([
    [['triage'], 'warroom: nothing to triage (give --text "what is happening", --alarm NAME or --from-aws)'],
    [['triage', '--text', 'x', '--limit', '0'], 'warroom: --limit "0" must be a whole number of scenarios, 1 or more'],
    [['triage', '--from-aws'], 'warroom: --from-aws needs AWS configured (give --profile, --region or --endpoint-url, or set AWS_PROFILE or AWS_REGION)'],
  ])('%j is a usage error on one line', async (argv, line) => {
    const r = await runCli(argv);
    expect(r).toEqual({ code: 2, out: [], err: [line] });
  });
});

describe.skipIf(!MOTO && !MOTO_REQUIRED)('warroom triage --from-aws against moto', () => {
  let moto: Moto;
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
  beforeAll(async () => {
    // The SDK's default credential chain reads the process environment.
    process.env.AWS_ACCESS_KEY_ID = 'testing';
    process.env.AWS_SECRET_ACCESS_KEY = 'testing';
    moto = await startMoto();
    const cw = new CloudWatchClient({ region: 'eu-west-2', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    const alarm = (AlarmName: string) =>
      new PutMetricAlarmCommand({ AlarmName, Namespace: 'AWS/X', MetricName: 'M', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    for (const name of ['orders-dynamodb-throttles', 'orders-api-5xx', 'orders-kms-key-state']) await cw.send(alarm(name));
    await cw.send(new SetAlarmStateCommand({ AlarmName: 'orders-dynamodb-throttles', StateValue: 'ALARM', StateReason: 'test' }));
    await cw.send(new SetAlarmStateCommand({ AlarmName: 'orders-api-5xx', StateValue: 'ALARM', StateReason: 'test' }));
    await cw.send(new SetAlarmStateCommand({ AlarmName: 'orders-kms-key-state', StateValue: 'OK', StateReason: 'test' }));
    cw.destroy();
  }, 60_000);
  afterAll(async () => {
    await moto?.stop();
    for (const [k, v] of [['AWS_ACCESS_KEY_ID', saved.id], ['AWS_SECRET_ACCESS_KEY', saved.secret]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('ranks by the alarms in ALARM, and not by those that are OK', async () => {
    const r = await runCli(['triage', '--from-aws', '--json'], { env: motoEnv(moto.endpoint) });
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out.join('\n')) as { alarms: string[]; ranked: { id: string; reasons: string[] }[] };
    expect(doc.alarms.sort()).toEqual(['orders-api-5xx', 'orders-dynamodb-throttles']);
    expect(doc.ranked[0]).toMatchObject({ id: 'service-degradation' });
    expect(doc.ranked[0]!.reasons).toContain('alarm orders-dynamodb-throttles (*-dynamodb-throttles*)');
    expect(doc.ranked.some((x) => x.id === 'kms-key-deletion')).toBe(false);
  }, 60_000);

  it('fails on one line with the AWS error when no region can be read', async () => {
    const r = await runCli(['triage', '--from-aws', '--endpoint-url', 'http://127.0.0.1:9', '--region', 'eu-west-2']);
    expect(r.code).toBe(6);
    expect(r.out).toEqual([]);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^warroom: could not read any alarms: .+ \(run warroom doctor\)$/);
  }, 60_000);
});
