// `warroom metrics` states the same figures as the console: the incident's regions, thresholds as strict boundaries.
import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../src/aws/ports.js';
import { banner, formatPane, levelOf } from '../../src/cli/aws-format.js';

const sim = { mode: 'simulated' as const, describe: { region: 'us-east-1', drRegion: 'us-west-2' } };
const one = (v: number): MetricSeries => ({ id: 'h', label: 'h', unit: 'None', region: 'us-east-1', status: 'Complete', fetchedAt: '2026-01-01T00:00:00Z', points: [{ t: '2026-01-01T00:00:00Z', v }] });

describe('warroom metrics figures', () => {
  it('names the regions the params give, else the flags\'', () => {
    expect(banner(sim, { region: 'eu-west-2', dr_region: 'eu-west-1' })).toBe('SIMULATED AWS (no AWS configuration given) eu-west-2 / DR eu-west-1');
    expect(banner(sim)).toBe('SIMULATED AWS (no AWS configuration given) us-east-1 / DR us-west-2');
  });

  it.each([
    [{ bad_when: 'below', critical: 1 }, 1, 'ok'],
    [{ bad_when: 'below', critical: 1 }, 0, 'critical'],
    [{ bad_when: 'above', warning: 1, critical: 5 }, 5, 'warning'],
    [{ bad_when: 'above', warning: 1, critical: 5 }, 5.5, 'critical'],
  ] as const)('%o at %d is %s', (spec, v, level) => {
    expect(levelOf(spec, one(v))).toBe(level);
  });

  it('prints a unitless value without CloudWatch\'s "None"', () => {
    const spec = { id: 'h', title: 'Health', namespace: 'AWS/Route53', metric: 'HealthCheckStatus', dimensions: {}, statistic: 'Minimum' as const, period_seconds: 60, unit: 'None', region: 'primary' as const, bad_when: 'below' as const, critical: 1 };
    const text = formatPane(spec, one(1));
    expect(text).toMatch(/\b1\b/);
    expect(text).not.toContain('None');
  });
});
