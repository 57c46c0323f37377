// The report model's honesty rules, on small in-memory timelines: unknown is never zero, by-design is not
// measured, estimates say so, and producing a report mid-incident marks it DRAFT.
import { describe, expect, it } from 'vitest';
import { foldIncident, type TimelineEvent } from '../../src/core/index.js';
import { buildReport, type ReportInput, type ScenarioInput } from '../../src/core/report/index.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { at, T0 } from './fixtures.js';

type E = [min: number, kind: string, data: Record<string, unknown>, actor?: string];

function timeline(rows: E[], mode: 'live' | 'exercise' = 'live'): TimelineEvent[] {
  const opened: E = [0, 'incident.opened', { id: 'INC-20261121-UNIT', title: 'unit', severity: 'SEV2', mode, scenarios: ['s'], params: {} }];
  return [opened, ...rows].map(([min, kind, data, actor], i) => ({ seq: i + 1, ts: at(min), actor: actor ?? 'ann', kind, data, prev: '', hash: `h${i + 1}` }));
}

function report(rows: E[], scenarios: ScenarioInput[] = [], extra: Partial<ReportInput> = {}) {
  const events = timeline(rows, extra.state?.mode);
  return buildReport({ events, state: foldIncident(events), scenarios, now: T0 + 3_600_000, verification: { ok: true, count: events.length, headHash: 'h' }, ...extra });
}

const scenario = (objectives: ScenarioInput['objectives'], steps: ScenarioInput['steps'] = []): ScenarioInput[] => [{ id: 's', title: 'S', objectives, steps }];
const ms = (m: string, min: number) => [min, 'milestone.set', { milestone: m, at: at(min), backdated: false }] as E;
const rp = (min: number, point: Record<string, unknown>) => [min, 'aws.read', { service: 'dynamodb', operation: 'DescribeContinuousBackups', summary: 'x', values: { recoveryPoint: { component: 'db', resource: 'orders', source: 'DescribeContinuousBackups', measured: true, ...point } } }] as E;

describe('what was done', () => {
  it('names the incident\'s resources in step titles, and keeps a param it lacks visible', () => {
    const events = timeline([]).map((e) => (e.kind === 'incident.opened' ? { ...e, data: { ...e.data, params: { table: 'orders' } } } : e));
    const steps = [{ id: 'restore', title: 'Restore {{table}} into {{target}}', role: 'dba' }];
    const r = buildReport({ events, state: foldIncident(events), scenarios: scenario([], steps), now: T0, verification: { ok: true, count: events.length, headHash: 'h' } });
    expect(r.steps[0]!.title).toBe('Restore orders into {{target}}');
  });
  it('repeats each step\'s caution and what a destructive step destroys, in Markdown and HTML', () => {
    const steps = [
      { id: 'destroy', title: 'Destroy', role: 'operations-lead', caution: 'Keep the backups first.', destructive: { destroys: 'the stack and its databases' } },
      { id: 'plain', title: 'Plain', role: 'dba' },
    ];
    const r = report([], scenario([], steps));
    expect(r.steps.map((s) => [s.caution, s.destroys])).toEqual([['Keep the backups first.', 'the stack and its databases'], [undefined, undefined]]);
    expect(renderMarkdown(r)).toContain('- s/destroy (todo): DESTRUCTIVE: the stack and its databases. CAUTION: Keep the backups first.');
    expect(renderHtml(r)).toContain('<h3>Cautions from the runbook</h3>');
  });
});

