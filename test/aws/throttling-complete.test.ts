// service-degradation's throttling checks count as complete only when every one of the three throttle
// queries answered in full. moto's GetMetricData always answers Complete, so the partial answers real
// CloudWatch gives (PartialData, Forbidden, InternalError) are fed to the pure judge here.
import { describe, expect, it } from 'vitest';
import { judgeResponse } from '../../src/aws/probe-eval.js';
import { loadCatalog } from '../../src/scenarios/index.js';

const scenario = loadCatalog({}).scenarios.find((s) => s.id === 'service-degradation')!;
const judged = (step: string, codes: string[]) => {
  const spec = scenario.steps.find((s) => s.id === step)!.verify!;
  const response = { MetricDataResults: codes.map((StatusCode, i) => ({ Id: `q${i}`, StatusCode, Values: [0] })) };
  return judgeResponse(response, spec.path, spec.expect, { match: spec.match, and: spec.and });
};

describe.each(['throttling', 'throttles-stopped'])('%s: throttling gone only when all three queries answered', (step) => {
  it('passes when every query is Complete', () => {
    expect(judged(step, ['Complete', 'Complete', 'Complete']).passed).toBe(true);
  });
  it('fails when one query answered and the others are partial or failed', () => {
    const r = judged(step, ['Complete', 'PartialData', 'InternalError']);
    expect(r.passed).toBe(false);
    expect(r.summary).toMatch(/StatusCode .*expected every value equals Complete/);
  });
  it('fails when no query answered at all', () => {
    expect(judged(step, []).passed).toBe(false);
  });
});
