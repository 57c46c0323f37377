// Alarm states from DescribeAlarms (paginated) in the primary, DR and us-east-1 regions, and the transitions since
// the previous poll. A region that cannot be read keeps its last known states and reports an error.
import { systemClock } from '../../system-clock.js';
import { DescribeAlarmsCommand, type CompositeAlarm, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { RegionRef } from '../../core/index.js';
import { transitionTracker } from '../alarm-transitions.js';
import type { AlarmState, AlarmsPort, AwsFailure } from '../ports.js';
import { callAws } from './call.js';
import type { LiveClients } from './clients.js';

const STATES = new Set(['OK', 'ALARM', 'INSUFFICIENT_DATA']);

export function alarmFrom(a: MetricAlarm | CompositeAlarm, region: string): AlarmState {
  const state = STATES.has(a.StateValue ?? '') ? (a.StateValue as AlarmState['state']) : 'INSUFFICIENT_DATA';
  const metric = 'MetricName' in a && a.MetricName ? `${a.Namespace ?? ''}/${a.MetricName}` : undefined;
  return {
    name: a.AlarmName ?? '(unnamed)',
    state,
    reason: a.StateReason ?? '',
    updatedAt: (a.StateUpdatedTimestamp ?? new Date(0)).toISOString(),
    region,
    ...(metric ? { metric } : {}),
  };
}

async function readRegion(clients: LiveClients, ref: RegionRef, signal?: AbortSignal): Promise<{ alarms: AlarmState[]; error?: AwsFailure }> {
  const region = clients.regionName(ref);
  const client = clients.get('cloudwatch', ref);
  const alarms: AlarmState[] = [];
  const started = systemClock.now();
  let next: string | undefined;
  do {
    const res = await callAws<{ MetricAlarms?: MetricAlarm[]; CompositeAlarms?: CompositeAlarm[]; NextToken?: string }>(
      client,
      new DescribeAlarmsCommand({ MaxRecords: 100, AlarmTypes: ['MetricAlarm', 'CompositeAlarm'], ...(next ? { NextToken: next } : {}) }),
      { service: 'cloudwatch', operation: 'DescribeAlarms', region },
      clients.budgets.read.deadlineMs - (systemClock.now() - started),
      signal,
    );
    if (!res.ok) return { alarms: [], error: res.error };
    for (const a of [...(res.value.MetricAlarms ?? []), ...(res.value.CompositeAlarms ?? [])]) alarms.push(alarmFrom(a, region));
    next = res.value.NextToken;
  } while (next);
  return { alarms };
}

export function liveAlarms(clients: LiveClients, now: () => number): AlarmsPort {
  const track = transitionTracker();
  // Primary, DR, and us-east-1, where alarms on Route 53 health checks must live; each region once.
  const seen = new Set<string>();
  const refs = (['primary', 'dr', 'us-east-1'] as RegionRef[]).filter((r) => !seen.has(clients.regionName(r)) && seen.add(clients.regionName(r)));
  return {
    async poll(signal) {
      const results = await Promise.all(refs.map((r) => readRegion(clients, r, signal)));
      const alarms = results.flatMap((r) => r.alarms);
      const errors = results.flatMap((r) => (r.error ? [r.error] : []));
      const unread = new Set(refs.filter((_, i) => results[i]!.error).map((r) => clients.regionName(r)));
      const transitions = track(alarms, unread);
      return { alarms, transitions, fetchedAt: new Date(now()).toISOString(), ...(errors.length ? { errors } : {}) };
    },
  };
}
