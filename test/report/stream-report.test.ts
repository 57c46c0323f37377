// The report written while the journal is read must be byte for byte the report rendered from every event
// in memory (reportModel + renderReport, kept as the oracle), in every format, for incidents that touch
// every section: a live incident, a drill, one with many notes, flapping alarms and corrections, one read
// from a checkpoint, one with a torn last line.
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCH_ID, generateJournal } from '../../bench/generate.js';
import { reportModel } from '../../src/cli/report-export.js';
import { streamReport } from '../../src/cli/report-stream.js';
import { fixedClock, WarroomError, type NewEvent } from '../../src/core/index.js';
import type { ScenarioInput } from '../../src/core/report/index.js';
import { REPORT_FORMATS, renderReport } from '../../src/report/render.js';
import { renderLayout } from '../../src/report/stream.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { Journal } from '../../src/store/journal.js';
import { REPORT_NOW } from './build-fixture.js';
import { at, DRILL_ID, drillScenarios, drillSteps, ORDERS_ID, ordersScenarios, ordersSteps, T0, writeIncident } from './fixtures.js';

type Step = ReturnType<typeof ordersSteps>[number];
const ev = (kind: string, data: Record<string, unknown>) => ({ kind, data }) as NewEvent;

/** The orders incident with a long, noisy middle: what the streamed path filters and groups. */
function noisySteps(): Step[] {
  const base = ordersSteps();
  const extra: Step[] = [];
  for (let i = 0; i < 60; i++) {
    const min = 19 + i * 0.1;
    extra.push([min, `r${i % 3}`, ev('note', { text: `observation ${i}: latency ${i} ms` })]);
    if (i % 6 === 0) extra.push([min, 'system', ev('alarm.changed', { alarm: `alarm-${i % 12}`, from: i % 12 ? 'OK' : 'ALARM', to: i % 12 ? 'ALARM' : 'OK' })]);
    if (i % 5 === 0) extra.push([min, 'system', ev('metric.snapshot', { metric: i % 10 ? 'throttles' : 'latency', unit: 'Count', points: [[at(min), i]] })]);
    if (i % 7 === 0) extra.push([min, 'carol', ev('comms.sent', { channel: 'status', text: `update ${i}` })]);
  }
  extra.push(
    [26, 'bob', ev('note', { text: 'went well: the restore runbook was current' })],
    [26, 'bob', ev('note', { text: 'Lesson: keep the pager rota in the runbook' })],
    [26, 'bob', ev('note', { text: 'lucky: it happened in office hours' })],
    [27, 'bob', ev('decision', { text: 'The trigger was the 08:30 deploy' })],
    [27, 'bob', ev('note', { text: 'not the root cause: the cache' })],
    [27, 'bob', ev('note', { text: 'a note in\nthree\tlines <b>&amp;</b>' })],
    [28, 'alice', ev('amend', { target: 20, text: 'observation corrected' })],
    // A step begun and finished again, and one finished twice: the drafts read the first start and the last finish.
    [28, 'bob', ev('step.started', { scenario: 'dynamodb-table-corruption', step: 'assess' })],
    [28, 'bob', ev('step.completed', { scenario: 'dynamodb-table-corruption', step: 'assess', text: 'recounted' })],
    [29, 'bob', ev('step.completed', { scenario: 'dynamodb-table-corruption', step: 'backup', text: 'second backup' })],
  );
  const after: Step[] = [
    [51, 'alice', ev('review.section', { section: 'summary', text: 'Orders were restored from PITR.', from: 'text' })],
    [53, 'alice', ev('post_check.recorded', { scenario: 'dynamodb-table-corruption', check: 'orders readable', result: 'passed' })],
    [54, 'alice', ev('action_item.updated', { target: 47, status: 'in-progress' })],
  ];
  return [...base.slice(0, 30), ...extra, ...base.slice(30), ...after];
}

/**
 * The orders incident with many overlapping snapshots (a later value for the same instant wins; the worst
 * value recorded twice and overwritten once) and alarms that flap, repeat a state, carry
 * their own time: what the streamed path folds instead of keeping.
 */
function snapshotSteps(): Step[] {
  const base = ordersSteps();
  const extra: Step[] = [];
  for (let i = 0; i < 200; i++) {
    const min = 19 + i * 0.05;
    const metric = ['latency', 'throttles', 'errors'][i % 3]!;
    // Instants on a 9-second grid: each is listed by six snapshots of its metric, with different values.
    const points = Array.from({ length: 6 }, (_, k) => [at(19, 3 * i - 9 * k), (i + k * 7) % 23]);
    if (i === 190) points.push([at(19, 300), 62]); // the worst value, for an instant eight snapshots listed before
    if (i === 199) points.push([at(19, 600), 62]); // the worst value again, later
    extra.push([min, 'system', ev('metric.snapshot', { metric, unit: 'Count', warning: 10, critical: 20, points })]);
    if (i % 2 === 0) {
      const to = i % 8 === 0 ? 'OK' : i % 8 === 2 ? 'OK' : 'ALARM';
      extra.push([min, 'system', ev('alarm.changed', { alarm: `alarm-${i % 5}`, from: 'OK', to, ...(i % 10 === 0 ? { at: at(min - 0.2), reason: `threshold crossed ${i}` } : {}) })]);
    }
  }
  return [...base.slice(0, 30), ...extra, ...base.slice(30)];
}

