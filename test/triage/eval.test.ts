// The triage evaluation: every labelled description is ranked against the built-in catalog, as the CLI
// does (no answers given: scope, data and security unknown, unless a case gives the scope the console asked). Prints top-1 and top-3 accuracy and the share of
// live cases with a drill in the top 3; the thresholds are the ones the triage promises.
import { describe, expect, it } from 'vitest';
import { isDrill, rankScenarios, type TriageAnswers } from '../../src/core/index.js';
import { loadCatalog } from '../../src/scenarios/catalog.js';
import { TRIAGE_CASES } from './cases.js';

const UNKNOWN: TriageAnswers = { affected: '', scope: 'unknown', dataIntegrity: 'unknown', security: 'unknown', customerImpact: 'unknown' };
const catalog = loadCatalog({ env: {} }).scenarios;
const drillIds = new Set(catalog.filter(isDrill).map((s) => s.id));

const results = TRIAGE_CASES.map((c) => {
  const ranked = rankScenarios(catalog, { ...UNKNOWN, ...(c.scope ? { scope: c.scope } : {}) }, c.text, c.alarms ?? [], { mode: c.mode });
  const top3 = ranked.slice(0, 3).map((r) => r.id);
  return { c, top1: ranked[0]?.id, top3, ranked };
});

const pct = (n: number, d: number) => (d === 0 ? 0 : (100 * n) / d);

describe('triage evaluation', () => {
  it('labels name scenarios of the built-in catalog, and drills only for drill cases', () => {
    expect(TRIAGE_CASES.length).toBeGreaterThanOrEqual(40);
    for (const c of TRIAGE_CASES) {
      expect(catalog.some((s) => s.id === c.expect), c.expect).toBe(true);
      expect(drillIds.has(c.expect), c.text).toBe(c.mode === 'drill');
    }
  });

  it('ranks the scenario a responder would pick first in at least 90% of cases, and no drill in a live top 3', () => {
    const live = results.filter((r) => r.c.mode === 'live');
    const top1 = results.filter((r) => r.top1 === r.c.expect).length;
    const top3 = results.filter((r) => r.top3.includes(r.c.expect)).length;
    const liveWithDrill = live.filter((r) => r.top3.some((id) => drillIds.has(id))).length;
    const misses = results.filter((r) => r.top1 !== r.c.expect);
    const lines = [
      `triage evaluation: ${results.length} cases (${live.length} live, ${results.length - live.length} drill)`,
      `  top-1 ${top1}/${results.length} = ${pct(top1, results.length).toFixed(1)}%`,
      `  top-3 ${top3}/${results.length} = ${pct(top3, results.length).toFixed(1)}%`,
      `  live cases with a drill in the top 3: ${liveWithDrill}/${live.length} = ${pct(liveWithDrill, live.length).toFixed(1)}%`,
      ...misses.map((m) => `  miss: "${m.c.text}" expected ${m.c.expect}, ranked ${m.top3.join(' > ')}`),
    ];
    console.log(lines.join('\n'));
    expect(liveWithDrill).toBe(0);
    expect(pct(top1, results.length)).toBeGreaterThanOrEqual(90);
  });
});
