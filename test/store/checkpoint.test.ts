// Checkpoints beside the journal: the state folded from a checkpoint plus the events after it equals the
// state folded from the whole journal; a stale, corrupt or half-written checkpoint is never trusted over
// the journal; a shared incident's checkpoint follows the merged order and is rebuilt when late events land
// in the past.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldIncident, type TimelineEvent } from '../../src/core/index.js';
import { CHECKPOINT_AFTER_BYTES, checkpointPath, readCheckpoint } from '../../src/store/checkpoint.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { hashEvent } from '../../src/store/journal.js';
import { writeSyncConfig } from '../../src/store/origin-feeds.js';
import { tempDir } from '../support/tmp.js';

const T0 = Date.parse('2026-11-21T10:00:00.000Z');
const LONG = 'replica lag on the orders table is back under the threshold; watching it for ten more minutes '.repeat(2);

/** An incident whose journal is past the checkpoint size, with steps and milestones so the state has something to fold. */
async function bigIncident(dir: string) {
  let now = T0;
  const store = new IncidentStore(dir, { now: () => (now += 1000) });
  const first = await store.create({ title: 'Orders table corrupted', severity: 'SEV2', mode: 'live' }, 'ana');
  const id = String(first.data.id);
  await store.append(id, [{ kind: 'milestone.set', data: { milestone: 'impact-started', at: new Date(T0).toISOString(), backdated: true } }], 'ana');
  await appendNotes(store, id, Math.ceil(CHECKPOINT_AFTER_BYTES / LONG.length) + 500);
  return { store, id, path: store.journalPath(id) };
}

async function appendNotes(store: IncidentStore, id: string, n: number, tag = 'note') {
  for (let done = 0; done < n; done += 1000) {
    const batch = Array.from({ length: Math.min(1000, n - done) }, (_, i) => ({ kind: 'note' as const, data: { text: `${tag} ${done + i}: ${LONG}` } }));
    await store.append(id, batch, 'bo');
  }
  await store.append(id, [{ kind: 'step.started', data: { scenario: 's', step: `after-${tag}` } }, { kind: 'decision', data: { text: `decided after ${tag}` } }], 'cy');
}

/** The oracle: every event read and folded from the start, as before checkpoints. */
const fullFold = (store: IncidentStore, id: string) => foldIncident(store.load(id).events);

describe('checkpoints', () => {
  it('are written once a journal is large, and the next open folds only what was appended since', async () => {
    const { store, id, path } = await bigIncident(tempDir());
    const first = store.state(id);
    expect(first.resumedFrom).toBe(0);
    const cp = readCheckpoint(checkpointPath(store.incidentsDir, id), id)!;
    expect(cp.feeds[0]).toMatchObject({ origin: '', seq: first.verification.headSeq, offset: readFileSync(path).length });
    await appendNotes(store, id, 20, 'later');
    const second = store.state(id);
    expect(second.resumedFrom).toBe(cp.feeds[0]!.seq);
    expect(second.state).toEqual(fullFold(store, id));
    expect(second.verification).toMatchObject({ ok: true, count: cp.feeds[0]!.seq + 22 });
    // verify continues from the checkpoint too, and --full reads it all: both agree.
    const quick = store.verify(id);
    const full = store.verify(id, { full: true });
    expect({ ...quick, events: [] }).toEqual({ ...full, events: [] });
    expect(store.verify(id, { hashOfSeq: cp.feeds[0]!.seq }).hashAtSeq).toBe(cp.feeds[0]!.hash);
  });

  it('a corrupt, truncated, foreign or garbage checkpoint is ignored and rebuilt: the journal wins', async () => {
    const { store, id } = await bigIncident(tempDir());
    store.state(id);
    const cpPath = checkpointPath(store.incidentsDir, id);
    const good = readFileSync(cpPath, 'utf8');
    const damaged = [
      good.replace('"severity":"SEV2"', '"severity":"SEV1"'), // state edited, digest no longer matches
      good.slice(0, good.length / 2), // cut short
      '',
      'not a checkpoint\n{}',
      good.replace(id, 'INC-20261121-ZZZZ'),
    ];
    for (const text of damaged) {
      writeFileSync(cpPath, text);
      const s = store.state(id);
      expect(s.resumedFrom).toBe(0);
      expect(s.state).toEqual(fullFold(store, id));
      expect(s.state.severity).toBe('SEV2');
      expect(readCheckpoint(cpPath, id)).toBeDefined(); // rebuilt
    }
  });

  it('a stale checkpoint (the journal cut short, rewritten, or replaced by another file) is not trusted', async () => {
    const { store, id, path } = await bigIncident(tempDir());
    store.state(id);
    const cp = readCheckpoint(checkpointPath(store.incidentsDir, id), id)!;
    const bytes = readFileSync(path);
    // Events cut off the end: the checkpoint is past the end of the file.
    truncateSync(path, bytes.lastIndexOf(10, bytes.length - 2) + 1);
    let s = store.state(id);
    expect(s.resumedFrom).toBe(0);
    expect(s.verification.count).toBe(cp.feeds[0]!.seq - 1);
    expect(s.state).toEqual(fullFold(store, id));
    // The last event rewritten in place with a recomputed hash (same length): the mark no longer matches.
    writeFileSync(path, bytes);
    rmSync(checkpointPath(store.incidentsDir, id));
    expect(store.state(id).resumedFrom).toBe(0); // a checkpoint at the last event again
    const text = bytes.toString('utf8');
    const lastLine = text.slice(text.lastIndexOf('\n', text.length - 2) + 1, -1);
    const e = JSON.parse(lastLine) as TimelineEvent;
    const { hash: _h, ...rest } = { ...e, data: { ...e.data, text: String(e.data.text).replace('decided', 'DECIDED') } };
    const forged = JSON.stringify({ ...rest, hash: hashEvent(rest) });
    expect(forged.length).toBe(lastLine.length);
    writeFileSync(path, text.slice(0, text.length - lastLine.length - 1) + forged + '\n');
    s = store.state(id);
    expect(s.resumedFrom).toBe(0);
    expect(s.state.decisions.at(-1)!.text).toMatch(/^DECIDED/);
    // Another file in place (a restored copy): another inode, so the checkpoint is not used.
    store.state(id);
    const copy = readFileSync(path);
    writeFileSync(`${path}.tmp`, copy);
    (await import('node:fs')).renameSync(`${path}.tmp`, path);
    s = store.state(id);
    expect(s.resumedFrom).toBe(0);
    expect(s.state).toEqual(fullFold(store, id));
  });

  it('an edit inside the prefix is caught by verify --full (the quick check vouches only for what it can prove cheaply)', async () => {
    const { store, id, path } = await bigIncident(tempDir());
    store.state(id);
    const raw = readFileSync(path);
    const at = raw.indexOf('note 10:');
    raw[at] = 'N'.charCodeAt(0);
    writeFileSync(path, raw); // same file, same length
    expect(store.verify(id, { full: true }).firstBad?.problem).toBe('edited');
  });

  it('kill -9 while the checkpoint is being written leaves the old one, the new one or one that is ignored; nothing is lost', async () => {
    const { store, id, path } = await bigIncident(tempDir());
    store.state(id);
    const cpPath = checkpointPath(store.incidentsDir, id);
    const source = join(store.dir, 'source.json');
    const text = readFileSync(cpPath, 'utf8');
    writeFileSync(source, text.slice(text.indexOf('\n') + 1));
    for (let round = 0; round < 5; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/store/support/checkpoint-writer.ts', cpPath, source], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((res) => child.stdout.once('data', () => res()));
      await new Promise((r) => setTimeout(r, 50 + round * 37));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('close', r));
      const s = store.state(id);
      expect(s.state).toEqual(fullFold(store, id));
      expect(s.verification.ok).toBe(true);
      // What is in place is the old checkpoint, the new one, or nothing usable: never a half-written one.
      const inPlace = readCheckpoint(cpPath, id);
      if (inPlace) expect(inPlace.state).toEqual(s.state);
    }
    // A killed writer's temporary file is never read in place of the checkpoint.
    expect(readdirSync(store.incidentsDir).filter((f) => f.endsWith('.checkpoint'))).toEqual([`${id}.checkpoint`]);
    expect(readFileSync(path).length).toBeGreaterThan(CHECKPOINT_AFTER_BYTES);
  }, 60_000);
});

