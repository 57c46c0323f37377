// Is the region down? `GetRegionSignals`, a read warroom composes from independent signals: AWS Health's open
// issues for the region, the Route 53 health check of the primary endpoint, a direct probe of its URL, and
// alarms. Each answers down, up or could-not-check; the verdict needs a strict majority of the signals asked,
// so one failing checker (or one signal that could not be read) never decides on its own.
import type { ReadResult } from './poll-verify.js';
import { healthFrom } from './route53-served.js';

export type SignalResult = 'down' | 'up' | 'could-not-check';

export interface RegionSignal {
  Signal: 'aws-health' | 'route53-health-check' | 'probe' | 'alarms';
  Result: SignalResult;
  Detail: string;
}

export interface RegionSignals {
  Region: string;
  Verdict: 'down' | 'up';
  Down: number;
  Up: number;
  CouldNotCheck: number;
  Signals: RegionSignal[];
}

/** One line per signal, for the operator: "aws-health down (2 open issues), probe could not check (...)". */
export const signalLines = (signals: readonly RegionSignal[]) => signals.map((s) => `${s.Signal} ${s.Result} (${s.Detail})`).join('; ');

/** Down or up by a strict majority of all the signals asked; anything less is no conclusion. */
export function regionVerdict(signals: readonly RegionSignal[]): 'down' | 'up' | 'no-majority' {
  const down = signals.filter((s) => s.Result === 'down').length;
  const up = signals.filter((s) => s.Result === 'up').length;
  if (down * 2 > signals.length) return 'down';
  if (up * 2 > signals.length) return 'up';
  return 'no-majority';
}

export type ProbeAnswer = { ok: true; status: number } | { ok: false; reason: string };

export interface SignalReads {
  /** One AWS read; AWS Health and Route 53 go to us-east-1, alarms to the region given. */
  read(service: 'health' | 'route53' | 'cloudwatch', operation: string, args: Record<string, unknown>, region: string): Promise<ReadResult>;
  /** An HTTP GET of the URL with a short deadline. */
  probe(url: string): Promise<ProbeAnswer>;
}

const cannot = (Signal: RegionSignal['Signal'], res: Extract<ReadResult, { ok: false }>): RegionSignal => ({ Signal, Result: 'could-not-check', Detail: res.error.message });

async function awsHealth(reads: SignalReads, region: string): Promise<RegionSignal> {
  const res = await reads.read('health', 'DescribeEvents', { filter: { regions: [region], eventTypeCategories: ['issue'], eventStatusCodes: ['open'] } }, 'us-east-1');
  // The AWS Health API needs a Business or Enterprise support plan: without one it is a signal not read.
  if (!res.ok) return cannot('aws-health', res);
  const events = (res.value as { events?: { service?: string }[] }).events ?? [];
  if (events.length === 0) return { Signal: 'aws-health', Result: 'up', Detail: `no open AWS Health issue in ${region}` };
  const services = [...new Set(events.map((e) => e.service ?? '?'))].join(', ');
  return { Signal: 'aws-health', Result: 'down', Detail: `${events.length} open AWS Health issue${events.length === 1 ? '' : 's'} in ${region}: ${services}` };
}

async function healthCheck(reads: SignalReads, id: string): Promise<RegionSignal> {
  const [config, status] = [await reads.read('route53', 'GetHealthCheck', { HealthCheckId: id }, 'us-east-1'), await reads.read('route53', 'GetHealthCheckStatus', { HealthCheckId: id }, 'us-east-1')];
  if (!config.ok) return cannot('route53-health-check', config);
  if (!status.ok) return cannot('route53-health-check', status);
  if ((config.value as { HealthCheck?: { HealthCheckConfig?: { Disabled?: boolean } } }).HealthCheck?.HealthCheckConfig?.Disabled) {
    return { Signal: 'route53-health-check', Result: 'could-not-check', Detail: `health check ${id} is disabled` };
  }
  const reports = ((status.value as { HealthCheckObservations?: { StatusReport?: { Status?: string } }[] }).HealthCheckObservations ?? []).map((o) => String(o.StatusReport?.Status ?? ''));
  if (reports.length === 0) return { Signal: 'route53-health-check', Result: 'could-not-check', Detail: `health check ${id} has no checker report` };
  // The checkers' own reports: an inverted check (a forced failover) says nothing about the region.
  const h = healthFrom(reports);
  return { Signal: 'route53-health-check', Result: h.healthy ? 'up' : 'down', Detail: `${id}: ${h.reason}` };
}

