// `warroom timeline`: every format carries UTC time, actor, kind and text; the filters select what they say.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/core/index.js';
import { filterTimeline, renderTimeline } from '../../src/report/timeline-export.js';
import { cliHarness } from './cli-io.js';

let h: ReturnType<typeof cliHarness>;
let id: string;
const T = (hhmm: string) => `2026-11-21T${hhmm}:00.000Z`;

beforeAll(async () => {
  h = cliHarness(Date.parse(T('09:00')));
  id = (await h.run('new', '--title', 'Export test', '--severity', 'SEV3')).out; // seq 1, tester, 09:00
  h.clock.set(Date.parse(T('09:10')));
  await h.run('--actor', 'alice', 'log', id, 'looking, at "orders"'); // seq 2
  h.clock.set(Date.parse(T('09:20')));
  await h.run('mark', id, 'detected'); // seq 3, tester
  h.clock.set(Date.parse(T('09:30')));
  await h.run('--actor', 'bob', 'log', id, '--kind', 'comms', '=HYPERLINK("x")<b>|'); // seq 4
  h.clock.set(Date.parse('2026-11-22T08:00:00.000Z'));
  await h.run('--actor', 'bob', 'log', id, '--kind', 'decision', 'next day'); // seq 5
});

const seqsOf = (out: string) => out.split('\n').map((l) => (JSON.parse(l) as { seq: number }).seq);

describe('formats', () => {
  it('text: seq, UTC time with the date, local time, actor, kind and text', async () => {
    const r = await h.run('timeline', id);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[1]).toBe('    2  2026-11-21 09:10:00.000Z (09:10:00 UTC)  alice  note  looking, at "orders"');
  });

  it('csv: a header, quoted cells, and formulas defused', async () => {
    const lines = (await h.run('timeline', id, '--format', 'csv')).out.split('\n');
    expect(lines[0]).toBe('seq,ts,actor,kind,text');
    expect(lines[2]).toBe('2,2026-11-21T09:10:00.000Z,alice,note,"looking, at ""orders"""');
    expect(lines[4]).toBe(`4,2026-11-21T09:30:00.000Z,bob,comms.sent,"sent status update: =HYPERLINK(""x"")<b>|"`);
    expect(renderTimeline([ev(1, 'note', { text: '=1+1' })], 'csv').split('\n')[1]).toBe(`1,${T('09:00')},ann,note,'=1+1`);
  });

  it('jsonl and json: the events with their one-line text', async () => {
    const jsonl = (await h.run('timeline', id, '--format', 'jsonl')).out.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(jsonl).toHaveLength(5);
    expect(jsonl[2]).toMatchObject({ seq: 3, ts: T('09:20'), actor: 'tester', kind: 'milestone.set', text: `milestone detected at ${T('09:20')}` });
    expect(typeof jsonl[2]!.hash).toBe('string');
    const json = JSON.parse((await h.run('timeline', id, '--format', 'json')).out) as Record<string, unknown>[];
    expect(json).toEqual(jsonl);
  });

  it('md: a table with HTML and pipes escaped', async () => {
    const lines = (await h.run('timeline', id, '--format', 'md')).out.split('\n');
    expect(lines[0]).toBe('| seq | time (UTC) | actor | kind | what |');
    expect(lines[5]).toBe('| 4 | 2026-11-21 09:30:00.000Z | bob | comms.sent | sent status update: =HYPERLINK("x")&lt;b>\\| |');
  });

  it('text: an unknown TZ falls back rather than failing', () => {
    expect(renderTimeline([ev(1, 'note', { text: 'x' })], 'text', 'Not/AZone')).toContain('2026-11-21 09:00:00.000Z (');
  });

  it('times written with an offset come out in UTC', () => {
    const e = { ...ev(1, 'note', { text: 'x' }), ts: '2026-11-21T11:00:00.000+02:00' };
    expect(renderTimeline([e], 'csv').split('\n')[1]).toBe(`1,${T('09:00')},ann,note,x`);
  });
});

describe('filters', () => {
  it('--since and --until are inclusive', async () => {
    const r = await h.run('timeline', id, '--format', 'jsonl', '--since', T('09:10'), '--until', '2026-11-21T09:30:00Z');
    expect(seqsOf(r.out)).toEqual([2, 3, 4]);
  });

  it('a date means a UTC day: --until covers the whole of it', async () => {
    expect(seqsOf((await h.run('timeline', id, '--format', 'jsonl', '--until', '2026-11-21')).out)).toEqual([1, 2, 3, 4]);
    expect(seqsOf((await h.run('timeline', id, '--format', 'jsonl', '--since', '2026-11-22')).out)).toEqual([5]);
  });

  it('refuses a time without a zone, and a range that cannot match', async () => {
    const r = await h.run('timeline', id, '--since', '2026-11-21T09:10');
    expect(r.code).toBe(2);
    expect(r.err).toContain('is not an ISO 8601 time with a zone');
    expect((await h.run('timeline', id, '--since', T('10:00'), '--until', T('09:00'))).code).toBe(2);
  });

  it('--kind takes exact kinds and prefixes, and refuses unknown ones', async () => {
    expect(seqsOf((await h.run('timeline', id, '--format', 'jsonl', '--kind', 'comms')).out)).toEqual([4]);
    expect(seqsOf((await h.run('timeline', id, '--format', 'jsonl', '--kind', 'note', 'milestone.set')).out)).toEqual([2, 3]);
    const bad = await h.run('timeline', id, '--kind', 'nonsense');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^warroom: unknown event kind "nonsense"/);
  });

  it('--by selects actors', async () => {
    expect(seqsOf((await h.run('timeline', id, '--format', 'jsonl', '--by', 'bob')).out)).toEqual([4, 5]);
    expect(seqsOf((await h.run('timeline', id, '--format', 'jsonl', '--by', 'alice', 'tester')).out)).toEqual([1, 2, 3]);
  });

  it('filters combine', () => {
    const events = [ev(1, 'note', {}, 'a', '09:00'), ev(2, 'step.started', {}, 'a', '09:05'), ev(3, 'step.completed', {}, 'b', '09:06'), ev(4, 'stepper', {}, 'a', '09:07')];
    expect(filterTimeline(events, { kinds: ['step'], actors: ['a'], since: Date.parse(T('09:01')) }).map((e) => e.seq)).toEqual([2]);
  });

  it('an empty selection prints nothing in text and an empty list in json', async () => {
    expect((await h.run('timeline', id, '--by', 'nobody')).out).toBe('');
    expect((await h.run('timeline', id, '--by', 'nobody', '--format', 'json')).out).toBe('[]');
  });
});

function ev(seq: number, kind: string, data: Record<string, unknown>, actor = 'ann', hhmm = '09:00'): TimelineEvent {
  return { seq, ts: T(hhmm), actor, kind, data, prev: '', hash: '' };
}