describe('recovery objectives', () => {
  it('shows a plan\'s estimate beside the target and judges only the target', () => {
    const target = scenario([{ component: 'db', rto_seconds: 600, estimate: '8-12 hours', plan: 'p' }]);
    const row = report([ms('impact-started', 0), ms('mitigated', 5)], target).objectives.rows[0]!;
    expect(row.note).toBe('estimate, not a target: 8-12 hours');
    expect(row.rtoVerdict).toBe('met');
  });

  it('says not yet, met, missed by, or unknown (no impact start); never met before recovery', () => {
    const target = scenario([{ component: 'db', rto_seconds: 600, rpo_seconds: 60 }]);
    expect(report([ms('impact-started', 0)], target).objectives.rows[0]!.rtoVerdict).toBe('not yet');
    expect(report([ms('impact-started', 0), ms('mitigated', 5)], target).objectives.rows[0]!.rtoVerdict).toBe('met');
    expect(report([ms('impact-started', 0), ms('mitigated', 25)], target).objectives.rows[0]!.rtoVerdict).toBe('missed by 15m 00s');
    expect(report([ms('resolved', 5)], target).objectives.rows[0]!.rtoVerdict).toBe('unknown (no impact start)');
    expect(report([ms('impact-started', 0)], target).objectives.rows[0]!.rpoVerdict).toBe('unknown (no recovery point read)');
  });

  it('in a drill, never says an objective was met when the steps that meet it were not done', () => {
    const steps = Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, title: `step ${i}`, role: 'ops' }));
    const rows: E[] = [ms('impact-started', 0), [1, 'step.completed', { scenario: 's', step: 's0' }], ms('mitigated', 2), ms('resolved', 3)];
    const events = timeline(rows, 'exercise');
    const r = buildReport({ events, state: foldIncident(events), scenarios: scenario([{ component: 'db', rto_seconds: 600 }], steps), now: T0 + 3_600_000, verification: { ok: true, count: events.length, headHash: 'h' } });
    const row = r.objectives.rows[0]!;
    expect(row.rtoMet).toBeNull();
    expect(row.rtoVerdict).toBe('not met: 9 step(s) not done');
    expect(r.exercise!.afterAction.wentWell.join('\n')).not.toMatch(/RTO/);
    expect(r.exercise!.afterAction.toImprove.join('\n')).toMatch(/RTO for db could not be established: 9 of the steps/);
    expect(renderMarkdown(r)).not.toMatch(/\| met \|/);
  });

  it('shows unknown, not zero, when nothing was measured', () => {
    const r = report([], scenario([{ component: 'db', rto_seconds: 600, rpo_seconds: 60 }])).objectives.rows[0]!;
    expect(r.rto).toMatchObject({ seconds: null, basis: 'unknown' });
    expect(r.rpo).toMatchObject({ seconds: null, basis: 'unknown', source: 'no recovery point read on the timeline' });
    expect([r.rtoMet, r.rpoMet]).toEqual([null, null]);
  });

  it('measures RTO from impact start to mitigation, and estimates it from detection when impact start is unknown', () => {
    const measured = report([ms('impact-started', 1), ms('detected', 5), ms('mitigated', 21)], scenario([{ component: 'db', rto_seconds: 600 }])).objectives.rows[0]!;
    expect(measured.rto).toMatchObject({ seconds: 20 * 60, basis: 'measured' });
    expect(measured.rtoMet).toBe(false);
    const estimated = report([ms('detected', 5), ms('resolved', 12)], scenario([{ component: 'db', rto_seconds: 600 }])).objectives.rows[0]!;
    expect(estimated.rto).toMatchObject({ seconds: 7 * 60, basis: 'estimated' });
    expect(estimated.rto.source).toContain('impact start unknown');
    expect(estimated.rtoMet).toBe(true);
  });

  it('takes a component\'s RTO from the step that recovers it', () => {
    const rows: E[] = [ms('impact-started', 1), [3, 'step.started', { scenario: 's', step: 'restore' }], [9, 'step.completed', { scenario: 's', step: 'restore' }], ms('mitigated', 30)];
    const r = report(rows, scenario([{ component: 'db', rto_seconds: 600 }, { component: 'web', rto_seconds: 600 }], [{ id: 'restore', title: 'Restore', role: 'dba', component: 'db' }])).objectives.rows;
    expect(r[0]!.rto.seconds).toBe(8 * 60);
    expect(r[0]!.rto.source).toContain('step s/restore done');
    expect(r[1]!.rto.seconds).toBe(29 * 60);
  });

  it('says "0 by design" for a Multi-AZ objective, even when a read exists', () => {
    const r = report([ms('impact-started', 1), rp(5, { lagSeconds: 12 })], scenario([{ component: 'db', rpo_seconds: 0, rpo_by_design: true }])).objectives.rows[0]!;
    expect(r.rpo.basis).toBe('by-design');
    expect(r.rpoMet).toBe(true);
    expect(renderMarkdown(report([], scenario([{ component: 'db', rpo_seconds: 0, rpo_by_design: true }])))).toContain('| 0 by design | 0 by design | met (by design) |');
  });

  it('derives RPO from the latest restorable time against impact start, or from replication lag', () => {
    const gap = report([ms('impact-started', 10), rp(20, { latestRestorable: at(8) })], scenario([{ component: 'db', rpo_seconds: 60 }])).objectives.rows[0]!;
    expect(gap.rpo).toMatchObject({ seconds: 120, basis: 'measured' });
    expect(gap.rpoMet).toBe(false);
    const covered = report([ms('impact-started', 10), rp(20, { latestRestorable: at(15) })], scenario([{ component: 'db', rpo_seconds: 60 }])).objectives.rows[0]!;
    expect(covered.rpo).toMatchObject({ seconds: 0, basis: 'measured' });
    const lag = report([rp(20, { lagSeconds: 42, measured: false })], scenario([{ component: 'db', rpo_seconds: 60 }])).objectives.rows[0]!;
    expect(lag.rpo).toMatchObject({ seconds: 42, basis: 'estimated' });
    const noRef = report([rp(20, { latestRestorable: at(15) })], scenario([{ component: 'db', rpo_seconds: 60 }])).objectives.rows[0]!;
    expect(noRef.rpo).toMatchObject({ seconds: null, basis: 'unknown' });
  });

  it('refuses a negative RTO when milestones are out of order', () => {
    const r = report([ms('impact-started', 30), ms('mitigated', 10)], scenario([{ component: 'db', rto_seconds: 600 }])).objectives.rows[0]!;
    expect(r.rto).toMatchObject({ seconds: null, basis: 'unknown' });
    expect(r.rto.source).toContain('out of order');
  });

  it('without scenario data reports targets unknown and an incident-wide row', () => {
    const o = report([ms('impact-started', 1), ms('mitigated', 11)]).objectives;
    expect(o.targetsKnown).toBe(false);
    expect(o.rows).toHaveLength(1);
    expect(o.rows[0]).toMatchObject({ targetRto: null, rtoMet: null, rto: { seconds: 600 } });
  });
});

