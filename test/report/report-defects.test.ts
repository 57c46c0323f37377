// Defects found by reading reports as a new user would; each case reproduces one.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { foldIncident, type TimelineEvent } from '../../src/core/index.js';
import { buildReport, type ScenarioInput } from '../../src/core/report/index.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTimeline } from '../../src/report/timeline-export.js';
import { ordersModel } from './build-fixture.js';
import { at, ordersScenarios, T0 } from './fixtures.js';

type E = [sec: number, kind: string, data: Record<string, unknown>];

function model(rows: E[], scenarios: ScenarioInput[] = [], nowSec = 3600) {
  const opened: E = [0, 'incident.opened', { id: 'INC-20261121-DEF1', title: 'defect', severity: 'SEV2', mode: 'live', scenarios: scenarios.map((s) => s.id), params: {} }];
  const events: TimelineEvent[] = [opened, ...rows].map(([sec, kind, data], i) => ({ seq: i + 1, ts: at(0, sec), actor: 'ann', kind, data, prev: '', hash: `h${i + 1}` }));
  return buildReport({ events, state: foldIncident(events), scenarios, now: T0 + nowSec * 1000, verification: { ok: true, count: events.length, headHash: 'h' } });
}
const milestone = (sec: number, m: string, atSec = sec, backdated = false): E => [sec, 'milestone.set', { milestone: m, at: at(0, atSec), backdated }];

describe('report defects', () => {
  it('a live incident that is mitigated does not call RTO met while the steps that recover it are undone', () => {
    const r = model([milestone(1, 'impact-started', -600, true), milestone(2, 'declared'), [3, 'status.changed', { status: 'declared' }], milestone(60, 'mitigated')], ordersScenarios);
    const db = r.objectives.rows.find((o) => o.component === 'orders database')!;
    expect(db.rtoMet).not.toBe(true);
    expect(db.rtoVerdict).not.toMatch(/^met/);
    expect(db.rtoVerdict).toMatch(/step\(s\) not done/);
  });

  it('the timeline CSV keeps a multi-line note as one quoted cell with its line breaks', () => {
    const events: TimelineEvent[] = [
      { seq: 1, ts: at(0), actor: 'ann', kind: 'incident.opened', data: { id: 'X', title: 't', severity: 'SEV2', mode: 'live', scenarios: [], params: {} }, prev: '', hash: 'a' },
      { seq: 2, ts: at(1), actor: 'ann', kind: 'note', data: { text: 'first line\nsecond, "quoted" line' }, prev: 'a', hash: 'b' },
    ];
    const rows = parse(renderTimeline(events, 'csv'), { columns: true }) as Record<string, string>[];
    expect(rows[1]!.text).toBe('first line\nsecond, "quoted" line');
  });

  it('the Markdown report shows an arrow as an arrow, not as &gt;', async () => {
    const md = renderMarkdown(await ordersModel());
    expect(md).toContain('OK -> ALARM');
    expect(md).not.toContain('-&gt;');
  });

  it('a report with no updates sent does not say every update went out on time', () => {
    const r = model([milestone(1, 'declared'), [1, 'status.changed', { status: 'declared' }], milestone(120, 'resolved'), [120, 'status.changed', { status: 'resolved' }]]);
    expect(r.comms.sent).toHaveLength(0);
    expect(renderMarkdown(r)).not.toMatch(/every update went out on time/i);
  });

  it('an incident resolved by its milestone is not a DRAFT, and its status says resolved', () => {
    const r = model([milestone(1, 'impact-started', -60, true), milestone(300, 'resolved')]);
    expect(r.draft).toBe(false);
    expect(r.summary.status).toBe('resolved');
    expect(renderMarkdown(r)).not.toMatch(/DRAFT|triage/);
  });

  it('the time at each severity covers the impact, as long as impact to resolution says', () => {
    const threeHours = 3 * 3600;
    const r = model([milestone(0, 'impact-started', -threeHours, true), milestone(1, 'resolved'), [1, 'status.changed', { status: 'resolved' }]]);
    const toResolution = r.milestones.intervals.find((i) => i.label === 'impact to resolution')!.seconds;
    expect(toResolution).toBe(threeHours + 1);
    expect(r.impact.severities[0]!.from).toBe(at(0, -threeHours));
    expect(r.impact.severities.reduce((a, s) => a + (s.seconds ?? 0), 0)).toBe(toResolution);
  });
});