async function probe(reads: SignalReads, url: string): Promise<RegionSignal> {
  const res = await reads.probe(url);
  if (!res.ok) return { Signal: 'probe', Result: 'down', Detail: `${url}: ${res.reason}` };
  return { Signal: 'probe', Result: res.status >= 500 ? 'down' : 'up', Detail: `${url}: HTTP ${res.status}` };
}

async function alarms(reads: SignalReads, names: readonly string[], region: string): Promise<RegionSignal> {
  const res = await reads.read('cloudwatch', 'DescribeAlarms', { AlarmNames: [...names] }, region);
  if (!res.ok) return cannot('alarms', res);
  const found = ((res.value as { MetricAlarms?: { AlarmName?: string; StateValue?: string }[] }).MetricAlarms ?? []);
  const firing = found.filter((a) => a.StateValue === 'ALARM').map((a) => a.AlarmName);
  if (firing.length > 0) return { Signal: 'alarms', Result: 'down', Detail: `in ALARM: ${firing.join(', ')}` };
  const ok = found.filter((a) => a.StateValue === 'OK').length;
  if (ok > 0 && ok === found.length) return { Signal: 'alarms', Result: 'up', Detail: `${ok} alarm${ok === 1 ? '' : 's'} OK` };
  return { Signal: 'alarms', Result: 'could-not-check', Detail: found.length === 0 ? `no alarm named ${names.join(', ')} in ${region}` : 'alarms have insufficient data' };
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : typeof v === 'string' && v !== '' ? [v] : []);

/**
 * Asks every signal the args name (AWS Health always; `HealthCheckId`, `ProbeUrl`, `AlarmNames` when given) and
 * answers `RegionSignals` when a majority agrees. With no majority the answer is "could not check", with each
 * signal's result in the message, never a pass or a fail.
 */
export async function readRegionSignals(reads: SignalReads, args: Record<string, unknown>, region: string): Promise<ReadResult> {
  const signals: RegionSignal[] = [await awsHealth(reads, region)];
  for (const id of strings(args.HealthCheckId)) signals.push(await healthCheck(reads, id));
  for (const url of strings(args.ProbeUrl)) signals.push(await probe(reads, url));
  const names = strings(args.AlarmNames);
  if (names.length > 0) signals.push(await alarms(reads, names, typeof args.AlarmRegion === 'string' && args.AlarmRegion ? args.AlarmRegion : region));
  const verdict = regionVerdict(signals);
  const count = (r: SignalResult) => signals.filter((s) => s.Result === r).length;
  if (verdict === 'no-majority') {
    return { ok: false, error: { class: 'unknown', message: `could not conclude whether ${region} is down: no majority of ${signals.length} signals (${signalLines(signals)})` } };
  }
  const value: RegionSignals = { Region: region, Verdict: verdict, Down: count('down'), Up: count('up'), CouldNotCheck: count('could-not-check'), Signals: signals };
  return { ok: true, value, note: `${verdict} by ${verdict === 'down' ? value.Down : value.Up} of ${signals.length} signals: ${signalLines(signals)}` };
}

/** A direct probe: GET with its own deadline; any answer is an answer, no answer is the reason. */
export async function httpProbe(url: string, deadlineMs: number, signal?: AbortSignal): Promise<ProbeAnswer> {
  const timeout = AbortSignal.timeout(deadlineMs);
  try {
    const res = await fetch(url, { method: 'GET', redirect: 'manual', signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    await res.body?.cancel();
    return { ok: true, status: res.status };
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string; message?: string }; message?: string };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return { ok: false, reason: `no answer within ${Math.round(deadlineMs / 1000)} s` };
    return { ok: false, reason: e.cause?.code ?? e.cause?.message ?? e.message ?? 'no answer' };
  }
}
