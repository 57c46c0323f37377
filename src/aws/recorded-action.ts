// The one path every AWS action takes, from the console and from the CLI alike, and what it records:
// requested (the exact call, region and account) -> refused (with the reason) or approved (by whom: the
// event's actor) -> the target's state before -> the call's result -> the runbook's `wait` with its own
// deadline -> the state after -> the step verified only when the wait proves the effect.
import { randomUUID } from 'node:crypto';
import { fillDeep, sanitizeLine, verificationParams, type NewEvent, type TimelineEvent } from '../core/index.js';
import { actionTarget, guardAction } from './action-guard.js';
import { readActionState, stateValues } from './action-state.js';
import { probeOutcome } from './poll-verify.js';
import type { ActionRequest, ActionResult, AwsFailure, AwsPorts, ProbeResult } from './ports.js';
import { couldNotCheckEvent, stepVerifiedEvent } from './timeline-events.js';
import { resolveRegion } from './where.js';

export type AppendFn = (event: NewEvent) => unknown;

export interface ActionMeta {
  actionId?: string;
  scenario?: string;
  step?: string;
  /** The incident's events so far: a wait may need values recorded earlier (the writer before a failover). */
  events?: readonly Pick<TimelineEvent, 'kind' | 'ts' | 'data'>[];
  /** Called as the lifecycle moves on, for a progress line on screen. */
  onProgress?: (line: string) => void;
}

/** How the whole lifecycle ended: refused before any call, failed, done (proved), not proven, or unknown. */
export type ActionOutcome = 'refused' | 'failed' | 'proved' | 'not-proved' | 'could-not-check' | 'unverified';

export type RecordedActionResult = ActionResult & { actionId: string; outcome: ActionOutcome; region?: string; account?: string; wait?: ProbeResult };

type Ports = Pick<AwsPorts, 'actions'> & Partial<Pick<AwsPorts, 'probes' | 'identity' | 'describe'>>;

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

const REFUSALS: ReadonlySet<AwsFailure['class']> = new Set(['actions-disabled', 'refused', 'invalid-parameter', 'not-supported']);

/** The region and account an action will act in, for the typed confirmation shown before anyone types. */
export async function whereAndWho(ports: Ports, spec: ActionRequest['spec'], params: Readonly<Record<string, string>>, signal?: AbortSignal): Promise<{ region: string; regionSource: string; account: string } | { error: string }> {
  const where = resolveRegion(spec.region, params, { region: ports.describe?.region ?? 'us-east-1', drRegion: ports.describe?.drRegion });
  if (!where.ok) return { error: where.message };
  const who = ports.identity ? await ports.identity.whoami(signal) : undefined;
  const account = who?.ok ? who.identity.account : (ports.describe?.account ?? 'unknown account');
  return { region: spec.service === 'route53' ? 'us-east-1 (Route 53 is global)' : where.region, regionSource: where.source, account };
}

