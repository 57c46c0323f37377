import { describe, expect, it } from 'vitest';
import { globSpecificity, rankScenarios, type TriageAnswers, type TriageScenario } from '../../src/core/index.js';
import { alarmHits } from '../../src/core/triage-alarms.js';
import { findPhrase, spellOutAwsNames, words } from '../../src/core/triage-words.js';

const unknown: TriageAnswers = { affected: '', scope: 'unknown', dataIntegrity: 'unknown', security: 'unknown', customerImpact: 'unknown' };

function scenario(id: string, detection: Partial<TriageScenario['detection']> = {}, more: Partial<TriageScenario> = {}): TriageScenario {
  return { id, title: id, category: 'application', services: [], detection: { alarms: [], metrics: [], symptoms: [], keywords: [], ...detection }, ...more };
}

const rank = (scenarios: TriageScenario[], text: string, alarms: string[] = [], mode?: 'live' | 'drill') =>
  rankScenarios(scenarios, unknown, text, alarms, mode ? { mode } : {});

describe('triage words', () => {
  it.each([
    ['customers cannot download documents', 'down', false],
    ['slowdown on checkout', 'down', false],
    ['everything is down', 'down', true],
    ['items corrupted after deploy', 'corruption', true],
    ['the corridor lights', 'corruption', false],
    ['tables restored', 'restore', true],
    ['the API Gateway stage', 'apigateway', true],
    ['apigateway 5xx', 'api gateway', true],
    ['node NotReady', 'notready', true],
    ['key state PendingDeletion', 'pending deletion', true],
    ['point-in-time recovery', 'point in time', true],
    ['time point', 'point in time', false],
    ['multi-az failover', 'az', true],
  ])('"%s" mentions "%s": %s', (text, phrase, want) => {
    expect(findPhrase(words(text), words(phrase)) !== undefined).toBe(want);
  });

  it('spells out availability-zone names, not region names', () => {
    expect(spellOutAwsNames('hosts in eu-west-1b and use1-az4')).toBe('hosts in eu-west-1b (availability zone) and use1-az4 (availability zone)');
    expect(spellOutAwsNames('eu-west-1 is impaired')).toBe('eu-west-1 is impaired');
  });
});

describe('alarm weight', () => {
  it.each([
    ['*', 0],
    ['*-db-*', 0.5],
    ['*-5xx*', 0.75],
    ['*-api-5xx*', 1],
  ])('glob %s is %s specific', (glob, want) => expect(globSpecificity(glob)).toBe(want));

  it('counts an alarm fully when one candidate claims it, and not at all when every candidate does', () => {
    const hits = alarmHits([['*-kms-*', '*-5xx*'], ['*-5xx*'], ['*-api-5xx*', '*']], ['prod-kms-key', 'prod-api-5xx']);
    expect(hits[0]).toEqual([{ alarm: 'prod-kms-key', pattern: '*-kms-*', weight: 0.75 }, { alarm: 'prod-api-5xx', pattern: '*-5xx*', weight: 0 }]);
    expect(hits[1]).toEqual([{ alarm: 'prod-api-5xx', pattern: '*-5xx*', weight: 0 }]);
    // A bare `*` claims nothing: only the first candidate claims prod-kms-key.
    expect(hits[2]).toEqual([{ alarm: 'prod-api-5xx', pattern: '*-api-5xx*', weight: 0 }]);
  });

  it('does not let a catch-all glob lift a scenario over the one the alarm names', () => {
    const catalog = [
      scenario('outage', { alarms: ['*'] }),
      scenario('throttling', { alarms: ['*-dynamodb-throttles*', '*-5xx*'] }),
      scenario('lambda', { alarms: ['*-lambda-errors*', '*-5xx*'] }),
      scenario('k8s', { alarms: ['*-crashloop*', '*-5xx*'] }),
    ];
    const r = rank(catalog, '', ['orders-api-5xx', 'orders-dynamodb-throttles']);
    expect(r.map((x) => x.id)).toEqual(['throttling', 'k8s', 'lambda', 'outage']);
    expect(r[0]!.reasons).toEqual(['alarm orders-api-5xx (*-5xx*)', 'alarm orders-dynamodb-throttles (*-dynamodb-throttles*)']);
    const [fiveXx, throttles] = r[0]!.matches;
    expect(throttles!.weight).toBeGreaterThan(4 * fiveXx!.weight);
    expect(r.find((x) => x.id === 'outage')).toMatchObject({ score: 0, reasons: [] });
  });
});

