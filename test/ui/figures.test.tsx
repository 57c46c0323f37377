// Every figure on the incident screen states where it comes from and is right: thresholds as the runbook
// says, failed reads shown as failed with the last good read, stale data kept and marked with its true age.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { AlarmState, MetricSeries } from '../../src/aws/ports.js';
import type { MetricSpec } from '../../src/core/index.js';
import type { AppState } from '../../src/ui/app/state.js';
import { Banner } from '../../src/ui/components/banner.js';
import { AlarmsPane } from '../../src/ui/panes/alarms.js';
import { MetricsPane } from '../../src/ui/panes/metrics.js';
import { metricLevel } from '../../src/ui/panes/metrics-model.js';
import { run } from './fixtures/drive.js';
import { incidentState, T0 } from './fixtures/state.js';

const spec = (over: Partial<MetricSpec>): MetricSpec => ({ id: 'm', title: 'M', namespace: 'N', metric: 'M', dimensions: {}, statistic: 'Average', period_seconds: 60, unit: 'None', region: 'primary', bad_when: 'above', ...over });

const SIM = { mode: 'simulated' as const, region: 'us-east-1', drRegion: 'us-west-2', account: '123456789012' };
const connected = () => incidentState({ awsConnected: true, aws: SIM });

const series = (over: Partial<MetricSeries> = {}, minutesAgo = [4, 3, 2, 1], at = T0): MetricSeries => ({
  id: 'userErrors',
  label: 'User errors',
  unit: 'Count',
  region: 'eu-west-2',
  status: 'Complete',
  fetchedAt: new Date(at).toISOString(),
  points: minutesAgo.map((m, i) => ({ t: new Date(at - m * 60_000).toISOString(), v: i + 1 })),
  ...over,
});

const failed = (message: string, at: number): MetricSeries => series({ status: 'Failed', points: [], error: { class: 'timeout', message }, fetchedAt: new Date(at).toISOString() }, [], at);

function metricsFrame(s: AppState, width = 110, height = 8): string {
  const r = render(<MetricsPane s={s} v={s.incident!} width={width} height={height} focused={false} />);
  const f = r.lastFrame() ?? '';
  r.unmount();
  return f;
}

function alarmsFrame(s: AppState, width = 110, height = 8): string {
  const r = render(<AlarmsPane s={s} v={s.incident!} width={width} height={height} focused={false} />);
  const f = r.lastFrame() ?? '';
  r.unmount();
  return f;
}

const at = (s: AppState, now: number): AppState => ({ ...s, now });

describe('thresholds mean what the runbook says', () => {
  it.each([
    ['below 1: a healthy 1.0 is ok', { bad_when: 'below', critical: 1 }, 1, 'ok'],
    ['below 1: 0 is critical', { bad_when: 'below', critical: 1 }, 0, 'crit'],
    ['below 1 (warning): 1 connection is ok', { bad_when: 'below', warning: 1 }, 1, 'ok'],
    ['below 1 (warning): 0 connections warn', { bad_when: 'below', warning: 1 }, 0, 'warn'],
    ['above 5: exactly 5 is not above', { warning: 1, critical: 5 }, 5, 'warn'],
    ['above 5: 6 is critical', { warning: 1, critical: 5 }, 6, 'crit'],
    ['above 1: exactly 1 is ok', { warning: 1, critical: 5 }, 1, 'ok'],
    ['free storage below 2 GiB is critical', { bad_when: 'below', warning: 10, critical: 2 }, 1.5, 'crit'],
  ] as const)('%s', (_name, over, v, tone) => {
    expect(metricLevel(spec(over as Partial<MetricSpec>), v)).toBe(tone);
  });
});

