// The outbox across processes: `warroom comms send` is killed with SIGKILL while its requests are out,
// then `warroom comms flush` finishes the job without posting twice where the channel deduplicates,
// and says "delivery uncertain" where it cannot know.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, spawnBin } from '../support/bin.js';
import { pagerDutyReply, slackReply, startFakeChannel, tempStateDir, webhookReply, type FakeChannel } from './support.js';

let slack: FakeChannel, hook: FakeChannel, pd: FakeChannel;

beforeAll(async () => {
  [slack, hook, pd] = await Promise.all([startFakeChannel(slackReply), startFakeChannel(webhookReply), startFakeChannel(pagerDutyReply)]);
});
afterAll(async () => {
  await Promise.all([slack, hook, pd].map((s) => s.close()));
});

/** Runs the CLI without blocking this process's event loop (the fake channels live here). */
function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, WARROOM_ACTOR: 'tester', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function profile(dir: string): string {
  const path = join(dir, 'warroom.yaml');
  writeFileSync(
    path,
    [
      'services:',
      '  - name: orders',
      '    regions: [eu-west-2, eu-west-1]', // the profile's other keys are not ours to read
      '    resources: { table: orders }',
      '    channels:',
      '      timeout_seconds: 2',
      '      targets:',
      '        - { name: ops-slack, kind: slack, webhook: "env:SLACK_URL" }',
      '        - { name: status-hook, kind: webhook, url: "env:HOOK_URL", signing_secret: "env:HOOK_SECRET" }',
      `        - { name: oncall, kind: pagerduty, routing_key: "env:PD_KEY", events_url: "${pd.url}/v2/enqueue" }`,
      '      routing:',
      '        - { to: [ops-slack, status-hook, oncall] }',
      '',
    ].join('\n'),
  );
  return path;
}

