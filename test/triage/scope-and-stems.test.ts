// The scope answer weighs the ranking, and two runbooks that share a word's stem do not tie when the text
// uses one runbook's own form of it.
import { describe, expect, it } from 'vitest';
import { rankScenarios, type TriageAnswers } from '../../src/core/index.js';
import { loadCatalog } from '../../src/scenarios/catalog.js';

const catalog = loadCatalog({ env: {} }).scenarios;
const answers = (scope: TriageAnswers['scope']): TriageAnswers => ({ affected: '', scope, dataIntegrity: 'unknown', security: 'unknown', customerImpact: 'unknown' });
const rank = (text: string, scope: TriageAnswers['scope'] = 'unknown') => rankScenarios(catalog, answers(scope), text, [], { mode: 'live' });

describe('the scope answer', () => {
  it('"a whole region" puts the region runbooks above the API Gateway one for "eu-west-2 API 5xx"', () => {
    const ranked = rank('eu-west-2 API 5xx', 'region');
    expect(ranked.slice(0, 3).map((r) => r.id).sort()).toEqual(['region-failure-dr-failover', 'region-failure-rebuild-in-dr-region', 'region-failure-restore-in-region']);
    const api = ranked.find((r) => r.id === 'api-gateway-failure')!;
    expect(api.reasons.join(' ')).toMatch(/region scope: not a runbook for a whole region/);
  });
  it('"a single resource" keeps the API Gateway runbook first, and "not sure" changes nothing', () => {
    expect(rank('eu-west-2 API 5xx', 'single-resource')[0]!.id).toBe('api-gateway-failure');
    expect(rank('eu-west-2 API 5xx', 'unknown')[0]!.id).toBe('api-gateway-failure');
    expect(rank('eu-west-2 API 5xx', 'unknown').every((r) => !r.reasons.join(' ').includes('scope'))).toBe(true);
  });
  it('a Multi-AZ database failover is not an availability-zone runbook', () => {
    const az = rank('instances unreachable, unhealthy hosts', 'az');
    expect(az.find((r) => r.id === 'rds-multi-az-failover')!.reasons.join(' ')).toMatch(/not a runbook for a whole availability zone/);
  });
});

describe('words that share a stem', () => {
  it('"deleted" is one runbook\'s word and another\'s "deletion": no tie, the runbook that uses "deleted" first', () => {
    const [first, second] = rank('cluster deleted');
    expect(first!.score).toBeGreaterThan(second!.score);
    expect(first!.id).toBe('s3-object-recovery');
    const kms = rank('key scheduled for deletion');
    expect(kms[0]!.id).toBe('kms-key-deletion');
  });
  it('a symptom most of whose words are named counts as that symptom', () => {
    const top = rank('someone deleted the sessions table')[0]!;
    expect(top.id).toBe('dynamodb-restore-from-backup');
    expect(top.matches.some((m) => m.kind === 'symptom' && m.against === 'Table deleted without PITR')).toBe(true);
  });
});
