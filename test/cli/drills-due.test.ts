// `warroom drills due`: each drill runbook's cadence against the exercises that ran it.
import { describe, expect, it } from 'vitest';
import { drillsDue } from '../../src/core/index.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-21T10:00:00.000Z');

describe('drillsDue', () => {
  const drills = [
    { id: 'a', title: 'A', cadence_seconds: 7 * 86_400 },
    { id: 'b', title: 'B', cadence_seconds: 90 * 86_400 },
    { id: 'c', title: 'C', cadence_seconds: 30 * 86_400 },
  ];
  it('is overdue when never run or last run longer ago than the cadence; the newest run counts', () => {
    const runs = [
      { scenario: 'a', at: new Date(T0 - 10 * DAY).toISOString(), incident: 'I1' },
      { scenario: 'a', at: new Date(T0 - 20 * DAY).toISOString(), incident: 'I0' },
      { scenario: 'b', at: new Date(T0 - 10 * DAY).toISOString(), incident: 'I2' },
    ];
    const rows = drillsDue(drills, runs, T0);
    expect(rows.map((r) => [r.id, r.overdue])).toEqual([['c', true], ['a', true], ['b', false]]);
    expect(rows.find((r) => r.id === 'a')).toMatchObject({ last: { incident: 'I1' }, overdueSeconds: 3 * 86_400 });
    expect(rows.find((r) => r.id === 'b')!.dueAt).toBe(new Date(T0 + 80 * DAY).toISOString());
  });
});

describe('warroom drills due', () => {
  it('lists every scheduled drill as due in an empty state dir, and drops one once an exercise ran it', async () => {
    const dir = tempDir();
    const first = await runCli(['drills', 'due', '--state-dir', dir]);
    expect(first.code).toBe(0);
    expect(first.out[0]).toBe('DRILL\tEVERY\tLAST RUN\tDUE\tTITLE');
    expect(first.out.join('\n')).toMatch(/^drill-az-failover\t90d\t-\tnow \(never run\)\t/m);
    const opened = await runCli(['new', '--title', 'Quarterly AZ drill', '--severity', 'SEV4', '--exercise', '--scenario', 'drill-az-failover', '--params-later', '--state-dir', dir]);
    expect(opened.code).toBe(0);
    const after = await runCli(['drills', 'due', '--state-dir', dir]);
    expect(after.out.join('\n')).not.toContain('drill-az-failover');
    const later = await runCli(['drills', 'due', '--json', '--state-dir', dir], { clock: { now: () => T0 + 91 * DAY } });
    const az = (JSON.parse(later.out.join('\n')) as { id: string; overdue: boolean; overdueSeconds: number }[]).find((r) => r.id === 'drill-az-failover');
    expect(az).toMatchObject({ overdue: true, overdueSeconds: 86_400 });
  });

  it('--all lists the drills that are not due too', async () => {
    const dir = tempDir();
    await runCli(['new', '--title', 'PITR drill', '--severity', 'SEV4', '--exercise', '--scenario', 'drill-pitr-restore', '--params-later', '--state-dir', dir]);
    const r = await runCli(['drills', 'due', '--all', '--state-dir', dir]);
    expect(r.out.join('\n')).toMatch(/^drill-pitr-restore\t90d\t2026-11-21 INC-\S+\t2027-02-19\t/m);
  });
});
