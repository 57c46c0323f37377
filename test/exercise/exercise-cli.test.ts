import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('warroom exercise --script', () => {
  it('prints the drill schedule with the facilitator lines, filled with the runbook examples', async () => {
    const r = await runCli(['exercise', 'dynamodb-table-corruption', '--script', '--speed', '10']);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^Exercise script: .+ \(dynamodb-table-corruption\)$/);
    expect(r.out[1]).toMatch(/^speed x10; \d+ injects; params /);
    const injectLines = r.out.filter((l) => /^T\+/.test(l));
    expect(injectLines.length).toBeGreaterThanOrEqual(3);
    expect(injectLines[0]).toMatch(/^T\+0:00 +\(real 0:00\) +\[\w+\] /);
    expect(r.out.filter((l) => l.trim().startsWith('facilitator: '))).toHaveLength(injectLines.length);
    expect(r.out.join('\n')).not.toContain('{{');
    // Who each inject is for and how it arrives, as the runbook aims it.
    expect(r.out.find((l) => l.includes('Engineering manager:'))).toMatch(/\[message\] \(for player by email\) Engineering manager:/);
  });

  it('is the same drill for the same seed, and JSON on request', async () => {
    const a = await runCli(['exercise', 'aurora-failover', '--script', '--seed', 'blue-team', '--json']);
    const b = await runCli(['exercise', 'aurora-failover', '--script', '--seed', 'blue-team', '--json']);
    const c = await runCli(['exercise', 'aurora-failover', '--script', '--seed', 'red-team', '--json']);
    const times = (r: typeof a) => (JSON.parse(r.out.join('\n')) as { schedule: { atSeconds: number }[] }).schedule.map((i) => i.atSeconds);
    expect(times(a)).toEqual(times(b));
    expect(times(a)).not.toEqual(times(c));
  });

  it.each([
    [['exercise', 'no-such-scenario', '--script'], 3, /unknown scenario|no-such-scenario/],
    [['exercise', 'aurora-failover', '--script', '--speed', '100'], 2, /speed 100 is not a speed from x1 to x60 \(e\.g\. --speed 5\)/],
    [['exercise', 'aurora-failover', '--script', '--param', 'cluster=bad_name!'], 2, /param "cluster"/],
  ])('%j fails with one line', async (args, code, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(code);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(message);
  });
});
