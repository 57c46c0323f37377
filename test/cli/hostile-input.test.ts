// Hostile input at the CLI: usage errors, escape sequences, impossible dates, bad timestamps in a journal,
// over-long input lines. Usage errors, pipes and escapes are checked on the built CLI in a real process.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock, type TimelineEvent } from '../../src/core/index.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { hashEvent } from '../../src/store/journal.js';
import { CLI, runBin } from '../support/bin.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

/** ESC, CSI, OSC (title and clipboard), BEL, a C1 CSI and a C1 OSC: each would act on a terminal. */
const HOSTILE = '\u001b[31mred\u001b[0m\u001b]0;pwned\u0007\u001b]52;c;cm0gLXJmIH4=\u0007\u009b2J\u009d0;x\u009c\u0007bell';
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

async function declare(dir: string): Promise<string> {
  const r = await runCli(['new', '--title', 'hostile', '--severity', 'SEV2', '--state-dir', dir]);
  expect(r.code).toBe(0);
  return r.out[0]!;
}

const oneLine = (stderr: string) => stderr.replace(/\n$/, '').split('\n');

describe('usage errors are one line: warroom: <what is wrong> (<what to do>), exit 2', () => {
  const state = () => tempDir('warroom-usage-');
  const cases: [string, string[], RegExp][] = [
    ['unknown option', ['list', '--bogus'], /unknown option '--bogus'/],
    ['missing argument', ['log'], /missing required argument 'id'/],
    ['invalid choice', ['log', 'X', '--kind', 'nope', 'hi'], /argument 'nope' is invalid/],
    ['missing required option', ['new', '--severity', 'SEV1'], /required option '--title <text>' not specified/],
    ['too many arguments', ['show', 'a', 'b', 'c'], /too many arguments for 'show'/],
    ['unknown subcommand', ['scenarios', 'bogus'], /unknown command 'bogus'/],
    ['option missing its value', ['list', '--state-dir'], /option '--state-dir <dir>' argument missing/],
  ];
  for (const [what, args, message] of cases) {
    it(what, () => {
      const r = runBin(['--state-dir', state(), ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      const lines = oneLine(r.stderr);
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^warroom: [^\n]+ \([^\n]+\)$/);
      expect(lines[0]).toMatch(message);
    });
  }

  it('an echoed value holding escape sequences is printed without them', () => {
    const r = runBin(['--state-dir', state(), 'log', 'X', '--kind', HOSTILE, 'hi']);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(r.stderr).not.toMatch(CONTROL);
    expect(r.stderr).toMatch(/^warroom: option '--kind <kind>' argument '.*red.*' is invalid/);
  });
});

describe('error messages that echo input pass the sanitizer', () => {
  it('an unknown incident id with escapes', () => {
    const r = runBin(['--state-dir', tempDir('warroom-echo-'), 'show', `INC-${HOSTILE}`]);
    expect(r.code).not.toBe(0);
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^warroom: /);
    expect(r.stderr).not.toMatch(CONTROL);
  });

  it('a bad --param value and a bad --at value', async () => {
    const dir = tempDir('warroom-echo-');
    const id = await declare(dir);
    for (const args of [
      ['new', '--title', 't', '--severity', 'SEV2', '--scenario', 'dynamodb-table-corruption', '--param', `table=${HOSTILE}`],
      ['mark', id, 'detected', '--at', `2026-01-01T00:00Z${HOSTILE}`],
      ['severity', id, HOSTILE],
    ]) {
      const r = runBin(['--state-dir', dir, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(oneLine(r.stderr)).toHaveLength(1);
      expect(r.stderr).not.toMatch(CONTROL);
    }
  });
});

describe('new --param is checked against the chosen scenarios', () => {
  it('refuses a param no chosen scenario declares, and one that fails its pattern; accepts a good one', async () => {
    const dir = tempDir('warroom-param-');
    const base = ['new', '--title', 't', '--severity', 'SEV2', '--scenario', 'dynamodb-table-corruption', '--params-later', '--state-dir', dir];
    const unknown = await runCli([...base, '--param', 'tabel=orders']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toEqual([expect.stringMatching(/^warroom: no chosen scenario has a param "tabel"; their params are .*table/)]);
    const bad = await runCli([...base, '--param', 'table=a b']);
    expect(bad.code).toBe(2);
    expect(bad.err).toEqual([expect.stringMatching(/^warroom: param "table" = "a b" does not match/)]);
    const good = await runCli([...base, '--param', 'table=orders']);
    expect(good.code, good.err.join('\n')).toBe(0);
  });
  it('accepts where the incident is (region, primary_region, dr_region) whatever the runbooks declare, as region names only', async () => {
    const dir = tempDir('warroom-param-');
    const base = ['new', '--title', 't', '--severity', 'SEV2', '--scenario', 'region-failure-dr-failover', '--params-later', '--state-dir', dir];
    const good = await runCli([...base, '--param', 'region=eu-west-2', '--param', 'dr_region=eu-west-1']);
    expect(good.code, good.err.join('\n')).toBe(0);
    const bad = await runCli([...base, '--param', 'primary_region=mars-1']);
    expect(bad.code).toBe(2);
    expect(bad.err).toEqual([expect.stringMatching(/^warroom: param "primary_region" = "mars-1" is not a region name \(/)]);
  });
});

describe('show: role and param keys pass the sanitizer', () => {
  it('prints no escape sequence from a role name or a param key', async () => {
    const dir = tempDir('warroom-show-');
    const r0 = await runCli(['new', '--title', 't', '--severity', 'SEV2', '--param', `k${HOSTILE}=v${HOSTILE}`, '--state-dir', dir]);
    const id = r0.out[0]!;
    expect((await runCli(['role', id, `r${HOSTILE}`, `n${HOSTILE}`, '--state-dir', dir])).code).toBe(0);
    const r = await runCli(['show', id, '--state-dir', dir]);
    expect(r.code).toBe(0);
    const text = r.out.join('\n');
    expect(text).toMatch(/roles: r.*red/);
    expect(text).toMatch(/params: k.*red/);
    expect(text).not.toMatch(CONTROL);
  });
});

describe('machine output (JSON) on stdout', () => {
  it('holds no raw control byte, and parses back to exactly the recorded text', async () => {
    const dir = tempDir('warroom-json-');
    const id = await declare(dir);
    expect((await runCli(['log', id, `note ${HOSTILE}`, '--state-dir', dir])).code).toBe(0);
    for (const args of [['timeline', id, '--format', 'json'], ['timeline', id, '--format', 'jsonl'], ['show', id, '--json']]) {
      const r = runBin(['--state-dir', dir, ...args]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.replace(/\n/g, ''), args.join(' ')).not.toMatch(CONTROL);
      if (args[0] === 'timeline') expect(r.stdout).toContain('red');
    }
    const json = runBin(['--state-dir', dir, 'timeline', id, '--format', 'json']);
    const events = JSON.parse(json.stdout) as { data: { text?: string } }[];
    expect(events[1]!.data.text).toBe(`note ${HOSTILE}`);
  });
});

describe('report: a metric unit passes the sanitizer', () => {
  it('prints no escape sequence from a metric.snapshot unit (markdown and text of the HTML)', async () => {
    const dir = tempDir('warroom-unit-');
    const id = await declare(dir);
    const store = new IncidentStore(dir, fixedClock(Date.parse('2026-11-21T10:05:00Z')));
    await store.append(id, [{ kind: 'metric.snapshot', data: { metric: `m${HOSTILE}`, unit: `Count${HOSTILE}`, points: [['2026-11-21T10:01:00.000Z', 3]], warning: 5 } }], 'system');
    for (const format of ['md', 'html']) {
      const r = await runCli(['report', id, '--format', format, '--state-dir', dir]);
      expect(r.code, r.err.join('\n')).toBe(0);
      const text = r.out.join('\n');
      expect(text).toMatch(/Count/);
      expect(text, format).not.toMatch(CONTROL);
    }
  });
});

describe('strict dates', () => {
  const now = Date.parse('2026-11-21T10:00:00.000Z');
  const refused: [string, RegExp][] = [
    ['2026-02-30T10:00Z', /2026-02-30T10:00Z.*not a date/],
    ['2026-04-31T10:00:00Z', /not a date/],
    ['2026-11-20T24:00Z', /not a time of day|not a date/],
    ['1900-01-01T00:00Z', /before 1970/],
    ['0000-01-01T00:00Z', /before 1970/],
    ['9999-01-01T00:00Z', /in the future/],
  ];
  for (const [at, message] of refused) {
    it(`mark --at ${at} is refused with the value and the accepted form`, async () => {
      const dir = tempDir('warroom-dates-');
      const id = await declare(dir);
      const r = await runCli(['mark', id, 'detected', '--at', at, '--state-dir', dir], { clock: { now: () => now } });
      expect(r.code).toBe(2);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(message);
      expect(r.err[0]).toMatch(/2026-11-21T09:30(:00)?Z/); // the accepted form, by example
    });
  }

  it('timeline --since/--until refuse impossible dates and years out of range', async () => {
    const dir = tempDir('warroom-dates-');
    const id = await declare(dir);
    for (const [flag, v] of [['--since', '2026-02-30'], ['--until', '2026-13-01'], ['--since', '1969-12-31'], ['--until', '3000-01-01T00:00Z']]) {
      const r = await runCli(['timeline', id, flag!, v!, '--state-dir', dir]);
      expect(r.code, `${flag} ${v}`).toBe(2);
      expect(r.err[0]).toContain(v);
    }
  });

  it('accepts a leap day and the forms it names', async () => {
    const dir = tempDir('warroom-dates-');
    const id = await declare(dir);
    const r = await runCli(['mark', id, 'detected', '--at', '2024-02-29T09:30Z', '--state-dir', dir], { clock: { now: () => now } });
    expect(r.code, r.err.join('\n')).toBe(0);
  });
});

/** Rewrites one event of a journal (and re-hashes the chain from there, so it verifies). */
function rewrite(dir: string, id: string, seq: number, change: (e: TimelineEvent) => void): void {
  const file = join(dir, 'incidents', `${id}.jsonl`);
  const events = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TimelineEvent);
  let prev = events[seq - 2]?.hash ?? '';
  for (const e of events.slice(seq - 1)) {
    if (e.seq === seq) change(e);
    e.prev = prev;
    const { hash: _old, ...rest } = e;
    e.hash = hashEvent(rest);
    prev = e.hash;
  }
  writeFileSync(file, events.map((e) => `${JSON.stringify(e)}\n`).join(''));
}

describe('an event whose ts is not a date', () => {
  it('is shown as bad by timeline (every format) and report, never a crash', async () => {
    const dir = tempDir('warroom-badts-');
    const id = await declare(dir);
    await runCli(['log', id, 'first', '--state-dir', dir]);
    await runCli(['log', id, 'second', '--state-dir', dir]);
    rewrite(dir, id, 2, (e) => (e.ts = 'yesterday-ish'));
    for (const format of ['text', 'md', 'csv', 'json']) {
      const r = await runCli(['timeline', id, '--format', format, '--state-dir', dir]);
      expect(r.code, `${format}: ${r.err.join('\n')}`).toBe(0);
      expect(r.out.join('\n')).toMatch(/yesterday-ish/);
      expect(r.out.join('\n')).toMatch(/second/);
    }
    const text = await runCli(['timeline', id, '--state-dir', dir]);
    expect(text.out.find((l) => l.includes('first'))).toMatch(/bad ts "yesterday-ish"/);
    const since = await runCli(['timeline', id, '--since', '2026-01-01', '--state-dir', dir]);
    expect(since.code).toBe(0);
    const report = await runCli(['report', id, '--state-dir', dir]);
    expect(report.code, report.err.join('\n')).toBe(0);
  });
});

describe('log --stdin: an over-long line', () => {
  it('is recorded truncated with a marker, named on stderr, and the stream goes on', () => {
    const dir = tempDir('warroom-long-');
    const made = runBin(['--state-dir', dir, 'new', '--title', 't', '--severity', 'SEV3']);
    const id = made.stdout.trim();
    const long = 'x'.repeat(1_500_000);
    const r = spawnSync(process.execPath, [CLI, '--state-dir', dir, 'log', id, '--stdin'], {
      input: `before\n${long}\nafter\n`,
      encoding: 'utf8',
      env: { ...process.env, WARROOM_ACTOR: 'tester' },
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['2', '3', '4']);
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^warroom: warning: line 2 .*1500000 characters.*truncated/);
    const events = readFileSync(join(dir, 'incidents', `${id}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TimelineEvent);
    const text = String(events[2]!.data.text);
    expect(text.length).toBeLessThanOrEqual(1_000_000);
    expect(text).toMatch(/^x+ \[truncated: 1500000 characters, the first \d+ kept\]$/);
    expect(events[3]!.data.text).toBe('after');
  });
});