describe('warroom comms (built CLI)', () => {
  it('kill -9 mid-send: flush re-sends PagerDuty with the same dedup key, marks the webhook uncertain, loses nothing', async () => {
    const dir = tempStateDir();
    const env = {
      WARROOM_STATE_DIR: dir,
      WARROOM_SERVICE_FILE: profile(dir),
      SLACK_URL: `${slack.url}/services/T0/B0/SLACKSECRETPATH`,
      HOOK_URL: `${hook.url}/in`,
      HOOK_SECRET: 'hook-signing-secret',
      PD_KEY: 'PDROUTINGKEY0000000000000000abcd',
    };
    const opened = await run(['new', '--title', 'Orders writes failing', '--severity', 'SEV1'], env);
    expect(opened.code, opened.stderr).toBe(0);
    const id = /INC-\d{8}-[0-9A-Z]{4}/.exec(opened.stdout)![0];

    hook.fault = 'hang';
    pd.fault = 'hang';
    const child = spawnBin(['comms', 'send', id, '--text', 'Writes failing since 08:40; failing over to eu-west-1.'], env);
    const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_c, sig) => res(sig)));
    await Promise.all([hook.nextRequest(), pd.nextRequest()]);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(slack.received).toHaveLength(1);

    const mid = await run(['comms', 'status', id], env);
    expect(mid.stdout).toMatch(/status-hook\s+sending/);
    expect(mid.stdout).toMatch(/oncall\s+sending/);

    hook.fault = 'ok';
    pd.fault = 'ok';
    // The killed process's lock goes stale after 10 s; until then a flush reports the outbox busy.
    let flushed = await run(['comms', 'flush'], env);
    for (let i = 0; i < 15 && /another warroom process/.test(flushed.stdout); i++) {
      await new Promise((r) => setTimeout(r, 1_000));
      flushed = await run(['comms', 'flush'], env);
    }
    expect(flushed.stdout).toMatch(/oncall\s+delivered/);
    expect(flushed.stdout).toMatch(/status-hook\s+uncertain\s+delivery uncertain/);
    expect(flushed.code).toBe(1); // not everything is known delivered

    expect(hook.received).toHaveLength(1);
    expect(slack.received).toHaveLength(1);
    expect(pd.received.map((r) => r.json.dedup_key)).toEqual([id, id]);

    const again = await run(['comms', 'flush'], env);
    expect(again.stdout).toContain('nothing to deliver');
    expect(pd.received).toHaveLength(2);

    const journal = readFileSync(join(dir, 'incidents', `${id}.jsonl`), 'utf8');
    expect(journal.match(/"kind":"comms.sent"/g)).toHaveLength(1);
    for (const secret of ['SLACKSECRETPATH', 'PDROUTINGKEY0000000000000000abcd', 'hook-signing-secret']) expect(journal).not.toContain(secret);
  }, 60_000);

  it('bad input is one line with a hint and exit 2', async () => {
    const dir = tempStateDir();
    const env = { WARROOM_STATE_DIR: dir, WARROOM_SERVICE_FILE: profile(dir), SLACK_URL: 'x', HOOK_URL: 'x', HOOK_SECRET: 'x', PD_KEY: 'x' };
    const opened = await run(['new', '--title', 'x', '--severity', 'SEV2'], env);
    const id = /INC-\d{8}-[0-9A-Z]{4}/.exec(opened.stdout)![0];
    const noText = await run(['comms', 'send', id], env);
    expect(noText.code).toBe(2);
    expect(noText.stderr.trim().split('\n')).toEqual(['warroom: give the update as --text T or --file F (exactly one)']);
    const unknown = await run(['comms', 'send', id, '--text', 'x', '--channel', 'nope'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^warroom: unknown channel "nope" \(configured: ops-slack, status-hook, oncall; see docs\/comms.md\)\n$/);

    writeFileSync(join(dir, 'plain.yaml'), 'services:\n  - name: orders\n    channels:\n      targets:\n        - { name: s, kind: slack, webhook: "https://hooks.slack.com/services/T/B/abc" }\n');
    const plain = await run(['comms', 'status', id, '--service', join(dir, 'plain.yaml')], env);
    void plain; // status reads only the timeline
    const test = await run(['channels', 'test', '--service', join(dir, 'plain.yaml')], env);
    expect(test.code).toBe(2);
    expect(test.stderr).toMatch(/^warroom: .*plain\.yaml: services\.orders\.channels\.targets\.0\.webhook: a Slack webhook URL is a secret: give a reference \(env:NAME, ssm:\/path or secretsmanager:id\), never the value \(see docs\/comms.md\)\n$/);
    expect(test.stderr).not.toContain('hooks.slack.com/services/T/B/abc');
  });

  it('comms preview prints what each routed channel would receive, and sends nothing', async () => {
    const dir = tempStateDir();
    const env = { WARROOM_STATE_DIR: dir, WARROOM_SERVICE_FILE: profile(dir) };
    const opened = await run(['new', '--title', 'Orders slow', '--severity', 'SEV2'], env);
    const id = /INC-\d{8}-[0-9A-Z]{4}/.exec(opened.stdout)![0];
    const counts = [slack, hook, pd].map((s) => s.received.length);
    const r = await run(['comms', 'preview', id, '--text', 'Latency is up; see https://status.example.com/x'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('--- ops-slack (slack) ---');
    expect(r.stdout).toContain('"color": "#F5A623"');
    expect(r.stdout).toContain('--- oncall (pagerduty) ---');
    expect(r.stdout).toContain('"routing_key": "<routing key>"');
    expect(r.stdout).not.toContain('https://status.example.com');
    expect([slack, hook, pd].map((s) => s.received.length)).toEqual(counts);
  });

  it('channels test reports per channel and a refused channel fails without leaking its URL', async () => {
    const dir = tempStateDir();
    const gone = await startFakeChannel(webhookReply);
    await gone.close();
    const env = { WARROOM_STATE_DIR: dir, WARROOM_SERVICE_FILE: profile(dir), SLACK_URL: `${slack.url}/services/T0/B0/TESTSECRET`, HOOK_URL: `${gone.url}/refused/HOOKSECRET`, HOOK_SECRET: 's3cr3t-sign', PD_KEY: 'PDKEY-TEST-0001' };
    const before = slack.received.length;
    const r = await run(['channels', 'test'], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ops-slack\s+slack\s+ok\s+HTTP 200/);
    expect(r.stdout).toMatch(/oncall\s+pagerduty\s+ok\s+/);
    expect(r.stdout).toMatch(/status-hook\s+webhook\s+FAILED\s+connection failed: ECONNREFUSED/);
    expect(r.stdout + r.stderr).not.toContain('HOOKSECRET');
    expect(slack.received.length).toBe(before + 1);
    expect(slack.received.at(-1)!.body).toContain('Test message');
  });
});
