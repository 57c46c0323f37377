// The simulated world agrees with the injects: a metric inject moves the alarms that watch that metric, and an
// alarm inject moves the metric its alarm watches. Which pane an alarm watches is what the runbook declares
// (`alarms: [{ name, metric, threshold?, comparison? }]`), never guessed from the alarm's name.
// The lambda-failure-rollback drill ramps the Lambda errors pane; its alarm simple-log-service-dev-lambda-errors
// must go to ALARM when the errors cross the pane's threshold, and back to OK when they fall.
import { describe, expect, it } from 'vitest';
import { MetricSpec } from '../../src/core/index.js';
import { SimAws } from '../../src/aws/sim/sim-aws.js';
import { findScenario, loadCatalog } from '../../src/scenarios/index.js';
import { simTime } from './support/fixtures.js';

const CATALOG = loadCatalog({});

function drill(id: string, edit: (s: ReturnType<typeof findScenario>) => ReturnType<typeof findScenario> = (s) => s) {
  const scenario = edit(findScenario(CATALOG, id));
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

  it('an alarm inject stands, and moves the metric its alarm watches so the pane agrees', async () => {
    const d = drill('kubernetes-node-failure');
    const pane = d.scenario.metrics.find((m) => m.id === 'status_check')!;
    const latest = async () => (await d.ports.metrics.fetch([pane], d.params, { start: d.clock.now() - 600_000, end: d.clock.now() }))[0]!.points.at(-1)!.v;
    expect(await latest()).toBe(0);
    d.sim.applyInject(d.scenario.injects.find((i) => i.id === 'notready')!);
    d.clock.advance(120_000);
    const down = await describeAlarm(d, 'audityzer-node-not-ready');
    expect(down).toMatchObject({ StateValue: 'ALARM', StateReason: 'Alarm audityzer-node-not-ready fires for one node.', MetricName: 'StatusCheckFailed' });
    expect(await latest()).toBe(1);
    d.sim.applyInject(d.scenario.injects.find((i) => i.id === 'replaced')!);
    d.clock.advance(120_000);
    expect((await describeAlarm(d, 'audityzer-node-not-ready')).StateValue).toBe('OK');
    expect(await latest()).toBe(0);
  });

  it('an alarm follows the threshold the runbook gives it, not the pane\'s warning level', async () => {
    // drill-az-failover: the FIS stop condition is "throttling > 10"; a blip of 3 crosses the pane's warning (1) only.
    const d = drill('drill-az-failover');
    d.sim.applyInject(d.scenario.injects.find((i) => i.id === 'throttle-blip')!);
    d.clock.advance(180_000);
    expect((await describeAlarm(d, 'simple-log-service-dev-dynamodb-throttles')).StateValue).toBe('OK');
    d.sim.applyInject({ kind: 'metric', metric: { id: 'throttles', to: 25, over_seconds: 0 } });
    d.clock.advance(120_000);
    const a = await describeAlarm(d, 'simple-log-service-dev-dynamodb-throttles');
    expect(a.StateValue).toBe('ALARM');
    expect(a.StateReason).toMatch(/was greater than the threshold \(10\.0\)\.$/);
  });

  it('the link is the declared one: a name that says the pane is not enough, and a name that says nothing is linked when declared', async () => {
    // lambda-failure-rollback without its declaration: the errors alarm no longer follows the errors pane.
    const undeclared = drill('lambda-failure-rollback', (s) => ({ ...s, alarms: [] }));
    undeclared.sim.applyInject(undeclared.scenario.injects.find((i) => i.id === 'errors')!);
    undeclared.clock.advance(600_000);
    expect((await describeAlarm(undeclared, LAMBDA_ALARM)).StateValue).toBe('OK');
    // An alarm whose name names no service or metric, declared on the Lambda errors pane, follows it.
    const paged = drill('lambda-failure-rollback', (s) => ({ ...s, alarms: [{ name: 'pager-7', metric: 'lambda_errors' }] }));
    paged.sim.applyInject(paged.scenario.injects.find((i) => i.id === 'errors')!);
    paged.clock.advance(600_000);
    expect(await describeAlarm(paged, 'pager-7')).toMatchObject({ StateValue: 'ALARM', MetricName: 'Errors' });
  });

  it('a "bad below" alarm goes to ALARM under its threshold', async () => {
    const d = drill('aurora-failover');
    const name = 'streaming-logs-aurora-writer-unavailable';
    expect((await describeAlarm(d, name)).StateValue).toBe('OK');
    d.sim.applyInject(d.scenario.injects.find((i) => i.id === 'connections-drop')!);
    d.clock.advance(180_000);
    expect(await describeAlarm(d, name)).toMatchObject({ StateValue: 'ALARM', StateReason: expect.stringMatching(/was less than the threshold \(1\.0\)\.$/), MetricName: 'DatabaseConnections' });
  });

  it('every shipped runbook links each alarm it names to the pane that shows it, where one does', () => {
    const links = Object.fromEntries(CATALOG.scenarios.filter((s) => s.alarms.length).map((s) => [s.id, s.alarms.map((a) => `${a.name} -> ${a.metric}${a.threshold !== undefined ? ` ${a.comparison ?? 'above'} ${a.threshold}` : ''}`)]));
    expect(links).toEqual({
      'api-gateway-failure': ['simple-log-service-dev-api-5xx -> api_5xx'],
      'aurora-failover': ['streaming-logs-aurora-writer-unavailable -> connections'],
      'az-failure': ['streaming-logs-aurora-failover -> aurora_connections'],
      'drill-az-failover': ['simple-log-service-dev-dynamodb-throttles -> throttles above 10'],
      'dynamodb-table-corruption': ['simple-log-service-dev-lambda-errors -> writer_errors'],
      'kubernetes-node-failure': ['audityzer-node-not-ready -> status_check'],
      'lambda-failure-rollback': ['simple-log-service-dev-lambda-errors -> lambda_errors'],
      'service-degradation': ['simple-log-service-dev-dynamodb-throttles -> throttles above 10'],
    });
    // kms-key-deletion's key-state alarm and rds-restore-from-snapshot's integrity check show in no pane: scripted only.
    for (const id of ['kms-key-deletion', 'rds-restore-from-snapshot']) expect(findScenario(CATALOG, id).alarms).toEqual([]);
    expect(MetricSpec.parse(findScenario(CATALOG, 'kubernetes-node-failure').metrics.find((m) => m.id === 'status_check')).warning).toBe(0);
  });

  it('in every shipped runbook, each declared alarm and its pane agree after every inject of the script', async () => {
    for (const scenario of CATALOG.scenarios.filter((s) => s.alarms.length)) {
      const injects = [...scenario.injects].sort((a, b) => a.at_seconds - b.at_seconds);
      for (let k = 1; k <= injects.length; k++) {
        const d = drill(scenario.id);
        const start = d.clock.now();
        for (const inject of injects.slice(0, k)) {
          d.clock.set(start + inject.at_seconds * 1000);
          d.sim.applyInject(inject);
        }
        d.clock.advance(600_000); // two whole periods of the longest pane
        for (const alarm of scenario.alarms) {
          const pane = scenario.metrics.find((m) => m.id === alarm.metric)!;
          const threshold = alarm.threshold ?? pane.warning ?? pane.critical!;
          const below = (alarm.comparison ?? pane.bad_when) === 'below';
          const v = (await d.ports.metrics.fetch([pane], d.params, { start: d.clock.now() - 900_000, end: d.clock.now() }))[0]!.points.at(-1)!.v;
          const state = (await describeAlarm(d, alarm.name)).StateValue;
          expect(`${scenario.id} after ${injects[k - 1]!.id}: ${alarm.name} ${state}, ${pane.id} ${(below ? v < threshold : v > threshold) ? 'breaching' : 'clear'}`)
            .toBe(`${scenario.id} after ${injects[k - 1]!.id}: ${alarm.name} ${state}, ${pane.id} ${state === 'ALARM' ? 'breaching' : 'clear'}`);
        }
      }
    }
  });
});
