// The simulated world agrees with the injects: a metric inject moves the alarms that watch that metric.
// The lambda-failure-rollback drill ramps the Lambda errors pane; its alarm simple-log-service-dev-lambda-errors
// must go to ALARM when the errors cross the pane's threshold, and back to OK when they fall.
import { describe, expect, it } from 'vitest';
import { watchedPane } from '../../src/aws/sim/alarm-watch.js';
import { SimAws } from '../../src/aws/sim/sim-aws.js';
import { findScenario, loadCatalog } from '../../src/scenarios/index.js';
import { simTime } from './support/fixtures.js';

const CATALOG = loadCatalog({});

function drill(id: string) {
  const scenario = findScenario(CATALOG, id);
  const { clock, sleep } = simTime();
  const sim = new SimAws({ clock, sleep, seed: 7, region: 'eu-west-2', drRegion: 'us-west-2' });
  const examples = Object.fromEntries(Object.entries(scenario.params).map(([k, p]) => [k, p.example ?? p.default ?? '']));
  const params = sim.load(scenario as never, examples);
  return { sim, clock, scenario, ports: sim.ports(), params };
}

type Alarm = { AlarmName: string; StateValue: string; StateReason: string; MetricName?: string };

async function describeAlarm(d: ReturnType<typeof drill>, name: string): Promise<Alarm> {
  const res = await d.ports.probes.read!({ service: 'cloudwatch', operation: 'DescribeAlarms', region: 'primary', args: { AlarmNames: [name] } }, d.params);
  if (!res.ok) throw new Error(res.error.message);
  const list = (res.value as { MetricAlarms: Alarm[] }).MetricAlarms;
  expect(list).toHaveLength(1);
  return list[0]!;
}

const LAMBDA_ALARM = 'simple-log-service-dev-lambda-errors';

describe('alarms follow the injected metrics', () => {
  it('a metric inject past the threshold moves the watching alarm to ALARM, and one bringing it back to OK', async () => {
    const d = drill('lambda-failure-rollback');
    expect((await describeAlarm(d, LAMBDA_ALARM)).StateValue).toBe('OK');
    const inject = d.scenario.injects.find((i) => i.id === 'errors')!;
    expect(inject.metric?.id).toBe('lambda_errors');
    d.sim.applyInject(inject);
    // Past the 120 s ramp and one whole 300 s period, so the latest datapoint is the ramped level.
    d.clock.advance(600_000);
    const up = await describeAlarm(d, LAMBDA_ALARM);
    expect(up.StateValue).toBe('ALARM');
    expect(up.StateReason).toMatch(/^Threshold Crossed: 1 datapoint \[\d+(\.\d+)?\] was greater than the threshold \(1\.0\)\.$/);
    const shown = Number(/\[([\d.]+)\]/.exec(up.StateReason)![1]);
    expect(shown).toBeGreaterThan(38); // 40 with the seeded noise of +-4%
    expect(shown).toBeLessThan(42);
    expect(up.MetricName).toBe('Errors');

    d.sim.applyInject({ ...inject, metric: { ...inject.metric!, to: 0 } });
    d.clock.advance(600_000);
    const down = await describeAlarm(d, LAMBDA_ALARM);
    expect(down.StateValue).toBe('OK');
    expect(down.StateReason).toBe('Threshold Crossed: 1 datapoint [0] was not greater than the threshold (1.0).');
    // The console's alarm poll sees the same transition.
    const polled = await d.ports.alarms.poll(undefined as never, d.params);
    expect(polled.alarms.find((a) => a.name === LAMBDA_ALARM)?.state).toBe('OK');
  });

  it('the console alarm poll records the transition to ALARM', async () => {
    const d = drill('api-gateway-failure');
    const first = await d.ports.alarms.poll(undefined as never, d.params);
    expect(first.alarms.find((a) => a.name === 'simple-log-service-dev-api-5xx')?.state).toBe('OK');
    d.sim.applyInject(d.scenario.injects.find((i) => i.id === 'all-fail')!);
    d.clock.advance(600_000);
    const next = await d.ports.alarms.poll(undefined as never, d.params);
    expect(next.alarms.find((a) => a.name === 'simple-log-service-dev-api-5xx')).toMatchObject({ state: 'ALARM', reason: expect.stringMatching(/was greater than the threshold/) });
    expect(next.transitions).toEqual([expect.objectContaining({ alarm: 'simple-log-service-dev-api-5xx', from: 'OK', to: 'ALARM' })]);
  });

  it('an alarm whose metric no inject touches does not change', async () => {
    // dynamodb-table-corruption ramps the table's SystemErrors; its Lambda errors alarm watches the writer's Errors.
    const d = drill('dynamodb-table-corruption');
    const before = await describeAlarm(d, LAMBDA_ALARM);
    d.sim.applyInject(d.scenario.injects.find((i) => i.id === 'errors-rise')!);
    d.clock.advance(900_000);
    expect(await describeAlarm(d, LAMBDA_ALARM)).toEqual(before);
  });

  it('an alarm inject is not undone by a metric that has not moved', async () => {
    const d = drill('dynamodb-table-corruption');
    d.sim.applyInject(d.scenario.injects.find((i) => i.id === 'writer-alarm')!);
    d.clock.advance(900_000);
    const a = await describeAlarm(d, LAMBDA_ALARM);
    expect(a.StateValue).toBe('ALARM');
    expect(a.StateReason).toMatch(/writer|ALARM/i);
  });

  it("an alarm watches the pane whose service and metric its name says, and nothing else", () => {
    const panes = (id: string) => findScenario(CATALOG, id).metrics;
    expect(watchedPane(LAMBDA_ALARM, panes('dynamodb-table-corruption'))?.id).toBe('writer_errors'); // not the table's SystemErrors
    expect(watchedPane('simple-log-service-dev-dynamodb-throttles', panes('service-degradation'))?.id).toBe('throttles');
    // "aurora" is the service, not a metric word of AuroraReplicaLag: no threshold to evaluate, the alarm stays scripted.
    expect(watchedPane('streaming-logs-aurora-writer-unavailable', panes('aurora-failover'))).toBeUndefined();
    expect(watchedPane('simple-log-service-dev-kms-key-state', panes('kms-key-deletion'))).toBeUndefined();
  });
});