describe('draft, durations and cadence', () => {
  it('is a draft until resolved or closed, and an ongoing impact has no duration', () => {
    const open = report([ms('impact-started', 1)]);
    expect(open.draft).toBe(true);
    expect(open.impact).toMatchObject({ ongoing: true, seconds: null });
    expect(renderMarkdown(open)).toMatch(/^# DRAFT Incident report/);
    expect(report([[5, 'status.changed', { status: 'closed' }]]).draft).toBe(false);
  });

  it('a step that never started has no duration rather than zero', () => {
    const steps = report([[4, 'step.completed', { scenario: 's', step: 'a' }]]).steps;
    expect(steps[0]).toMatchObject({ status: 'done', seconds: null });
  });

  it('checks updates against the cadence given in the input', () => {
    const rows: E[] = [ms('declared', 0), [2, 'comms.sent', { channel: 'status', text: 'first' }], [14, 'comms.sent', { channel: 'status', text: 'second' }]];
    const strict = report(rows, [], { cadence: { firstUpdateMinutes: 1, cadenceMinutes: 10 } }).comms;
    expect(strict.sent.map((c) => c.lateBySeconds)).toEqual([60, 120]);
    expect(strict.cadence.late.at(-1)).toMatchObject({ sentAt: null });
    const loose = report(rows).comms;
    expect(loose.sent.map((c) => c.lateBySeconds)).toEqual([null, null]);
  });
});

describe('exercise', () => {
  it('times each inject to the first participant event that is not a clock, inject or machine event', () => {
    const rows: E[] = [
      [1, 'exercise.inject', { inject: 'i1', text: 'alarm' }, 'fac'],
      [2, 'exercise.clock', { control: 'pause' }, 'fac'],
      [3, 'alarm.changed', { alarm: 'a', from: 'OK', to: 'ALARM' }, 'system'],
      [6, 'note', { text: 'looking' }, 'bo'],
    ];
    const events = timeline(rows, 'exercise');
    const m = buildReport({ events, state: foldIncident(events), scenarios: [], now: T0 + 3_600_000, verification: { ok: true, count: 5, headHash: 'h' } });
    // The drill was paused from minute 2: the response took one minute of exercise time, not five on the wall.
    expect(m.exercise!.injects[0]!.response).toMatchObject({ by: 'bo', kind: 'note', seconds: 60 });
    expect(m.actionItems.every((a) => a.origin === 'after-action')).toBe(true);
    expect(m.actionItems.map((a) => a.text)).toEqual(m.exercise!.afterAction.toImprove);
  });

  it('a live incident has no exercise section', () => {
    expect(report([]).exercise).toBeNull();
  });
});

describe('sanitizing event text', () => {
  const hostile = '<script>alert(1)</script>\u001b]0;pwned\u0007 | \u001b[31mred';
  const m = () => report([[1, 'note', { text: hostile }], [2, 'decision', { text: hostile }]], [], {});
  it('escapes HTML and strips terminal controls in Markdown', () => {
    const md = renderMarkdown(m());
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script>');
    expect(md).not.toMatch(/\u001b|\u0007/);
    expect(md).not.toContain('pwned');
  });
  it('escapes HTML and strips terminal controls in HTML', () => {
    const html = renderHtml(m());
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/\u001b|\u0007/);
  });
});
