// The tabletop script of a region failure (region-failure-dr-failover), run end to end through the CLI as a
// drill: injects at their scripted times, the runbook's steps, updates, action items, then the review. What
// the CLI does not record by itself (injects, alarm changes, metric snapshots, AWS reads, verifications and
// actions, whose waits poll for minutes) is appended through the store as the console records it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { NewEvent } from '../../src/core/index.js';
import { loadCatalog } from '../../src/scenarios/index.js';
import { cliHarness } from './cli-io.js';

export const SCENARIO = 'region-failure-dr-failover';
const T0 = Date.parse('2026-11-21T09:00:00.000Z');
const iso = (min: number) => new Date(T0 + min * 60_000).toISOString();

export async function runRegionFailure(opts: { closeReview?: boolean } = {}) {
  const h = cliHarness(T0);
  const scenario = loadCatalog({ dirs: [], stateDir: h.dir }).scenarios.find((s) => s.id === SCENARIO)!;
  const params = Object.entries(scenario.params).flatMap(([k, p]) => ['--param', `${k}=${p.example}`]);
  const at = (min: number) => h.clock.set(T0 + min * 60_000);
  const cli = async (who: string, ...argv: string[]) => {
    const r = await h.run('--actor', who, ...argv);
    if (r.code !== 0 && r.code !== 1 && r.code !== 6) throw new Error(`warroom ${argv.join(' ')} exited ${r.code}: ${r.err}`);
    return r;
  };
  const ok = async (who: string, ...argv: string[]) => {
    const r = await cli(who, ...argv);
    expect(r.code, `${argv.join(' ')}: ${r.err}`).toBe(0);
    return r;
  };
  const id = (await ok('fran', 'new', '--title', 'Primary region unreachable', '--severity', 'SEV1', '--scenario', SCENARIO, '--exercise', ...params)).out.trim();
  const { IncidentStore } = await import('../../src/store/incident-store.js');
  const store = new IncidentStore(h.dir, h.clock);
  const console = (who: string, ...events: NewEvent[]) => store.append(id, events, who);
  const health = (from: number, values: number[]) => ({ kind: 'metric.snapshot', data: { metric: 'primary_health', points: values.map((v, i) => [iso(from + i), v]), critical: 1 } }) as NewEvent;
  const lag = (from: number, values: number[]) => ({ kind: 'metric.snapshot', data: { metric: 'dr_replica_lag', unit: 'Seconds', points: values.map((v, i) => [iso(from + i * 2), v]), warning: 60, critical: 300 } }) as NewEvent;
  const alarm = (from: string, to: string, min: number) => ({ kind: 'alarm.changed', data: { alarm: 'api-primary-health-check', from, to, region: 'us-east-1', at: iso(min) } }) as NewEvent;
  const inject = (key: string, text: string, sec: number) => ({ kind: 'exercise.inject', data: { inject: key, text, offsetSeconds: sec } }) as NewEvent;

  at(0);
  await console('fran', { kind: 'exercise.clock', data: { control: 'start', speed: 1, simSeconds: 0 } }, inject('health-fails', 'The Route 53 health check of the primary endpoint reports unhealthy.', 0));
  await ok('fran', 'mark', id, 'impact-started', '--at', iso(0));
  at(1);
  await console('system', alarm('OK', 'ALARM', 1), health(-4, [1, 1, 1, 1, 0, 0]));
  at(2);
  await console('system', alarm('ALARM', 'OK', 2), health(-3, [1, 1, 1, 0, 0, 1]));
  at(3);
  await console('system', alarm('OK', 'ALARM', 3), health(-2, [1, 1, 0, 0, 1, 0]));
  at(4);
  await ok('alice', 'mark', id, 'detected');
  await ok('alice', 'role', id, 'ic', 'alice');
  await ok('alice', 'role', id, 'ops', 'bob');
  await ok('alice', 'role', id, 'dba', 'dave');
  await ok('alice', 'role', id, 'comms', 'carol');
  at(5);
  await console('fran', inject('tools-down', 'The usual chat workspace is unreachable.', 300));
  await ok('alice', 'mark', id, 'declared');
  await ok('alice', 'step', id, 'declare', 'start');
  at(6);
  await ok('alice', 'step', id, 'declare', 'done', '--reason', 'DR declared on the phone bridge');
  await ok('alice', 'log', id, 'Trigger: the primary region control plane failed; AWS Health shows a regional event');
  at(8);
  await console('bob', { kind: 'aws.read', data: { service: 'warroom', operation: 'verify', summary: 'could not check confirm-region: access denied', values: { check: 'could-not-check', scenario: SCENARIO, step: 'confirm-region', errorClass: 'access-denied', reason: 'access denied to route53:GetHealthCheckStatus' } } });
  await ok('bob', 'step', id, 'confirm-region', 'done');
  at(10);
  await console('fran', inject('replica-lag', 'The DR replica lag was 240 s when the primary went away.', 600));
  await console('system', lag(-10, [30, 45, 120, 240, 240, 240]));
  at(12);
  await ok('carol', 'log', id, '--kind', 'comms', 'DR activated: primary region down, failing over to us-west-2. Next update 12:42Z.');
  await ok('alice', 'log', id, '--kind', 'decision', 'Fail over now rather than wait for the region: RTO 30m is at risk');
  at(13);
  await ok('dave', 'step', id, 'promote-db', 'start');
  await console('dave', { kind: 'aws.read', data: { service: 'rds', operation: 'DescribeDBInstances', region: 'us-west-2', summary: 'audityzer-db-replica-dr: available, read replica of audityzer-db', values: { recoveryPoint: { component: 'Platform', resource: 'audityzer-db-replica-dr', lagSeconds: 240, source: 'RDS ReplicaLag', measured: true } } } });
  await console('dave', { kind: 'aws.action.requested', data: { actionId: 'promote-1', service: 'rds', operation: 'PromoteReadReplica', target: 'audityzer-db-replica-dr', region: 'us-west-2', scenario: SCENARIO, step: 'promote-db' } });
  await console('alice', { kind: 'aws.action.approved', data: { actionId: 'promote-1', confirmedTarget: 'audityzer-db-replica-dr' } });
  at(18);
  await console('dave', { kind: 'aws.action.succeeded', data: { actionId: 'promote-1', requestId: 'req-7f3a', summary: 'promotion started', simulated: true } });
  await ok('dave', 'step', id, 'promote-db', 'done');
  at(20);
  await console('fran', inject('promoted', 'The DR database is available and writable.', 1200));
  await console('dave', { kind: 'step.verified', data: { scenario: SCENARIO, step: 'db-available', passed: true, summary: 'audityzer-db-replica-dr is available and standalone', evidence: { 'DBInstances[0].DBInstanceStatus': 'available', 'DBInstances[0].DBInstanceIdentifier': 'audityzer-db-replica-dr' } } });
  await ok('dave', 'step', id, 'db-available', 'done');
  at(21);
  // scale-up depends on deploy-dr, which was skipped later: a step done out of order.
  await ok('bob', 'step', id, 'scale-up', 'start');
  await ok('bob', 'step', id, 'deploy-dr', 'skip', '--reason', 'the warm standby was already complete');
  at(24);
  await ok('bob', 'step', id, 'scale-up', 'done');
  await ok('bob', 'step', id, 'set-region', 'start');
  at(26);
  await ok('bob', 'step', id, 'set-region', 'done');
  await ok('bob', 'step', id, 'switch-dns', 'start');
  await console('bob', { kind: 'aws.action.requested', data: { actionId: 'dns-1', service: 'route53', operation: 'UpdateHealthCheck', target: 'api.audityzer.com', region: 'us-east-1', scenario: SCENARIO, step: 'switch-dns' } });
  await console('alice', { kind: 'aws.action.approved', data: { actionId: 'dns-1', confirmedTarget: 'api.audityzer.com' } });
  at(28);
  await console('bob', { kind: 'aws.action.succeeded', data: { actionId: 'dns-1', requestId: 'req-91c0', summary: 'health check inverted; api.audityzer.com served by the SECONDARY set', simulated: true } });
  await ok('bob', 'step', id, 'switch-dns', 'done');
  at(30);
  await console('fran', inject('customer-asks', 'A large customer asks for an ETA on the status page.', 1800));
  await console('bob', { kind: 'step.verified', data: { scenario: SCENARIO, step: 'dns-check', passed: false, summary: 'api.audityzer.com still served by the PRIMARY set', evidence: { 'Served[*]': ['primary-alb.us-east-1.elb.amazonaws.com'] } } });
  at(32);
  await console('bob', { kind: 'step.verified', data: { scenario: SCENARIO, step: 'dns-check', passed: true, summary: 'api.audityzer.com served by the DR load balancer', evidence: { 'Served[*]': ['secondary-alb.us-west-2.elb.amazonaws.com'] } } });
  at(34);
  await ok('bob', 'step', id, 'verify-app', 'done', '--reason', 'health 200, a write and a read in us-west-2');
  await ok('alice', 'mark', id, 'mitigated');
  at(36);
  await console('system', alarm('ALARM', 'OK', 36));
  at(48);
  await ok('carol', 'log', id, '--kind', 'comms', 'Service restored from us-west-2; monitoring. Writes after 08:56Z may be missing.');
  await ok('dave', 'log', id, 'lucky: the nightly batch had finished, so only 240 s of writes were at risk');
  await ok('carol', 'log', id, 'went well: the phone bridge in the DR plan worked when chat was down');
  await ok('alice', 'actions', 'add', id, 'Automate the Route 53 failover', '--owner', 'bob', '--priority', 'P1', '--type', 'mitigate', '--due', '2026-12-15');
  await ok('alice', 'actions', 'add', id, 'Alert on DR replica lag above 60 s', '--owner', 'dave', '--priority', 'P2', '--type', 'detect', '--due', '2026-12-05');
  // A leading "-" and a quoted comma: what a spreadsheet or a CSV reader gets wrong.
  await ok('alice', 'actions', 'add', id, '--owner', 'carol', '--type', 'process', '--ticket', 'https://tracker.example/browse/OPS-12', '--', '-Keep the phone bridge, "tested quarterly", in the DR plan');
  at(60);
  await ok('bob', 'step', id, 'monitor', 'done');
  await ok('alice', 'status', id, 'resolved');
  return { h, id, store, ok, cli, at, review: () => review(h.dir, id, ok, at, opts.closeReview !== false) };
}

