import { describe, expect, it } from 'vitest';
import { globMatch, suggestSeverity, type TriageAnswers } from '../../src/core/index.js';

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
    ['customer impact not known yet', { customerImpact: 'unknown' }, 'SEV3'],
    ['scope unknown, nothing else known', { scope: 'unknown' }, 'SEV4'],
  ])('%s -> %s', (_name, answers, expected) => {
    const s = suggestSeverity({ ...base, ...answers });
    expect(s.severity).toBe(expected);
    expect(s.reasons.length).toBeGreaterThan(0);
  });

  it('says customers may be affected when the impact is not known', () => {
    expect(suggestSeverity({ ...base, scope: 'unknown', dataIntegrity: 'unknown', security: 'unknown', customerImpact: 'unknown' })).toEqual({
      severity: 'SEV2',
      reasons: ['data integrity is unknown while customers may be affected', 'security involvement is unknown while customers may be affected'],
    });
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