describe('checkpoints of a shared incident', () => {
  const OWN = 'aaaaaaaaaaaaaaaa';
  const OTHER = 'bbbbbbbbbbbbbbbb';

  /** Appends hash-chained events to a pulled feed file, as a pull would. */
  function feedAppender(dir: string, id: string, origin = OTHER) {
    const path = join(dir, 'incidents', `${id}.origins`, `${origin}.jsonl`);
    mkdirSync(join(dir, 'incidents', `${id}.origins`), { recursive: true });
    let prev = '';
    let seq = 0;
    return (items: { ts: number; kind: string; data: Record<string, unknown> }[]) => {
      let out = '';
      for (const it of items) {
        const base = { seq: ++seq, ts: new Date(it.ts).toISOString(), actor: 'dba', kind: it.kind, data: it.data, prev };
        const e = { ...base, hash: hashEvent(base) };
        prev = e.hash;
        out += JSON.stringify(e) + '\n';
      }
      appendFileSync(path, out);
    };
  }

  it('continues the merged order from the checkpoint, and rebuilds it when a late event sorts before it', async () => {
    const dir = tempDir();
    const { store, id } = await bigIncident(dir);
    writeSyncConfig(store.incidentsDir, id, { version: 1, table: 't', region: 'eu-west-2', origin: OWN, registered: true, pushed: [] });
    const feed = feedAppender(dir, id);
    feed([{ ts: T0 + 500, kind: 'incident.joined', data: { id } }, ...Array.from({ length: 50 }, (_, i) => ({ ts: T0 + 1500 + i * 10, kind: 'note', data: { text: `dba ${i}` } }))]);
    const first = store.state(id);
    expect(first.resumedFrom).toBe(0);
    expect(first.state).toEqual(fullFold(store, id));
    const cp = readCheckpoint(checkpointPath(store.incidentsDir, id), id)!;
    expect(cp.feeds.map((m) => m.origin).sort()).toEqual([OWN, OTHER]);
    // New events after everything merged so far: continued from the checkpoint.
    const end = Date.parse(first.state.updatedAt);
    feed([{ ts: end + 60_000, kind: 'decision', data: { text: 'fail over' } }]);
    await store.append(id, [{ kind: 'note', data: { text: 'own later' } }], 'ana');
    const second = store.state(id);
    expect(second.resumedFrom).toBe(cp.frontier.count);
    expect(second.state).toEqual(fullFold(store, id));
    expect(second.verification.headHash).toBe(store.load(id).verification.headHash);
    // A machine that was offline pushes late: its events are dated before the frontier, so the merged order
    // changes in the past and is rebuilt.
    feedAppender(dir, id, 'cccccccccccccccc')([
      { ts: T0 + 900, kind: 'incident.joined', data: { id } },
      { ts: T0 + 3000, kind: 'severity.changed', data: { severity: 'SEV1' } },
    ]);
    const third = store.state(id);
    expect(third.resumedFrom).toBe(0);
    expect(third.state).toEqual(fullFold(store, id));
    expect(third.state.severityHistory.map((h) => h.severity)).toEqual(['SEV2', 'SEV1']);
  });
});
