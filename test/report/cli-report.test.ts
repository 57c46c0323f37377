// `warroom report`: formats, --out, the report.exported event, DRAFT marking and errors.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliHarness } from './cli-io.js';

let h: ReturnType<typeof cliHarness>;
let id: string;

async function timelineKinds() {
  const r = await h.run('timeline', id, '--format', 'jsonl');
  return r.out.split('\n').map((l) => JSON.parse(l) as { kind: string; data: Record<string, unknown> });
}

beforeEach(async () => {
  h = cliHarness();
  id = (await h.run('new', '--title', 'Orders <down>', '--severity', 'SEV2')).out;
  h.clock.advance(60_000);
  await h.run('mark', id, 'impact-started', '--at', '2026-11-21T08:50:00Z');
  await h.run('mark', id, 'detected');
  h.clock.advance(10 * 60_000);
  await h.run('mark', id, 'mitigated');
});

describe('warroom report', () => {
  it('prints Markdown by default, marked DRAFT while open, and records one report.exported event', async () => {
    const before = (await timelineKinds()).length;
    const r = await h.run('report', id);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# DRAFT Incident report: INC-\d{8}-\w{4} Orders &lt;down>/);
    expect(r.out).toContain('Targets unknown');
    expect(r.out).toContain('| incident (all components) | unknown | 21m 00s (measured) | unknown (no target) |');
    const after = await timelineKinds();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ kind: 'report.exported', data: { format: 'md', draft: true } });
    expect(after.at(-1)!.data.path).toBeUndefined();
  });

  it('is no longer a draft once resolved', async () => {
    await h.run('status', id, 'resolved');
    const r = await h.run('report', id);
    expect(r.out).toMatch(/^# Incident report/);
    expect(r.out).not.toContain('DRAFT');
    expect((await timelineKinds()).at(-1)).toMatchObject({ data: { draft: false } });
  });

  it('--format json prints the model with its schema version', async () => {
    const r = await h.run('report', id, '--format', 'json');
    const m = JSON.parse(r.out) as { schemaVersion: number; summary: { id: string }; draft: boolean; integrity: { verified: boolean; events: number } };
    expect(m).toMatchObject({ schemaVersion: 1, summary: { id }, draft: true, integrity: { verified: true, events: 5 } });
  });

  it('--out writes the file, then records its path', async () => {
    const file = join(h.dir, 'report.html');
    const r = await h.run('report', id, '--format', 'html', '--out', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^wrote DRAFT html report to .*report\.html \(recorded as seq 6\)$/);
    expect(readFileSync(file, 'utf8')).toMatch(/^<!doctype html>/);
    expect((await timelineKinds()).at(-1)).toMatchObject({ kind: 'report.exported', data: { format: 'html', path: file, draft: true } });
  });

  it('records nothing when the file cannot be written', async () => {
    const before = (await timelineKinds()).length;
    const r = await h.run('report', id, '--out', join(h.dir, 'no-such-dir', 'r.md'));
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/^warroom: could not write the report at .*r\.md: it does not exist$/);
    expect(await timelineKinds()).toHaveLength(before);
    expect(existsSync(join(h.dir, 'no-such-dir'))).toBe(false);
  });

  it('names an unknown id in one line with exit code 3', async () => {
    const r = await h.run('report', 'INC-20261121-NOPE');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/^warroom: unknown incident id "INC-20261121-NOPE"/);
    expect(r.err.split('\n')).toHaveLength(1);
  });

  it('rejects an unknown format with exit code 2', async () => {
    const r = await h.run('report', id, '--format', 'pdf');
    expect(r.code).toBe(2);
    expect(r.err).toContain("argument 'pdf' is invalid");
  });

  it('takes recovery targets from the catalog for the incident\'s scenarios', async () => {
    const other = (await h.run('new', '--title', 't', '--severity', 'SEV3', '--scenario', 'aurora-failover', '--params-later')).out;
    const r = await h.run('report', other);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/\| Aurora Database \| 5m/);
  });

  it('warns when a scenario is no longer in the catalog', async () => {
    const dir = join(h.dir, 'runbooks');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'mine.yaml');
    writeFileSync(file, readFileSync('src/scenarios/catalog/aurora-failover.yaml', 'utf8').replace(/^id: aurora-failover$/m, 'id: my-aurora-failover'));
    const other = (await h.run('new', '--title', 't', '--severity', 'SEV3', '--scenario', 'my-aurora-failover', '--params-later')).out;
    rmSync(file);
    const r = await h.run('report', other);
    expect(r.code).toBe(0);
    expect(r.err).toBe('warroom: warning: no scenario data for my-aurora-failover: recovery targets are shown as unknown');
  });
});

describe('catalog adapter', () => {
  it('maps a runbook to the report inputs, cadence included', async () => {
    const { toScenarioInput, cadenceOf } = await import('../../src/cli/report-catalog.js');
    const rb = { id: 'r', title: 'R', objectives: [{ component: 'db', rto_seconds: 60 }], steps: [{ id: 'a', title: 'A', role: 'dba', instructions: 'x' }], comms: { first_update_minutes: 10, cadence_minutes: 60 } };
    expect(toScenarioInput(rb)).toEqual({ id: 'r', title: 'R', objectives: [{ component: 'db', rto_seconds: 60 }], steps: [{ id: 'a', title: 'A', role: 'dba' }], metrics: [] });
    expect(cadenceOf([{ ...rb, comms: {} }, rb])).toEqual({ firstUpdateMinutes: 10, cadenceMinutes: 60 });
    expect(cadenceOf([])).toBeUndefined();
  });
});

describe('a journal that fails verification', () => {
  it('is refused with exit code 4, and reported with --force, saying where it fails', async () => {
    const { readFileSync: read, writeFileSync: write } = await import('node:fs');
    const path = join(h.dir, 'incidents', `${id}.jsonl`);
    write(path, read(path, 'utf8').replace('"impact-started"', '"detected"'));
    const refused = await h.run('report', id);
    expect(refused.code).toBe(4);
    expect(refused.err).toMatch(/^warroom: journal of .* fails verification at seq 2 .*--force/);
    const forced = await h.run('report', id, '--format', 'json', '--force');
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.out).integrity).toMatchObject({ verified: false, firstBad: expect.stringContaining('seq 2') });
  });
});