async function review(dir: string, id: string, ok: (who: string, ...argv: string[]) => Promise<{ out: string }>, at: (min: number) => void, close: boolean) {
  at(24 * 60);
  await ok('alice', 'review', id, '--section', 'summary', '--text', 'The primary region became unreachable at 09:00Z; we failed over to us-west-2 and served traffic again at 09:34Z.');
  await ok('alice', 'review', id, '--section', 'impact', '--accept');
  await ok('alice', 'review', id, '--section', 'detection', '--accept');
  await ok('bob', 'review', id, '--section', 'root-cause', '--text', 'Trigger: a regional control-plane failure in the primary region. Root cause for us: failover is manual and takes 30+ minutes.');
  const lessons = join(dir, 'lessons.md');
  writeFileSync(lessons, 'A warm standby only helps if failing over to it is a single decision.\nPractise the DNS switch quarterly.\n');
  await ok('carol', 'review', id, '--section', 'lessons', '--file', lessons);
  await ok('alice', 'review', id, '--section', 'went-wrong', '--accept');
  // A correction of a section already written is an amendment of its event.
  await ok('alice', 'review', id, '--section', 'summary', '--text', 'The primary region became unreachable at 09:00Z; we failed over to us-west-2 and were mitigated at 09:34Z, resolved 10:00Z.');
  await ok('bob', 'review', id, '--check', '1', '--result', 'passed');
  await ok('bob', 'review', id, '--check', '2', '--result', 'failed', '--note', 'data loss window not yet documented');
  if (close) await ok('alice', 'review', id, '--done');
}
