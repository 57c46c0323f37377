// `timeline` streams a journal a chunk at a time: its output must be exactly what rendering every event at
// once gives, in every format (JSON included), with filters and with chunk boundaries; a shared incident's
// merged order too, with a feed whose events are dated in the past.
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IncidentStore } from '../../src/store/incident-store.js';
import { hashEvent } from '../../src/store/journal.js';
import { writeSyncConfig } from '../../src/store/origin-feeds.js';
import { filterTimeline, renderTimeline, TIMELINE_FORMATS, type TimelineFormat } from '../../src/report/timeline-export.js';
import { Readable } from 'node:stream';
import { makeContext } from '../../src/cli/context.js';
import { printTimeline } from '../../src/cli/timeline-stream.js';
import { runBin } from '../support/bin.js';
import { tempDir } from '../support/tmp.js';

const T0 = Date.parse('2026-11-21T10:00:00.000Z');

async function incident(dir: string, n: number) {
  let t = T0;
  const store = new IncidentStore(dir, { now: () => (t += 1000) });
  const first = await store.create({ title: 'Orders table corrupted', severity: 'SEV2', mode: 'live' }, 'ana');
  const id = String(first.data.id);
  for (let done = 1; done < n; done += 500) {
    await store.append(id, Array.from({ length: Math.min(500, n - done) }, (_, i) => (i % 7 === 0 ? { kind: 'decision' as const, data: { text: `d ${done + i} | <b>` } } : { kind: 'note' as const, data: { text: `n ${done + i}, "quoted"\nsecond line` } })), i(done));
  }
  return { store, id };
}

/** Appends hash-chained events to a pulled feed file, as a pull would (with the origin's push time). */
function pulledFeed(dir: string, id: string, origin: string, items: { ts: number; kind: string; data: Record<string, unknown>; actor?: string }[]) {
  mkdirSync(join(dir, 'incidents', `${id}.origins`), { recursive: true });
  let prev = '';
  let out = '';
  items.forEach((it, k) => {
    const base = { seq: k + 1, ts: new Date(it.ts).toISOString(), actor: it.actor ?? 'dba', kind: it.kind, data: it.data, prev };
    const e = { ...base, hash: hashEvent(base), sig: 'c2ln', pushedAt: it.ts + (k % 3 === 0 ? 90_000 : 500) };
    prev = e.hash;
    out += JSON.stringify(e) + '\n';
  });
  appendFileSync(join(dir, 'incidents', `${id}.origins`, `${origin}.jsonl`), out);
}

function expectSameAsWhole(dir: string, id: string, events: Parameters<typeof renderTimeline>[0]) {
  for (const format of TIMELINE_FORMATS as readonly TimelineFormat[]) {
    const all = runBin(['timeline', id, '--format', format, '--state-dir', dir], { env: { TZ: 'UTC' } });
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toBe(renderTimeline(events, format, 'UTC'));
    const some = runBin(['timeline', id, '--format', format, '--kind', 'decision', '--by', 'bo', '--state-dir', dir], { env: { TZ: 'UTC' } });
    expect(some.code).toBe(0);
    expect(some.stdout).toBe(renderTimeline(filterTimeline(events, { kinds: ['decision'], actors: ['bo'] }), format, 'UTC'));
    const none = runBin(['timeline', id, '--format', format, '--by', 'nobody', '--state-dir', dir], { env: { TZ: 'UTC' } });
    expect(none.code).toBe(0);
    expect(none.stdout).toBe(format === 'text' || format === 'jsonl' ? '' : renderTimeline([], format, 'UTC'));
  }
}

