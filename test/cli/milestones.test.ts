// Milestones keep their order from the command line; resolving sets the status; a correction is an amendment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/core/index.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const events = (dir: string, id: string) =>
  readFileSync(join(dir, 'incidents', `${id}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TimelineEvent);

async function declared(dir: string) {
  const r = await runCli(['new', '--title', 'Orders down', '--severity', 'SEV2', '--state-dir', dir]);
  return r.out[0]!;
}

describe('warroom mark', () => {
  it('refuses a milestone before the one it must follow, in one line naming it, and writes nothing', async () => {
    const dir = tempDir();
    const id = await declared(dir);
    expect((await runCli(['mark', id, 'impact-started', '--at', '2026-11-21T09:30:00Z', '--state-dir', dir])).code).toBe(0);
    const before = events(dir, id).length;
    const r = await runCli(['mark', id, 'mitigated', '--at', '2026-11-20T15:30:00Z', '--state-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['warroom: mitigated at 2026-11-20T15:30:00.000Z would be before impact-started (2026-11-21T09:30:00.000Z) (check the time, or correct the other milestone first)']);
    expect(events(dir, id)).toHaveLength(before);
    const later = await runCli(['mark', id, 'impact-started', '--at', '2026-11-21T09:59:00Z', '--state-dir', dir]);
    expect(later.code).toBe(0);
    const bad = await runCli(['mark', id, 'detected', '--at', '2026-11-21T09:40:00Z', '--state-dir', dir]);
    expect(bad.err).toEqual([expect.stringContaining('would be before impact-started')]);
  });

  it('records a second mark of the same milestone as an amendment of the first', async () => {
    const dir = tempDir();
    const id = await declared(dir);
    await runCli(['mark', id, 'detected', '--at', '2026-11-21T09:40:00Z', '--state-dir', dir]);
    const first = events(dir, id).at(-1)!;
    const r = await runCli(['mark', id, 'detected', '--at', '2026-11-21T09:45:00Z', '--state-dir', dir]);
    expect(r.code).toBe(0);
    const [amend, set] = events(dir, id).slice(-2);
    expect(amend).toMatchObject({ kind: 'amend', data: { target: first.seq, text: 'corrected: detected was 2026-11-21T09:40:00.000Z, is 2026-11-21T09:45:00.000Z' } });
    expect(set).toMatchObject({ kind: 'milestone.set', data: { milestone: 'detected', at: '2026-11-21T09:45:00.000Z' } });
    expect(r.out).toEqual([String(set!.seq)]);
  });

  it('mark resolved sets the status; status resolved sets the milestone', async () => {
    const dir = tempDir();
    const id = await declared(dir);
    await runCli(['mark', id, 'resolved', '--state-dir', dir]);
    expect(events(dir, id).slice(-2).map((e) => [e.kind, e.data.status ?? e.data.milestone])).toEqual([['milestone.set', 'resolved'], ['status.changed', 'resolved']]);
    const other = await declared(dir);
    await runCli(['status', other, 'resolved', '--state-dir', dir]);
    expect(events(dir, other).slice(-2).map((e) => [e.kind, e.data.status ?? e.data.milestone])).toEqual([['status.changed', 'resolved'], ['milestone.set', 'resolved']]);
  });
});