describe('metrics pane', () => {
  it('says where its data comes from: SIMULATED and the region of each row, and how old it is', () => {
    const [s] = run(connected(), { type: 'metrics.fetched', series: [series()], at: T0 });
    const f = metricsFrame(at(s, T0 + 5_000));
    expect(f).toContain('SIMULATED');
    expect(f).toContain('eu-west-2');
    expect(f).toMatch(/read 5s ago/);
    expect(f).toMatch(/age 1m/);
  });

  it('shows a unitless value without CloudWatch\'s "None"', () => {
    const [s] = run(connected(), { type: 'metrics.fetched', series: [series({ unit: 'None' })], at: T0 });
    const f = metricsFrame(at(s, T0 + 5_000));
    expect(f).toMatch(/User errors.* 4\b/);
    expect(f).not.toContain('None');
  });

  it('a live pane names its account', () => {
    const s0 = incidentState({ awsConnected: true, aws: { mode: 'live', region: 'eu-west-2', account: '210987654321', profile: 'prod' } });
    const [s] = run(s0, { type: 'metrics.fetched', series: [series()], at: T0 });
    expect(metricsFrame(s)).toContain('210987654321');
  });

  it('a failed read keeps the last good data on screen, marked failed with the reason and the last good read', () => {
    const [s] = run(connected(), { type: 'metrics.fetched', series: [series()], at: T0 }, { type: 'metrics.fetched', series: [failed('timed out: cloudwatch GetMetricData in eu-west-2 did not answer in time', T0 + 600_000)], at: T0 + 600_000 });
    const f = metricsFrame(at(s, T0 + 600_000), 80);
    expect(f).toContain('FAILED eu-west-2');
    expect(f).toContain('timed out: cloudwatch GetMetricData');
    expect(f).toContain('last good 09:00:00Z');
    expect(f).not.toContain('no datapoints');
    // The old points are still drawn.
    expect(f).toMatch(/[▁▂▃▄▅▆▇█]{4}/);
  });

  it('when the whole fetch fails, the pane says failed with the reason and the last good read, never "fetched 0s ago"', () => {
    const [s] = run(connected(), { type: 'metrics.fetched', series: [series()], at: T0 }, { type: 'metrics.failed', message: 'network down', at: T0 + 300_000 });
    const f = metricsFrame(at(s, T0 + 300_000));
    expect(f).toContain('network down');
    expect(f).toMatch(/last good read 09:00:00Z \(5m 00s ago\)/);
    expect(f).not.toMatch(/fetched 0s ago/);
    expect(f).toMatch(/[▁▂▃▄▅▆▇█]{4}/);
  });

  it('data that stopped arriving stays visible, marked stale with its true age', () => {
    const [s] = run(connected(), { type: 'metrics.fetched', series: [series({}, [40, 35, 30, 25], T0)], at: T0 });
    const f = metricsFrame(at(s, T0 + 1_000));
    expect(f).toMatch(/STALE/);
    expect(f).toMatch(/age 25m/);
    // A later read that returns nothing does not wipe what was seen.
    const [s2] = run(s, { type: 'metrics.fetched', series: [series({}, [], T0 + 60_000)], at: T0 + 60_000 });
    const f2 = metricsFrame(at(s2, T0 + 60_000));
    expect(f2).toMatch(/[▁▂▃▄▅▆▇█]{4}/);
    expect(f2).toMatch(/STALE/);
    expect(f2).toMatch(/age 26m/);
  });

  it('the pane title is stale when the last good read is old, with its age', () => {
    const [s] = run(connected(), { type: 'metrics.fetched', series: [series()], at: T0 });
    const f = metricsFrame(at(s, T0 + 10 * 60_000));
    expect(f).toMatch(/STALE.*read 10m 00s ago/);
  });
});