describe('rankScenarios', () => {
  const kms = scenario('kms-key-deletion', { keywords: ['kms', 'pending deletion'], symptoms: ['AccessDenied on decrypt'], alarms: ['*-kms-*'] }, { services: ['kms'] });
  const outage = scenario('complete-outage', { keywords: ['down', 'outage'] });
  const s3 = scenario('s3-object-recovery', { keywords: ['s3', 'deleted'], symptoms: ['Documents fail to download'] });
  const drill = scenario('drill-az', { keywords: ['drill', 'availability zone'], drill: true });
  const az = scenario('az-failure', { keywords: ['availability zone'] });

  it('gives for each scenario the words, symptoms and alarms that matched', () => {
    const r = rank([kms, outage], 'KMS key PendingDeletion, decrypt fails', ['prod-kms-key-state']);
    expect(r[0]!.id).toBe('kms-key-deletion');
    expect(r[0]!.reasons).toEqual(['words "kms", "pendingdeletion" (pending deletion)', 'symptoms decrypt, key', 'alarm prod-kms-key-state (*-kms-*)']);
    expect(r[0]!.matches.map((m) => m.kind)).toEqual(['keyword', 'keyword', 'symptom', 'symptom', 'alarm']);
    expect(r[1]).toMatchObject({ id: 'complete-outage', score: 0, reasons: [], matches: [] });
  });

  it('does not read "download" as "down"', () => {
    const r = rank([outage, s3], 'customers cannot download documents from s3');
    expect(r.map((x) => x.id)).toEqual(['s3-object-recovery', 'complete-outage']);
    expect(r[1]!.score).toBe(0);
  });

  it('never offers a drill for a live incident, and only drills for a drill', () => {
    expect(rank([drill, az], 'availability zone drill').map((x) => x.id)).toEqual(['az-failure']);
    expect(rank([drill, az], 'availability zone drill', [], 'drill').map((x) => x.id)).toEqual(['drill-az']);
  });

  it('reads an availability-zone name as the availability zone', () => {
    const r = rank([outage, az], 'hosts unhealthy in eu-west-1b');
    expect(r[0]).toMatchObject({ id: 'az-failure', reasons: ['words "availability zone"'] });
  });

  it('adds nothing for an unknown scope, and the scope for a known one', () => {
    const region = scenario('region-failover', { keywords: ['region'] });
    expect(rank([region, az], '').every((x) => x.score === 0)).toBe(true);
    const r = rankScenarios([region, az], { ...unknown, scope: 'region' }, '');
    expect(r[0]).toMatchObject({ id: 'region-failover', reasons: ['region scope: region'] });
  });

  it('weighs shared words less than words one scenario owns', () => {
    const a = scenario('a', { keywords: ['restore', 'snapshot'] });
    const b = scenario('b', { keywords: ['restore', 'pitr'] });
    const c = scenario('c', { keywords: ['restore'] });
    const r = rank([a, b, c], 'restore from the snapshot');
    expect(r[0]!.id).toBe('a');
    const restore = r[0]!.matches.find((m) => m.against === 'restore')!;
    const snapshot = r[0]!.matches.find((m) => m.against === 'snapshot')!;
    expect(snapshot.weight).toBeGreaterThan(restore.weight);
  });

  it('keeps every candidate, ties ordered by title', () => {
    const r = rank([outage, az, kms], '');
    expect(r.map((x) => x.id)).toEqual(['az-failure', 'complete-outage', 'kms-key-deletion']);
  });
});
