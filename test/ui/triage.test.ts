import { describe, expect, it } from 'vitest';
import { globMatch, rankScenarios, suggestSeverity, type TriageAnswers } from '../../src/core/index.js';
import { FIXTURE_SCENARIOS } from './fixtures/scenarios.js';

const base: TriageAnswers = { affected: '', scope: 'single-resource', dataIntegrity: 'no', security: 'no', customerImpact: 'none' };

describe('suggestSeverity', () => {
  it.each<[string, Partial<TriageAnswers>, string]>([
    ['nothing wrong for customers', {}, 'SEV4'],
    ['degraded customers', { customerImpact: 'degraded' }, 'SEV3'],
    ['one AZ', { scope: 'az' }, 'SEV3'],
    ['major impact', { customerImpact: 'major' }, 'SEV2'],
    ['a region, no impact yet', { scope: 'region' }, 'SEV2'],
    ['data integrity unknown while degraded', { dataIntegrity: 'unknown', customerImpact: 'degraded' }, 'SEV2'],
    ['data integrity unknown, no impact', { dataIntegrity: 'unknown' }, 'SEV4'],
    ['security unknown while degraded', { security: 'unknown', customerImpact: 'degraded' }, 'SEV2'],
    ['complete outage', { customerImpact: 'outage' }, 'SEV1'],
    ['data at risk', { dataIntegrity: 'yes' }, 'SEV1'],
    ['security involved', { security: 'yes' }, 'SEV1'],
    ['region with major impact', { scope: 'region', customerImpact: 'major' }, 'SEV1'],
    ['account with major impact', { scope: 'account', customerImpact: 'major' }, 'SEV1'],
  ])('%s -> %s', (_name, answers, expected) => {
    const s = suggestSeverity({ ...base, ...answers });
    expect(s.severity).toBe(expected);
    expect(s.reasons.length).toBeGreaterThan(0);
  });

  it('gives every reason that justifies the level', () => {
    expect(suggestSeverity({ ...base, dataIntegrity: 'yes', security: 'yes' }).reasons).toEqual(['data integrity is at risk', 'security is involved']);
  });
});

describe('globMatch', () => {
  it.each([
    ['orders-*errors*', 'orders-api-errors-high', true],
    ['*-dynamodb-*', 'prod-dynamodb-throttles', true],
    ['*-dynamodb-*', 'prod-rds-cpu', false],
    ['region-?', 'REGION-a', true],
    ['a.b', 'axb', false],
  ])('%s ~ %s = %s', (p, n, want) => expect(globMatch(p, n)).toBe(want));
});

describe('rankScenarios', () => {
  it('ranks by keywords, services and symptoms in what the operator typed', () => {
    const r = rankScenarios(FIXTURE_SCENARIOS, { ...base, affected: 'dynamodb orders table' }, 'orders corrupt after deploy');
    expect(r.map((x) => x.id)).toEqual(['dynamodb-pitr-restore', 'region-failover']);
    expect(r[0]!.reasons.join(' ')).toContain('keyword dynamodb');
    expect(r[0]!.reasons.join(' ')).toContain('service dynamodb');
  });

  it('lets a firing alarm matching a detection pattern lift a scenario', () => {
    const r = rankScenarios(FIXTURE_SCENARIOS, base, 'something is wrong', ['prod-health-check-eu-west-2']);
    expect(r[0]!.id).toBe('region-failover');
    expect(r[0]!.reasons).toContain('alarm in ALARM: prod-health-check-eu-west-2');
  });

  it('uses scope, data integrity and security answers', () => {
    const region = rankScenarios(FIXTURE_SCENARIOS, { ...base, scope: 'region' }, '');
    expect(region[0]).toMatchObject({ id: 'region-failover', reasons: ['fits the region scope'] });
    const data = rankScenarios(FIXTURE_SCENARIOS, { ...base, dataIntegrity: 'yes' }, '');
    expect(data[0]).toMatchObject({ id: 'dynamodb-pitr-restore', score: 3 });
  });

  it('matches a keyword by its stem, not by any shared prefix', () => {
    const one = [{ ...FIXTURE_SCENARIOS[0]!, services: [], detection: { alarms: [], metrics: [], symptoms: [], keywords: ['corruption'] } }];
    expect(rankScenarios(one, base, 'items corrupted after deploy')[0]!.reasons).toEqual(['keyword corruption']);
    expect(rankScenarios(one, base, 'the corridor lights')[0]!.score).toBe(0);
  });

  it('keeps every scenario, ties ordered by title', () => {
    const r = rankScenarios(FIXTURE_SCENARIOS, base, '');
    expect(r.map((x) => x.score)).toEqual([0, 0]);
    expect(r.map((x) => x.id)).toEqual(['dynamodb-pitr-restore', 'region-failover']);
  });
});