describe('timeline streaming', () => {
  it('prints the same bytes as rendering the whole timeline at once, JSON included (2,600 events: two chunks)', async () => {
    const dir = tempDir();
    const { store, id } = await incident(dir, 2600);
    const events = store.load(id).events;
    expectSameAsWhole(dir, id, events);
    const json = runBin(['timeline', id, '--format', 'json', '--state-dir', dir]);
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(2600);
  }, 120_000);

  it("prints a shared incident's merged order as loading every feed whole does, with late events in the past", async () => {
    const dir = tempDir();
    const { store, id } = await incident(dir, 2300);
    writeSyncConfig(store.incidentsDir, id, { version: 1, table: 't', region: 'eu-west-2', origin: 'aaaaaaaaaaaaaaaa', registered: true, pushed: [{ from: 1, to: 1000, at: T0 + 2_000_000 }] });
    // Interleaved with the journal (a second apart, half a second off), and one machine that was offline: its events are dated in the past.
    pulledFeed(dir, id, 'bbbbbbbbbbbbbbbb', [{ ts: T0 + 500, kind: 'incident.joined', data: { id } }, ...Array.from({ length: 2100 }, (_, k) => ({ ts: T0 + 1500 + k * 1000, kind: k % 5 ? 'note' : 'decision', data: { text: `dba ${k}` }, actor: k % 2 ? 'bo' : 'dba' }))]);
    pulledFeed(dir, id, 'cccccccccccccccc', [{ ts: T0 + 900, kind: 'incident.joined', data: { id } }, ...Array.from({ length: 300 }, (_, k) => ({ ts: T0 + 1000 + k * 7000, kind: 'decision', data: { text: `late ${k}` }, actor: 'bo' }))]);
    const loaded = store.load(id);
    expect(loaded.verification.ok).toBe(true);
    expect(loaded.events.some((e) => (e as { late?: boolean }).late)).toBe(true);
    expectSameAsWhole(dir, id, loaded.events);
  }, 120_000);

  it('a shared incident with a damaged pulled feed is refused, and with --force printed as loading it whole does', async () => {
    const dir = tempDir();
    const { store, id } = await incident(dir, 60);
    writeSyncConfig(store.incidentsDir, id, { version: 1, table: 't', region: 'eu-west-2', origin: 'aaaaaaaaaaaaaaaa', registered: true, pushed: [] });
    pulledFeed(dir, id, 'bbbbbbbbbbbbbbbb', [{ ts: T0 + 500, kind: 'incident.joined', data: { id } }, ...Array.from({ length: 40 }, (_, k) => ({ ts: T0 + 1500 + k * 1000, kind: 'note', data: { text: `dba ${k}` } }))]);
    // Two lines swapped: the feed is out of its own order, which only sorting it whole can place.
    const feed = join(dir, 'incidents', `${id}.origins`, 'bbbbbbbbbbbbbbbb.jsonl');
    const lines = readFileSync(feed, 'utf8').split('\n');
    [lines[5], lines[6]] = [lines[6]!, lines[5]!];
    writeFileSync(feed, lines.join('\n'));
    expect(runBin(['timeline', id, '--state-dir', dir]).code).toBe(4); // corrupt
    const forced = runBin(['timeline', id, '--format', 'jsonl', '--force', '--state-dir', dir]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe(renderTimeline(store.load(id).events, 'jsonl'));
    expect(forced.stderr).toMatch(/warning: journal of .* fails verification at origin bbbbbbbbbbbbbbbb/);
  }, 60_000);
});

const i = (done: number) => (done % 1000 === 1 ? 'bo' : 'cy');

describe('timeline to a slow reader', () => {
  it('writes the next chunk only once the last one drained, so a pipe read slowly does not pile the output up in memory', async () => {
    const dir = tempDir();
    const { id } = await incident(dir, 4500); // three chunks
    const out: string[] = [];
    const waiting: (() => void)[] = [];
    const ctx = makeContext({ stateDir: dir }, { out: (l) => out.push(l), err: () => {}, stdin: Readable.from([]), env: { TZ: 'UTC' }, clock: { now: () => T0 }, drained: () => new Promise<void>((r) => waiting.push(r)) });
    const done = printTimeline(ctx, ctx.store(), id, { format: 'jsonl' }, {});
    const settle = () => new Promise((r) => setTimeout(r, 20));
    await settle();
    expect(out.length).toBe(1); // the first chunk, then it waits
    waiting.shift()!();
    await settle();
    expect(out.length).toBe(2);
    waiting.shift()!();
    await done;
    expect(out.join('\n').split('\n').length).toBe(4500);
  });
});
