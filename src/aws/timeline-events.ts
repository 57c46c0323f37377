// What the AWS layer's results become on the timeline, so the console and the CLI record them alike:
// alarm transitions as alarm.changed, probe results as step.verified, recovery points as aws.read.
import { sanitizeLine, type NewEvent } from '../core/index.js';
import type { AlarmTransition, AwsFailure, ProbeResult, RecoveryPoint } from './ports.js';

export function alarmChangedEvents(transitions: readonly AlarmTransition[]): NewEvent<'alarm.changed'>[] {
  return transitions.map((t) => ({
    kind: 'alarm.changed',
    data: { alarm: t.alarm, from: t.from, to: t.to, region: t.region, ...(t.reason ? { reason: t.reason } : {}), ...(isIso(t.at) ? { at: t.at } : {}) },
  }));
}

/** `startedAt`: when the check began (ISO), so a drill credits it from then rather than from when it ended. */
export function stepVerifiedEvent(scenario: string, step: string, result: ProbeResult, startedAt?: string): NewEvent<'step.verified'> {
  const summary = result.error && !result.summary.includes(result.error.message) ? `${result.summary} (${result.error.message})` : result.summary;
  return { kind: 'step.verified', data: { scenario, step, passed: result.passed, summary: sanitizeLine(summary), evidence: result.evidence, ...(startedAt ? { startedAt } : {}) } };
}

export function recoveryPointEvent(point: RecoveryPoint, region?: string): NewEvent<'aws.read'> {
  const [service, ...rest] = point.source.replace(/^simulated /, '').split(' ');
  const what = point.lagSeconds !== undefined ? `replica lag ${point.lagSeconds} s` : point.latestRestorable ? `latest restorable ${point.latestRestorable}` : 'no restorable point known';
  return {
    kind: 'aws.read',
    data: {
      service: (service ?? 'aws').toLowerCase(),
      operation: rest[0] ?? 'read',
      ...(region ? { region } : {}),
      summary: sanitizeLine(`${point.component} (${point.resource}): ${what}${point.measured ? '' : ' (estimated)'}`),
      values: { recoveryPoint: point },
    },
  };
}

function isIso(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s);
}

/**
 * A check that could not be made (unreachable, throttled, denied, timed out) is not a failed check: it is
 * recorded as a read that says so, never as step.verified, so it counts as neither pass nor fail.
 */
export function couldNotCheckEvent(scenario: string, step: string, result: ProbeResult): NewEvent<'aws.read'> {
  const reason = result.error?.message ?? result.summary;
  return {
    kind: 'aws.read',
    data: {
      service: 'warroom',
      operation: 'verify',
      summary: sanitizeLine(`could not check ${step}: ${reason}`),
      values: { check: 'could-not-check', scenario, step, errorClass: result.error?.class ?? 'unknown', reason: sanitizeLine(reason) },
    },
  };
}

/** Errors that mean the check could not be made (not that it failed): the answer is unknown. */
const UNKNOWN: ReadonlySet<AwsFailure['class']> = new Set(['access-denied', 'throttled', 'timeout', 'unreachable', 'unknown']);

/** passed, failed (the value was read and is wrong, or the resource is not there) or could-not-check. */
export function probeOutcome(result: Pick<ProbeResult, 'passed' | 'error'>): 'passed' | 'failed' | 'could-not-check' {
  if (result.passed) return 'passed';
  return result.error && UNKNOWN.has(result.error.class) ? 'could-not-check' : 'failed';
}