export async function runRecordedAction(ports: Ports, append: AppendFn, request: ActionRequest, meta: ActionMeta = {}, signal?: AbortSignal): Promise<RecordedActionResult> {
  const actionId = meta.actionId ?? `act-${randomUUID().slice(0, 8)}`;
  // What nobody typed, the AWS may know (the simulated AWS's seeded world); typed values always win.
  const params = { ...(ports.actions.defaults?.() ?? {}), ...request.params };
  const { spec } = request;
  request = { ...request, params };
  const progress = meta.onProgress ?? (() => {});
  const target = safe(() => actionTarget(spec, params), spec.confirm);
  const args = safe(() => fillDeep(spec.args, params) as Record<string, unknown>, spec.args);
  const where = resolveRegion(spec.region, params, { region: ports.describe?.region ?? 'us-east-1', drRegion: ports.describe?.drRegion });
  const region = where.ok ? (spec.service === 'route53' ? 'us-east-1' : where.region) : undefined;
  const who = ports.identity ? await ports.identity.whoami(signal) : undefined;
  const account = who?.ok ? who.identity.account : ports.describe?.account;
  const step = meta.step ? { scenario: meta.scenario ?? '', step: meta.step } : undefined;
  await append({
    kind: 'aws.action.requested',
    data: {
      actionId, service: spec.service, operation: spec.operation, target, args,
      ...(region ? { region } : {}),
      ...(account ? { account } : {}),
      ...(meta.scenario ? { scenario: meta.scenario } : {}),
      ...(meta.step ? { step: meta.step } : {}),
    },
  });
  const base = { actionId, ...(region ? { region } : {}), ...(account ? { account } : {}) };
  const refuse = async (error: AwsFailure): Promise<RecordedActionResult> => {
    await append({ kind: 'aws.action.failed', data: { actionId, errorClass: error.class, message: error.message } });
    return { ...base, ok: false, summary: error.message, simulated: false, error, outcome: 'refused' };
  };
  if (!where.ok) return refuse({ class: 'invalid-parameter', message: `refused: ${where.message}; nothing was changed` });
  const guard = guardAction(request, ports.actions.enabled);
  if (!guard.ok) return refuse(guard.error);
  await append({ kind: 'aws.action.approved', data: { actionId, confirmedTarget: guard.target } });

  let before: Record<string, string> = {};
  const record = async (phase: 'before' | 'after') => {
    if (!ports.probes) return;
    const s = await readActionState(ports.probes, spec, guard.args, params, signal);
    if (phase === 'before' && s.ok) before = s.state;
    const call = s.call ?? { service: spec.service, operation: 'state', region: spec.region };
    const summary = s.ok
      ? `state ${phase} ${actionId}: ${Object.entries(s.state).map(([k, v]) => `${k} ${v}`).join(', ') || 'nothing read'}`
      : `state ${phase} ${actionId} could not be read: ${s.message}`;
    await append({ kind: 'aws.read', data: { service: call.service, operation: call.operation, region: (s.ok && s.region) || region!, summary: sanitizeLine(summary), values: { ...stateValues(actionId, phase, meta.step, s.ok ? s.state : {}), ...(account ? { account } : {}) } } });
  };

  progress(`reading the state of ${target} before ${spec.operation}`);
  await record('before');
  progress(`calling ${spec.service} ${spec.operation} on ${target} in ${region}`);
  let result: ActionResult;
  try {
    result = await ports.actions.execute(request, signal);
  } catch (err) {
    // Adapters never throw, but a recorded "failed" beats an action left without an outcome.
    const message = `failed: ${sanitizeLine(err instanceof Error ? err.message : String(err))}`;
    result = { ok: false, summary: message, simulated: false, error: { class: 'unknown', message } };
  }
  if (!result.ok) {
    const error = result.error ?? { class: 'unknown' as const, message: result.summary };
    await append({ kind: 'aws.action.failed', data: { actionId, errorClass: error.class, message: error.message, ...(result.requestId ? { requestId: result.requestId } : {}) } });
    return { ...base, ...result, outcome: REFUSALS.has(error.class) ? 'refused' : 'failed' };
  }
  await append({ kind: 'aws.action.succeeded', data: { actionId, summary: result.summary, simulated: result.simulated, ...(result.requestId ? { requestId: result.requestId } : {}) } });

  let wait: ProbeResult | undefined;
  let outcome: ActionOutcome = 'unverified';
  if (spec.wait && ports.probes) {
    progress(`waiting up to ${Math.round(spec.wait.deadline_seconds / 60)} min for ${spec.wait.path} (${spec.wait.operation})`);
    // The wait may compare with the state just recorded (a failover: the writer is not the one before).
    const ownBefore = Object.fromEntries(Object.entries(before).map(([k, v]) => [`before_${k}`, v]));
    wait = await ports.probes.verify(spec.wait, { ...verificationParams(params, meta.events ?? []), ...ownBefore, ...params }, signal);
    // Cut short (the console closed): neither a pass nor a fail is recorded; the next opening reports the wait as interrupted.
    if (signal?.aborted) return { ...base, ...result, outcome: 'could-not-check', wait };
    const o = probeOutcome(wait);
    outcome = o === 'passed' ? 'proved' : o === 'failed' ? 'not-proved' : 'could-not-check';
    if (step) await append(o === 'could-not-check' ? couldNotCheckEvent(step.scenario, step.step, wait) : stepVerifiedEvent(step.scenario, step.step, wait));
  }
  await record('after');
  return { ...base, ...result, outcome, ...(wait ? { wait } : {}) };
}
