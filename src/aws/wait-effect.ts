// After an action is accepted: wait for Route 53 to report INSYNC, or for the runbook's own `wait` read.
// Shared by the live and simulated actions.
import type { VerifySpec } from '../core/index.js';
import type { ProbesPort } from './ports.js';

/** How long to wait for Route 53 to report INSYNC after a change (it usually takes under a minute). */
export const ROUTE53_INSYNC_WAIT: Pick<VerifySpec, 'interval_seconds' | 'deadline_seconds'> = { interval_seconds: 5, deadline_seconds: 120 };

export function changeInsyncSpec(changeId: string): VerifySpec {
  return { service: 'route53', operation: 'GetChange', region: 'us-east-1', args: { Id: changeId }, path: 'ChangeInfo.Status', expect: { equals: 'INSYNC' }, ...ROUTE53_INSYNC_WAIT };
}

/** After the call: wait for Route 53 INSYNC, or for the runbook's own `wait` read, and say which. */
export async function waitForEffect(probes: ProbesPort, request: { spec: { service: string; operation: string; wait?: VerifySpec | undefined }; params: Readonly<Record<string, string>> }, response: unknown, signal?: AbortSignal): Promise<string> {
  const changeId = (response as { ChangeInfo?: { Id?: string } } | undefined)?.ChangeInfo?.Id;
  const waits: VerifySpec[] = [];
  if (request.spec.service === 'route53' && changeId) waits.push(changeInsyncSpec(changeId));
  if (request.spec.wait) waits.push(request.spec.wait);
  const notes: string[] = [];
  for (const w of waits) {
    const r = await probes.verify(w, request.params, signal);
    notes.push(r.passed ? `in effect (${r.summary})` : `not yet in effect: ${r.summary}`);
  }
  return notes.join('; ');
}