describe('alarms pane', () => {
  const alarm = (name: string, state: AlarmState['state'], region = 'eu-west-2'): AlarmState => ({ name, state, reason: 'Threshold Crossed', updatedAt: new Date(T0).toISOString(), region });

  it('a failed alarm read never says "0 in ALARM"', () => {
    const [s] = run(connected(), { type: 'alarms.polled', alarms: [], transitions: [], errors: [{ class: 'timeout', message: 'timed out: cloudwatch DescribeAlarms in eu-west-2 did not answer in time', region: 'eu-west-2' }], at: T0 });
    const f = alarmsFrame(s);
    expect(f).not.toContain('0 in ALARM');
    expect(f).toContain('FAILED');
    expect(f).toContain('timed out: cloudwatch DescribeAlarms');
    expect(f).toContain('never read');
  });

  it('keeps the last good states of a region it cannot read, marked stale, with the last good read', () => {
    const [s] = run(
      connected(),
      { type: 'alarms.polled', alarms: [alarm('orders-5xx', 'ALARM'), alarm('dr-health', 'OK', 'eu-west-1')], transitions: [], at: T0 },
      { type: 'alarms.polled', alarms: [alarm('dr-health', 'OK', 'eu-west-1')], transitions: [], errors: [{ class: 'timeout', message: 'timed out: DescribeAlarms in eu-west-2', region: 'eu-west-2' }], at: T0 + 120_000 },
    );
    const f = alarmsFrame(at(s, T0 + 120_000));
    expect(f).toContain('orders-5xx');
    expect(f).toMatch(/orders-5xx.*eu-west-2.*stale/);
    expect(f).toContain('eu-west-2 FAILED');
    expect(f).toContain('last good read 09:00:00Z');
    expect(f).toContain('SIMULATED');
  });

  it('a whole poll that throws is shown as failed, not as 0 in ALARM', () => {
    const [s] = run(connected(), { type: 'alarms.failed', message: 'socket hang up', at: T0 });
    const f = alarmsFrame(s);
    expect(f).not.toContain('0 in ALARM');
    expect(f).toContain('socket hang up');
  });

  it('names the regions it read', () => {
    const [s] = run(connected(), { type: 'alarms.polled', alarms: [], transitions: [], regions: ['eu-west-2', 'eu-west-1', 'us-east-1'], at: T0 });
    expect(alarmsFrame(s)).toMatch(/SIMULATED · 0 in ALARM · read 0s ago · eu-west-2 eu-west-1 us-east-1/);
  });

  it('a good read says how many are in ALARM, its source and age', () => {
    const [s] = run(connected(), { type: 'alarms.polled', alarms: [alarm('orders-5xx', 'ALARM')], transitions: [], at: T0 });
    const f = alarmsFrame(at(s, T0 + 3_000));
    expect(f).toMatch(/1 in ALARM/);
    expect(f).toMatch(/SIMULATED.*read 3s ago/);
  });
});

describe('banner', () => {
  const withParams = (params: Record<string, string>) => {
    const s = incidentState({ awsConnected: true, aws: SIM });
    return { ...s, incident: { ...s.incident!, incident: { ...s.incident!.incident, params } } };
  };
  const frame = (s: AppState) => {
    const r = render(<Banner s={s} v={s.incident!} timeZone="UTC" />);
    const f = r.lastFrame() ?? '';
    r.unmount();
    return f;
  };

  it('shows the incident\'s regions from its parameters, not the default region', () => {
    const f = frame(withParams({ region: 'eu-west-2', dr_region: 'eu-west-1' }));
    expect(f).toContain('SIMULATED');
    expect(f).toContain('eu-west-2');
    expect(f).toContain('DR eu-west-1');
    expect(f).not.toContain('us-east-1');
  });

  it('an exercise names the regions of the simulated AWS it runs on', () => {
    const s = withParams({});
    const ex = { ...s, config: { ...s.config, aws: { mode: 'live' as const, region: 'eu-west-2' }, exerciseAws: { region: 'us-east-1', drRegion: 'us-west-2' } }, incident: { ...s.incident!, incident: { ...s.incident!.incident, mode: 'exercise' as const } } };
    expect(frame(ex)).toMatch(/EXERCISE us-east-1 DR us-west-2/);
  });

  it('primary_region counts as the primary too; without parameters the flags\' regions show', () => {
    expect(frame(withParams({ primary_region: 'ap-southeast-2' }))).toMatch(/ap-southeast-2 DR us-west-2/);
    expect(frame(withParams({}))).toMatch(/SIMULATED us-east-1 DR us-west-2/);
  });
});
