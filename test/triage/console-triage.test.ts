// The console's triage questions and ranked list: "not sure" answers, the evidence beside each scenario,
// and no drill runbook offered for a live incident. Pure (the declare wizard's steps), then in a real pty.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declareSteps } from '../../src/ui/app/declare.js';
import { answerChoices, rankDetail } from '../../src/ui/app/triage-view.js';
import type { UiScenario } from '../../src/ui/scenario.js';
import { loadCatalog } from '../../src/scenarios/catalog.js';
import { startApp, type PtyApp } from '../e2e/pty.js';

const catalog = loadCatalog({ env: {} }).scenarios as unknown as UiScenario[];
const step = (steps: ReturnType<typeof declareSteps>, key: string) => steps.find((s) => s.key === key)!;

describe('triage questions', () => {
  it('offer "not sure" for scope, data, security and customer impact', () => {
    const steps = declareSteps('live', {}, catalog, []);
    expect(step(steps, 'scope').choices!.at(-1)).toEqual({ value: 'unknown', label: 'not sure yet' });
    for (const key of ['dataIntegrity', 'security', 'customerImpact']) expect(step(steps, key).choices!.at(-1)).toEqual({ value: 'unknown', label: 'not sure' });
  });

  it('keep the order of the answers that were there before', () => {
    expect(answerChoices(['no', 'yes', 'unknown']).map((c) => c.value)).toEqual(['no', 'yes', 'unknown']);
  });
});

describe('the ranked scenario list', () => {
  it('shows each scenario with its score and why it ranks, best first, never a drill', () => {
    const steps = declareSteps('live', { title: 'KMS key PendingDeletion, decrypt fails', scope: 'unknown' }, catalog, ['logs-kms-key-state']);
    const choices = step(steps, 'scenario').choices!;
    expect(choices[0]!.value).toBe('kms-key-deletion');
    expect(choices[0]!.detail).toMatch(/^score [\d.]+ · words "kms", "key", "decrypt", "pendingdeletion" \(pending deletion\) · alarm logs-kms-key-state \(\*-kms-\*\)$/);
    expect(choices.some((c) => c.value.startsWith('drill-'))).toBe(false);
    expect(choices.at(-1)!.value).toBe('(none)');
  });

  it('says when nothing matched', () => {
    expect(rankDetail(0, [])).toBe('score 0 · nothing matched');
  });

  it('offers every scenario for an exercise, drills included', () => {
    const choices = step(declareSteps('exercise', {}, catalog, []), 'scenario').choices!;
    expect(choices).toHaveLength(catalog.length);
    expect(choices.some((c) => c.value === 'drill-az-failover')).toBe(true);
  });
});

describe('in the console (real pty)', () => {
  let dir: string;
  let app: PtyApp | undefined;
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: new URL('../..', import.meta.url).pathname });
    dir = mkdtempSync(join(tmpdir(), 'warroom-triage-'));
  }, 120_000);
  afterAll(() => {
    app?.pty.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers "not sure" and shows the ranking with its reasons', async () => {
    app = startApp(['--state-dir', dir], { cols: 160, rows: 40 });
    const answer = async (question: string, keys: string) => {
      await app!.waitFor((s) => s.includes(question));
      app!.press(keys);
    };
    await app.waitFor((s) => s.includes('No incidents yet'));
    app.press('N');
    await answer('What is happening', 'Customers cannot download documents, objects missing\r');
    await answer('What is affected', 's3 documents bucket\r');
    await answer('Scope', 'not sure');
    await app.waitFor((s) => s.includes('> not sure yet'));
    app.press('\r');
    await answer('data integrity', 'not\r');
    await answer('security involved', 'not\r');
    await answer('Customer impact', 'not\r');
    await answer('Since when', '\r');
    await answer('Severity (suggested', '\r');
    await app.waitFor((s) => s.includes('Which scenario fits') && s.includes('s3-object-recovery'));
    const screen = app.screen();
    const first = screen.split('\n').find((l) => l.includes('> S3 object corruption'));
    expect(first, screen).toBeDefined();
    expect(first).toMatch(/score [\d.]+ · words "s3"/);
    // The highlighted scenario's reasons in full, below the list.
    expect(screen).toMatch(/^ {2}score [\d.]+ · words "s3", "objects" \(object\)/m);
    expect(screen).not.toMatch(/drill-/);
    expect(screen).not.toMatch(/Complete service outage.*words "down"/);
  }, 120_000);
});
