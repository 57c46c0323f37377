// A wait cut short by closing the console is reported when the console opens again: on screen and on the
// incident's timeline, once. The simulated AWS promotes a replica in 3-8 minutes of real time, so the console
// is quit while the runbook's wait is still polling.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, startApp, type PtyApp } from './pty.js';

const DOWN = '\u001b[B';
const REPLICA = 'document-mgmt-metadata-db-replica';
let dir: string;
const apps: PtyApp[] = [];

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: new URL('../..', import.meta.url).pathname });
  dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-wait-'));
});
afterAll(() => {
  for (const a of apps) a.pty.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** q, and y when the console asks first (a step in progress); resolves once the process has ended. */
async function quit(app: PtyApp) {
  let ended = false;
  void app.exited.then(() => (ended = true));
  app.press('q');
  await app.waitFor((s) => ended || s.includes('Quit anyway? (y/n)'));
  if (!ended) app.press('y');
  await app.exited;
}

const journal = (id: string) => readFileSync(join(dir, 'incidents', `${id}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; data: Record<string, unknown> });

describe('an interrupted wait', () => {
  it('is reported when the console opens again, on screen and on the timeline, once', async () => {
    const id = execFileSync(process.execPath, [CLI, '--state-dir', dir, 'new', '--title', 'replica promotion', '--severity', 'SEV2', '--scenario', 'rds-read-replica-promotion', '--param', `replica=${REPLICA}`, '--param', 'replica_region=us-west-2'], { encoding: 'utf8' }).trim();
    const first = startApp(['--state-dir', dir, '--allow-actions'], { cols: 160, rows: 48 });
    apps.push(first);
    await first.waitFor((s) => s.includes('replica promotion'), 15000);
    first.press('\r');
    await first.waitFor((s) => s.includes('check-lag'));
    first.press(`${DOWN}${DOWN}`);
    await first.settle();
    first.press('A');
    await first.waitFor((s) => s.includes(`Type ${REPLICA} to run rds PromoteReadReplica`));
    first.press(`${REPLICA}\r`);
    // The call is made and the wait polls: the journal holds the success, and no state read after it yet.
    await first.waitFor(() => journal(id).some((e) => e.kind === 'aws.action.succeeded'), 15000);
    expect(journal(id).some((e) => e.kind === 'aws.read' && (e.data.values as Record<string, unknown>)?.phase === 'after')).toBe(false);
    await quit(first);

    const second = startApp(['--state-dir', dir], { cols: 160, rows: 48 });
    apps.push(second);
    await second.waitFor((s) => s.includes('was interrupted when the console closed'), 15000);
    const reports = journal(id).filter((e) => e.kind === 'aws.read' && (e.data.values as Record<string, unknown>)?.check === 'wait-interrupted');
    expect(reports).toHaveLength(1);
    expect(reports[0]!.data.summary).toMatch(/rds PromoteReadReplica on document-mgmt-metadata-db-replica \(step promote\) was interrupted when the console closed; it is not proved/);
    await quit(second);

    // Reported once: a third opening finds nothing new to report.
    const third = startApp(['--state-dir', dir], { cols: 160, rows: 48 });
    apps.push(third);
    await third.waitFor((s) => s.includes('replica promotion'), 15000);
    await third.settle();
    await quit(third);
    expect(journal(id).filter((e) => (e.data.values as Record<string, unknown> | undefined)?.check === 'wait-interrupted')).toHaveLength(1);
  }, 90_000);
});