/** The orders runbook with its restore depending on the backup, so the drafts read the order of steps. */
const dependentScenarios: ScenarioInput[] = ordersScenarios.map((sc) => ({
  ...sc,
  steps: sc.steps.map((st) => (st.id === 'restore' ? { ...st, depends_on: ['backup'] } : st)),
}));

async function expectSameReports(store: IncidentStore, dir: string, id: string, scenarios: ScenarioInput[], now = REPORT_NOW) {
  for (const format of REPORT_FORMATS) {
    const { model } = reportModel(store, id, { now, stateDir: dir, scenarios });
    const oracle = renderReport(model, format);
    expect(renderLayout(model, format, model)).toBe(oracle);
    const printed: string[] = [];
    const r = streamReport(store, id, { format, now, stateDir: dir, scenarios }, { out: (l) => printed.push(`${l}\n`) });
    expect(printed.join('')).toBe(oracle);
    const written: string[] = [];
    streamReport(store, id, { format, now, stateDir: dir, scenarios }, { out: () => expect.fail('whole lines only without write'), write: (t) => written.push(t) });
    expect(written.join('')).toBe(oracle);
    expect(r.model.draft).toBe(model.draft);
    const out = join(dir, `report.${format}`);
    const toFile = streamReport(store, id, { format, now, stateDir: dir, scenarios, out }, { out: () => {} });
    expect(toFile.path).toBe(out);
    expect(readFileSync(out, 'utf8')).toBe(oracle);
  }
  // Nothing is left beside the output: no temporary document, no spill files.
  expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
}

describe('streamed report', () => {
  it('is the whole-array report of a live incident, in every format', async () => {
    const { store, dir } = await writeIncident(ORDERS_ID, ordersSteps());
    await expectSameReports(store, dir, ORDERS_ID, ordersScenarios);
  });

  it('is the whole-array report of a drill (an exercise keeps every event for the inject responses)', async () => {
    const { store, dir } = await writeIncident(DRILL_ID, drillSteps());
    await expectSameReports(store, dir, DRILL_ID, drillScenarios);
  });

  it('is the whole-array report of a long, noisy incident: notes, flapping alarms, grouped snapshots, corrections, review', async () => {
    const { store, dir } = await writeIncident(ORDERS_ID, noisySteps());
    const { model } = reportModel(store, ORDERS_ID, { now: REPORT_NOW, stateDir: dir, scenarios: dependentScenarios });
    expect(model.digest.some((d) => d.count > 1 && d.kind === 'alarm.changed')).toBe(true);
    expect(model.timeline.some((t) => t.corrections.length > 0)).toBe(true);
    expect(renderReport(model, 'md')).toContain('began before backup');
    await expectSameReports(store, dir, ORDERS_ID, dependentScenarios);
  });

  it('is the whole-array report of an incident with many overlapping snapshots and flapping alarms', async () => {
    const { store, dir } = await writeIncident(ORDERS_ID, snapshotSteps());
    const { model } = reportModel(store, ORDERS_ID, { now: REPORT_NOW, stateDir: dir, scenarios: ordersScenarios });
    expect(model.metrics.map((m) => m.metric)).toEqual(expect.arrayContaining(['latency', 'throttles', 'errors']));
    expect(model.alarmChanges.length).toBeGreaterThan(100);
    const drafts = model.review.sections.flatMap((s) => s.draft.map((d) => d.text)).join('\n');
    expect(drafts).toMatch(/reached 62 Count/);
    expect(drafts).toMatch(/was in ALARM from/);
    await expectSameReports(store, dir, ORDERS_ID, ordersScenarios);
  });

  it('is the whole-array report when the state comes from a checkpoint and events were appended after it', async () => {
    const dir = (await writeIncident(ORDERS_ID, ordersSteps().slice(0, 1))).dir;
    generateJournal(dir, 5_000);
    const clock = fixedClock(T0 + 6_000_000);
    const store = new IncidentStore(dir, clock);
    expect(store.state(BENCH_ID).resumedFrom).toBe(0); // folds it all, and writes the checkpoint
    await new Journal(store.journalPath(BENCH_ID), clock).append([ev('note', { text: 'after the checkpoint' }), ev('amend', { target: 7, text: 'corrected late' })], 'zoe');
    expect(store.state(BENCH_ID).resumedFrom).toBe(5_000);
    await expectSameReports(store, dir, BENCH_ID, [], T0 + 7_000_000);
  });

  it('is the whole-array report of a journal whose last line is torn', async () => {
    const { store, dir } = await writeIncident(ORDERS_ID, ordersSteps());
    appendFileSync(store.journalPath(ORDERS_ID), '{"seq":48,"ts":"2026-11-21T10:');
    await expectSameReports(store, dir, ORDERS_ID, ordersScenarios);
  });

  it('leaves an existing --out file as it was when the report fails, and no temporary file', async () => {
    const { store, dir } = await writeIncident(ORDERS_ID, ordersSteps());
    const out = join(dir, 'report.md');
    writeFileSync(out, 'the last good report\n');
    const journal = store.journalPath(ORDERS_ID);
    writeFileSync(journal, readFileSync(journal, 'utf8').replace('"Orders restored; monitoring"', '"Orders restored; monitorin!"'));
    expect(() => streamReport(store, ORDERS_ID, { format: 'md', now: REPORT_NOW, stateDir: dir, scenarios: ordersScenarios, out }, { out: () => {} })).toThrow(WarroomError);
    expect(readFileSync(out, 'utf8')).toBe('the last good report\n');
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
