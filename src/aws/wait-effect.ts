// After an action is accepted. Route 53 changes are waited for (GetChange until INSYNC, usually under a
// minute) inside the action; a runbook's own `wait` read (a restore can take an hour) is left to the
// caller, who runs it through ProbesPort.verify so the console stays responsive meanwhile.
import type { VerifySpec } from '../core/index.js';
import type { ActionRequest, ProbeResult, ProbesPort } from './ports.js';

export const ROUTE53_INSYNC_WAIT: Pick<VerifySpec, 'interval_seconds' | 'deadline_seconds'> = { interval_seconds: 5, deadline_seconds: 120 };

export function changeInsyncSpec(changeId: string): VerifySpec {
  return { service: 'route53', operation: 'GetChange', region: 'us-east-1', args: { Id: changeId }, path: 'ChangeInfo.Status', expect: { equals: 'INSYNC' }, ...ROUTE53_INSYNC_WAIT };
}

/** For a Route 53 change: polls GetChange until INSYNC; returns a note for the action's summary. */
export async function waitForChangeInsync(probes: ProbesPort, service: string, response: unknown, signal?: AbortSignal): Promise<string> {
  const changeId = (response as { ChangeInfo?: { Id?: string } } | undefined)?.ChangeInfo?.Id;
  if (service !== 'route53' || !changeId) return '';
  const r = await probes.verify(changeInsyncSpec(changeId), {}, signal);
  return r.passed ? `change ${changeId} INSYNC` : `change ${changeId} not yet INSYNC: ${r.summary}`;
}

/** The runbook's `wait` read for an action that succeeded, when it has one. */
export async function waitForActionEffect(probes: ProbesPort, request: Pick<ActionRequest, 'spec' | 'params'>, signal?: AbortSignal): Promise<ProbeResult | undefined> {
  return request.spec.wait ? probes.verify(request.spec.wait, request.params, signal) : undefined;
}
