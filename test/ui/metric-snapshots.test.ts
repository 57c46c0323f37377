import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../src/aws/ports.js';
import { metricSnapshots, SNAPSHOT_EVERY_MS } from '../../src/ui/app/metric-snapshots.js';
import { run } from './fixtures/drive.js';
import { incidentState, opened, T0 } from './fixtures/state.js';

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

describe('metric snapshots', () => {
  it('records the whole window first, then only new points, at most every few minutes', () => {
    const first = metricSnapshots([series('errors', [0, 1, 2])], [spec], {}, T0);
    expect(first.events).toEqual([{ kind: 'metric.snapshot', data: { metric: 'errors', unit: 'Count', points: [[new Date(T0).toISOString(), 0], [new Date(T0 + 60_000).toISOString(), 1], [new Date(T0 + 120_000).toISOString(), 2]], warning: 1, critical: 5 } }]);
    const soon = metricSnapshots([series('errors', [0, 1, 2, 3])], [spec], first.marks, T0 + 30_000);
    expect(soon.events).toEqual([]);
    const later = metricSnapshots([series('errors', [1, 2, 3, 4])], [spec], first.marks, T0 + SNAPSHOT_EVERY_MS);
    expect(later.events.map((e) => e.data.points.map(([, v]) => v))).toEqual([[3, 4]]);
    const nothingNew = metricSnapshots([series('errors', [1, 2])], [spec], later.marks, T0 + 2 * SNAPSHOT_EVERY_MS);
    expect(nothingNew.events).toEqual([]);
  });

  it('the console appends them for a live incident, not for a drill (its points are in drill time)', () => {
    const live = run(incidentState(), { type: 'metrics.fetched', series: [series('pitr-errors', [0, 1])], at: T0 });
    expect(live[1]).toEqual([{ type: 'append', id: 'INC-20261121-AAAA', events: [expect.objectContaining({ kind: 'metric.snapshot' })] }]);
    const drill = run(incidentState({}, opened('exercise')), { type: 'metrics.fetched', series: [series('pitr-errors', [0, 1])], at: T0 });
    expect(drill[1]).toEqual([]);
    expect(drill[0].incident?.metrics.series).toHaveLength(1);
  });
});
