import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../src/aws/ports.js';
import { metricSnapshots, recordedUpTo } from '../../src/ui/app/metric-snapshots.js';
import { appended, press, run } from './fixtures/drive.js';
import { events, incidentState, opened, T0 } from './fixtures/state.js';

const series = (id: string, minutes: number[]): MetricSeries => ({
  id,
  label: id,
  unit: 'Count',
  region: 'eu-west-2',
  status: 'Complete',
  fetchedAt: new Date(T0).toISOString(),
  points: minutes.map((m) => ({ t: new Date(T0 + m * 60_000).toISOString(), v: m })),
});
const spec = { id: 'errors', title: 'Errors', namespace: 'AWS/Lambda', metric: 'Errors', dimensions: {}, statistic: 'Sum' as const, period_seconds: 60, unit: 'Count', region: 'primary' as const, bad_when: 'above' as const, warning: 1, critical: 5 };
const snapshotKinds = (fx: ReturnType<typeof run>[1]) => appended(fx).filter((e) => e.kind === 'metric.snapshot');

describe('metric snapshots', () => {
  it('keep only the points the timeline does not have yet', () => {
    const first = metricSnapshots([series('errors', [0, 1, 2])], [spec], {});
    expect(first.events).toEqual([{ kind: 'metric.snapshot', data: { metric: 'errors', unit: 'Count', points: [[new Date(T0).toISOString(), 0], [new Date(T0 + 60_000).toISOString(), 1], [new Date(T0 + 120_000).toISOString(), 2]], warning: 1, critical: 5 } }]);
    const later = metricSnapshots([series('errors', [1, 2, 3, 4])], [spec], first.marks);
    expect(later.events.map((e) => e.data.points.map(([, v]) => v))).toEqual([[3, 4]]);
    expect(metricSnapshots([series('errors', [1, 2])], [spec], later.marks).events).toEqual([]);
    const onTimeline = events([{ kind: 'metric.snapshot', data: { metric: 'errors', points: [[new Date(T0 + 120_000).toISOString(), 2]] } }]);
    expect(recordedUpTo(onTimeline)).toEqual({ errors: T0 + 120_000 });
  });

  it('are not recorded when a fetch arrives: looking at a pane writes nothing', () => {
    const [, fx] = run(incidentState(), { type: 'metrics.fetched', series: [series('userErrors', [0, 1])], at: T0 }, { type: 'tick', now: T0 + 3 * 60 * 60_000 });
    expect(fx).toEqual([]);
  });

  it('go with a step started or done, in the same append, once per moment', () => {
    const [shown] = run(incidentState(), { type: 'metrics.fetched', series: [series('userErrors', [0, 1])], at: T0 });
    const [started, fx1] = press(shown, 'return');
    expect(fx1).toHaveLength(1);
    expect(appended(fx1).map((e) => e.kind)).toEqual(['step.started', 'metric.snapshot']);
    // The same points are not recorded again with the next step change, even before the journal echoes them.
    const [, fx2] = press(started, 'return');
    expect(snapshotKinds(fx2)).toEqual([]);
  });

  it('are recorded on the explicit key, and refused after resolution and in a drill', () => {
    const [shown] = run(incidentState(), { type: 'metrics.fetched', series: [series('userErrors', [0, 1])], at: T0 });
    const [, fx] = press(shown, '2', 's');
    expect(snapshotKinds(fx)).toHaveLength(1);
    const resolved = incidentState({}, [...opened(), { kind: 'status.changed', data: { status: 'resolved' } }]);
    const [r, rfx] = press(run(resolved, { type: 'metrics.fetched', series: [series('userErrors', [0, 1])], at: T0 })[0], '2', 's');
    expect(rfx).toEqual([]);
    expect(r.toast?.text).toMatch(/resolved/);
    const drill = incidentState({}, opened('exercise'));
    const [, dfx] = press(run(drill, { type: 'metrics.fetched', series: [series('userErrors', [0, 1])], at: T0 })[0], 'return');
    expect(appended(dfx).map((e) => e.kind)).toEqual(['step.started']);
  });
});
