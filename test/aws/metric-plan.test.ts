import { describe, expect, it } from 'vitest';
import { dueSpecs, nextRefreshAt, planMetricCalls } from '../../src/aws/metric-plan.js';
import { MetricSpec } from '../../src/core/index.js';

const spec = (id: string, extra: Partial<MetricSpec> = {}) =>
  MetricSpec.parse({ id, title: id, namespace: 'AWS/DynamoDB', metric: 'SystemErrors', dimensions: { TableName: '{{table}}' }, ...extra });

describe('planMetricCalls', () => {
  it('puts 501 queries of one region into two calls of 500 and 1', () => {
    const specs = Array.from({ length: 501 }, (_, i) => spec(`m${i}`));
    const { calls, problems } = planMetricCalls(specs, { table: 'orders' });
    expect(problems).toEqual([]);
    expect(calls.map((c) => c.queries.length)).toEqual([500, 1]);
    expect(new Set(calls.flatMap((c) => c.queries.map((q) => q.queryId))).size).toBe(501);
  });

  it('makes one call per region and fills dimensions', () => {
    const { calls } = planMetricCalls([spec('a'), spec('b', { region: 'dr' }), spec('c'), spec('d', { region: 'us-east-1' })], { table: 'orders' });
    expect(calls.map((c) => [c.region, c.queries.map((q) => q.spec.id)])).toEqual([['primary', ['a', 'c']], ['dr', ['b']], ['us-east-1', ['d']]]);
    expect(calls[0]!.queries[0]!.dimensions).toEqual([{ Name: 'TableName', Value: 'orders' }]);
  });

  it('reports a spec whose param is missing instead of querying it', () => {
    const { calls, problems } = planMetricCalls([spec('a')], {});
    expect(calls).toEqual([]);
    expect(problems[0]!.message).toMatch(/missing param "table"/);
  });
});

describe('refresh scheduling', () => {
  it('never sooner than the period', () => {
    expect(nextRefreshAt({ period_seconds: 60 }, undefined)).toBe(0);
    expect(nextRefreshAt({ period_seconds: 60 }, 1_000)).toBe(61_000);
    expect(nextRefreshAt({ period_seconds: 300 }, 1_000)).toBe(301_000);
    expect(nextRefreshAt({ period_seconds: 1 }, 1_000)).toBe(11_000);
  });

  it('dueSpecs picks the panes whose period has passed', () => {
    const specs = [{ id: 'a', period_seconds: 60 }, { id: 'b', period_seconds: 300 }, { id: 'c', period_seconds: 60 }];
    const last = new Map([['a', 0], ['b', 0]]);
    expect(dueSpecs(specs, last, 59_999).map((s) => s.id)).toEqual(['c']);
    expect(dueSpecs(specs, last, 60_000).map((s) => s.id)).toEqual(['a', 'c']);
    expect(dueSpecs(specs, last, 300_000).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
});
