// Alarm states from DescribeAlarms (paginated) in the primary, DR and us-east-1 regions, and the transitions since
// the previous poll. A region that cannot be read keeps its last known states and reports an error.
import { systemClock } from '../../system-clock.js';
import { DescribeAlarmsCommand, type CompositeAlarm, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { transitionTracker } from '../alarm-transitions.js';
import type { AlarmState, AlarmsPort, AwsFailure } from '../ports.js';
import { regionFor } from '../../core/regions.js';
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

async function readRegion(clients: LiveClients, region: string, signal?: AbortSignal): Promise<{ alarms: AlarmState[]; error?: AwsFailure }> {
  const client = clients.get('cloudwatch', region);
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
    if (!res.ok) return { alarms: [], error: { ...res.error, region } };
    for (const a of [...(res.value.MetricAlarms ?? []), ...(res.value.CompositeAlarms ?? [])]) alarms.push(alarmFrom(a, region));
    next = res.value.NextToken;
  } while (next);
  return { alarms };
}

export function liveAlarms(clients: LiveClients, now: () => number): AlarmsPort {
  const track = transitionTracker();
  return {
    async poll(signal, params = {}) {
      // The incident's primary and DR regions, and us-east-1, where alarms on Route 53 health checks must live; each once.
      const defaults = { region: clients.config.region, drRegion: clients.config.drRegion };
      const regions = [...new Set([regionFor('primary', params, defaults), regionFor('dr', params, defaults), 'us-east-1'])];
      const results = await Promise.all(regions.map((r) => readRegion(clients, r, signal)));
      const alarms = results.flatMap((r) => r.alarms);
      const errors = results.flatMap((r) => (r.error ? [r.error] : []));
      const unread = new Set(regions.filter((_, i) => results[i]!.error));
      const transitions = track(alarms, unread);
      return { alarms, transitions, fetchedAt: new Date(now()).toISOString(), regions, ...(errors.length ? { errors } : {}) };
    },
  };
}
