import { mkdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock, type TimelineEvent } from '../../src/core/index.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const T0 = Date.parse('2026-11-21T10:00:00.000Z');

async function declare(dir: string, extra: string[] = []) {
  const r = await runCli(['new', '--title', 'Aurora writer down', '--severity', 'P2', '--state-dir', dir, ...extra]);
  expect(r.err).toEqual([]);
  expect(r.code).toBe(0);
  return r.out[0]!;
}
const events = (dir: string, id: string) =>
  readFileSync(join(dir, 'incidents', `${id}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TimelineEvent);

describe('warroom CLI', () => {
  it('new prints the id and records the opening event with the actor', async () => {
    const dir = tempDir();
    const id = await declare(dir, ['--exercise', '--param', 'cluster=prod-aurora']);
    expect(id).toMatch(/^INC-20261121-[0-9A-Z]{4}$/);
    expect(events(dir, id)[0]).toMatchObject({ seq: 1, actor: 'tester', kind: 'incident.opened', data: { id, severity: 'SEV2', mode: 'exercise', params: { cluster: 'prod-aurora' } } });
  });

  it('new --json prints data', async () => {
    const dir = tempDir();
    const r = await runCli(['new', '--title', 't', '--severity', 'SEV3', '--json', '--state-dir', dir]);
    expect(JSON.parse(r.out[0]!)).toMatchObject({ seq: 1, severity: 'SEV3', mode: 'live' });
  });

  it('takes the actor from --actor, then WARROOM_ACTOR', async () => {
    const dir = tempDir();
    const id = await declare(dir);
    await runCli(['log', id, 'from flag', '--actor', 'scribe-sam', '--state-dir', dir]);
    expect(events(dir, id)[1]!.actor).toBe('scribe-sam');
  });

  it('uses WARROOM_STATE_DIR when --state-dir is absent', async () => {
    const dir = tempDir();
    const r = await runCli(['new', '--title', 't', '--severity', 'SEV4'], { env: { WARROOM_STATE_DIR: dir } });
    expect(r.code).toBe(0);
    expect(events(dir, r.out[0]!)).toHaveLength(1);
  });

  it.each([
    [['log', '{id}', 'restoring', 'to', 'new', 'table'], 'note', { text: 'restoring to new table' }],
    [['log', '{id}', '--kind', 'decision', 'fail over to DR'], 'decision', { text: 'fail over to DR' }],
    [['log', '{id}', '--kind', 'action', 'add an alarm'], 'action_item.added', { text: 'add an alarm' }],
    [['log', '{id}', '--kind', 'comms', 'we are investigating'], 'comms.sent', { channel: 'status', text: 'we are investigating' }],
    [['mark', '{id}', 'impact-started', '--at', '2026-11-21T09:30:00Z'], 'milestone.set', { milestone: 'impact-started', at: '2026-11-21T09:30:00.000Z', backdated: true }],
    [['mark', '{id}', 'detected'], 'milestone.set', { milestone: 'detected', at: '2026-11-21T10:00:00.000Z', backdated: false }],
    [['severity', '{id}', 'sev1', '--reason', 'all regions'], 'severity.changed', { severity: 'SEV1', reason: 'all regions' }],
    [['status', '{id}', 'Mitigating'], 'status.changed', { status: 'mitigating' }],
    [['role', '{id}', 'IC', 'Ana Ruiz'], 'role.assigned', { role: 'incident-commander', name: 'Ana Ruiz' }],
    [['role', '{id}', 'Database Owner', 'Bo'], 'role.assigned', { role: 'database-owner', name: 'Bo' }],
    [['amend', '{id}', '1', 'title', 'should', 'say', 'reader'], 'amend', { target: 1, text: 'title should say reader' }],
  ])('%j appends one %s event and prints its seq', async (args, kind, data) => {
    const dir = tempDir();
    const id = await declare(dir);
    const r = await runCli([...args.map((a) => a.replace('{id}', id)), '--state-dir', dir]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual(['2']);
    const ev = events(dir, id);
    expect(ev).toHaveLength(2);
    expect(ev[1]).toMatchObject({ seq: 2, kind, data });
  });

  it('log --stdin appends one event per non-empty line and prints each seq', async () => {
    const dir = tempDir();
    const id = await declare(dir);
    const r = await runCli(['log', id, '--stdin', '--state-dir', dir], { stdin: 'first\n\nsecond\nthird' });
    expect(r.out).toEqual(['2', '3', '4']);
    expect(events(dir, id).slice(1).map((e) => e.data.text)).toEqual(['first', 'second', 'third']);
  });

  it.each([
    [['new', '--title', 't', '--severity', 'SEV9'], 2, 'warroom: unknown severity "SEV9" (use SEV1, SEV2, SEV3 or SEV4; P1..P4 also accepted)'],
    [['log', 'INC-20261121-ZZZZ', 'x'], 3, /^warroom: unknown incident id "INC-20261121-ZZZZ": no journal at .* \(see "warroom list"\)$/],
    [['show', 'nonsense'], 3, 'warroom: unknown incident id "nonsense": ids look like INC-20261121-7QK2 (see "warroom list")'],
    [['mark', '{id}', 'fixed'], 2, 'warroom: unknown milestone "fixed" (use one of impact-started, detected, declared, mitigated, resolved)'],
    [['mark', '{id}', 'detected', '--at', '09:30'], 2, 'warroom: --at "09:30" is not an ISO 8601 time with a zone, e.g. 2026-11-21T09:30Z'],
    [['mark', '{id}', 'detected', '--at', '2026-11-22T09:30:00Z'], 2, 'warroom: --at "2026-11-22T09:30:00Z" (2026-11-22T09:30:00.000Z) is in the future (use a time up to now: an ISO 8601 time with a zone, e.g. 2026-11-21T09:30Z)'],
    [['status', '{id}', 'done'], 2, 'warroom: unknown status "done" (use one of triage, declared, mitigating, recovered, resolved, closed)'],
    [['amend', '{id}', '7', 'x'], 3, /has no seq 7 \(its last seq is 1\)/],
    [['amend', '{id}', 'abc', 'x'], 2, 'warroom: seq "abc" is not a positive whole number (give the seq shown by "warroom timeline ID")'],
    [['log', '{id}'], 2, 'warroom: nothing to log (give the text, or --stdin to read lines from a pipe)'],
    [['severity', '{id}', 'P2'], 2, /^warroom: INC-\d{8}-\w{4} is already SEV2; nothing was recorded \(give another severity to change it\)$/],
  ])('%j fails with one clear line and writes nothing', async (args, code, message) => {
    const dir = tempDir();
    const id = await declare(dir);
    const r = await runCli([...args.map((a) => a.replace('{id}', id)), '--state-dir', dir]);
    expect(r.code).toBe(code);
    expect(r.err).toHaveLength(1);
    if (typeof message === 'string') expect(r.err[0]).toBe(message);
    else expect(r.err[0]).toMatch(message);
    expect(events(dir, id)).toHaveLength(1);
  });

  it('reports a state dir that is not a directory', async () => {
    const file = join(tempDir(), 'not-a-dir');
    writeFileSync(file, 'x');
    const r = await runCli(['new', '--title', 't', '--severity', 'SEV1', '--state-dir', file]);
    expect(r.code).toBe(5);
    expect(r.err).toEqual([expect.stringMatching(/^warroom: could not use the state dir at .*not-a-dir: /)]);
  });

  it('refuses a journal that is a symbolic link, in every command, and follows it nowhere', async () => {
    const dir = tempDir();
    const id = await declare(dir);
    const path = join(dir, 'incidents', `${id}.jsonl`);
    const outside = join(tempDir(), 'elsewhere.jsonl');
    writeFileSync(outside, readFileSync(path));
    unlinkSync(path);
    symlinkSync(outside, path);
    for (const args of [['log', id, 'x'], ['show', id], ['verify', id], ['head', id], ['timeline', id]]) {
      const r = await runCli([...args, '--state-dir', dir]);
      expect(r.code).toBe(4);
      expect(r.err).toEqual([`warroom: the journal of ${id} at ${path} is a symbolic link to ${outside}, and journals are used only in place (replace the link with the journal file itself)`]);
    }
    expect(readFileSync(outside, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('show prints the folded state, and --json the whole of it', async () => {
    const dir = tempDir();
    const id = await declare(dir);
    await runCli(['mark', id, 'impact-started', '--at', '2026-11-21T09:00:00Z', '--state-dir', dir]);
    await runCli(['role', id, 'ic', 'Ana', '--state-dir', dir]);
    const text = await runCli(['show', id, '--state-dir', dir]);
    expect(text.out).toContain(`${id}  Aurora writer down`);
    expect(text.out).toContain('  impact-started  2026-11-21 09:00:00.000Z (back-dated)');
    expect(text.out).toContain('roles: incident-commander=Ana');
    const json = JSON.parse((await runCli(['show', id, '--json', '--state-dir', dir])).out.join('\n'));
    expect(json).toMatchObject({ id, severity: 'SEV2', status: 'triage', lastSeq: 3, roles: { 'incident-commander': ['Ana'] } });
  });

  it('list shows every incident, newest first', async () => {
    const dir = tempDir();
    const clock = fixedClock(T0);
    const a = (await runCli(['new', '--title', 'first', '--severity', 'SEV3', '--state-dir', dir], { clock })).out[0];
    clock.advance(60_000);
    const b = (await runCli(['new', '--title', 'second', '--severity', 'SEV1', '--state-dir', dir], { clock })).out[0];
    const list = JSON.parse((await runCli(['list', '--json', '--state-dir', dir])).out.join('\n')) as { id: string }[];
    expect(list.map((i) => i.id)).toEqual([b, a]);
    const text = await runCli(['list', '--state-dir', dir]);
    expect(text.out[0]).toBe('ID\tSEV\tSTATUS\tMODE\tOPENED (UTC)\tEVENTS\tTITLE');
    expect(text.out[1]).toBe(`${b}\tSEV1\ttriage\tlive\t2026-11-21 10:01\t1\tsecond`);
  });

  it('timeline renders text with UTC and local time, and csv/jsonl/json', async () => {
    const dir = tempDir();
    const id = await declare(dir);
    await runCli(['log', id, 'comma, "quoted"', '--state-dir', dir]);
    const text = await runCli(['timeline', id, '--state-dir', dir], { env: { TZ: 'Europe/Madrid' } });
    expect(text.out[1]).toBe('    2  2026-11-21 10:00:00.000Z (11:00:00 CET)  tester  note  comma, "quoted"');
    const csv = await runCli(['timeline', id, '--format', 'csv', '--state-dir', dir]);
    expect(csv.out[0]).toBe('seq,ts,actor,kind,text');
    expect(csv.out[2]).toBe('2,2026-11-21T10:00:00.000Z,tester,note,"comma, ""quoted"""');
    const jsonl = await runCli(['timeline', id, '--format', 'jsonl', '--state-dir', dir]);
    expect(jsonl.out.map((l) => JSON.parse(l).seq)).toEqual([1, 2]);
    const json = await runCli(['timeline', id, '--format', 'json', '--kind', 'note', '--state-dir', dir]);
    expect(JSON.parse(json.out.join('\n')).map((e: TimelineEvent) => e.kind)).toEqual(['note']);
  });

  it('timeline text strips terminal escapes from recorded text', async () => {
    const dir = tempDir();
    const id = await declare(dir);
    await runCli(['log', id, 'ok\u001b]0;pwned\u0007 \u001b[2Jdone', '--state-dir', dir]);
    const text = await runCli(['timeline', id, '--state-dir', dir]);
    expect(text.out[1]).toMatch(/note  ok done$/);
  });

  it('verify reports ok with the event count and head hash', async () => {
    const dir = tempDir();
    const id = await declare(dir);
    const r = await runCli(['verify', id, '--json', '--state-dir', dir]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out[0]!)).toMatchObject({ id, ok: true, events: 1, firstBad: null });
  });

  it('prints help for the program and each command, and the version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out.join('\n')).toMatch(/Usage: warroom \[options\] \[command\][\s\S]*new \[options\]/);
    const logHelp = await runCli(['log', '--help']);
    expect(logHelp.out.join('\n')).toMatch(/--stdin[\s\S]*--state-dir <dir>[\s\S]*--actor <name>/);
    const version = await runCli(['--version']);
    expect(version.out).toEqual([JSON.parse(readFileSync('package.json', 'utf8')).version]);
  });

  it('rejects unknown commands and options with exit 2', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['warroom: unknown command "frobnicate" (see warroom --help)']);
  });
});

describe('state dir permissions', () => {
  it('creates a missing nested state dir', async () => {
    const dir = join(tempDir(), 'a', 'b');
    mkdirSync(join(dir, '..'), { recursive: true });
    await declare(dir);
  });
});
