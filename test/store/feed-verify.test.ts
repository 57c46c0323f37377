// verify of a shared incident checks each pulled feed from its mark in the checkpoint, as it checks the
// journal: the prefix the checkpoint vouches for is not read again. Whatever happens to a feed or to the
// checkpoint (cut short, rewritten, replaced, a torn write, a damaged checkpoint), the feed wins: the mark is
// used only while the same file still holds the marked event unchanged at the marked offset.
import { appendFileSync, mkdirSync, readFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/core/index.js';
import { CHECKPOINT_AFTER_BYTES, checkpointPath, readCheckpoint } from '../../src/store/checkpoint.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { hashEvent } from '../../src/store/journal.js';
import { writeSyncConfig } from '../../src/store/origin-feeds.js';
import { pulledFeedProblem } from '../../src/store/shared-load.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const T0 = Date.parse('2026-11-21T10:00:00.000Z');
const OWN = 'aaaaaaaaaaaaaaaa';
const OTHER = 'bbbbbbbbbbbbbbbb';
const TEXT = 'replica lag on the orders table is back under the threshold; watching it '.repeat(3);

/** A shared incident whose pulled feed alone is past the checkpoint size; returns a way to append to that feed. */
async function sharedIncident(dir: string) {
  let now = T0;
  const store = new IncidentStore(dir, { now: () => (now += 1000) });
  const first = await store.create({ title: 'Orders table corrupted', severity: 'SEV2', mode: 'live' }, 'ana');
  const id = String(first.data.id);
  writeSyncConfig(store.incidentsDir, id, { version: 1, table: 't', region: 'eu-west-2', origin: OWN, registered: true, pushed: [] });
  const path = join(store.incidentsDir, `${id}.origins`, `${OTHER}.jsonl`);
  mkdirSync(join(store.incidentsDir, `${id}.origins`), { recursive: true });
  let prev = '';
  let seq = 0;
  const feed = (n: number, kind = 'note') => {
    let out = '';
    for (let i = 0; i < n; i++) {
      const base = { seq: ++seq, ts: new Date(T0 + 500 + seq * 1000).toISOString(), actor: 'dba', kind: seq === 1 ? 'incident.joined' : kind, data: seq === 1 ? { id } : { text: `${seq} ${TEXT}` }, prev };
      const e = { ...base, hash: hashEvent(base), sig: 'c2ln', pushedAt: T0 + seq * 1000 + 700 };
      prev = e.hash;
      out += JSON.stringify(e) + '\n';
    }
    appendFileSync(path, out);
  };
  feed(Math.ceil(CHECKPOINT_AFTER_BYTES / TEXT.length) + 200);
  store.state(id); // writes the checkpoint, with a mark for each feed
  const cp = readCheckpoint(checkpointPath(store.incidentsDir, id), id)!;
  const mark = cp.feeds.find((m) => m.origin === OTHER)!;
  expect(mark.offset).toBe(readFileSync(path).length);
  return { store, id, path, feed, mark };
}

const problem = (store: IncidentStore, id: string, full = false) => pulledFeedProblem(store.incidentsDir, id, full ? { full: true } : {});

/** Rewrites one event of the feed in place, same length, with its own hash recomputed (its successor's prev then no longer matches). */
function editInPlace(path: string, seq: number) {
  const lines = readFileSync(path, 'utf8').split('\n');
  const e = JSON.parse(lines[seq - 1]!) as TimelineEvent & { sig: string; pushedAt: number };
  const { hash: _h, sig, pushedAt, ...rest } = { ...e, data: { ...e.data, text: String(e.data.text).replace('replica', 'REPLICA') } };
  lines[seq - 1] = JSON.stringify({ ...rest, hash: hashEvent(rest), sig, pushedAt });
  writeFileSync(path, lines.join('\n'));
}

describe('verify of pulled feeds from the checkpoint', () => {
  it('checks only what follows the mark: an edit inside the prefix is found by --full, one after it at once', async () => {
    const { store, id, path, feed, mark } = await sharedIncident(tempDir());
    expect(problem(store, id)).toBeUndefined();
    const original = readFileSync(path);
    // Same file, same length, an event well inside the vouched-for prefix edited: the quick check does not read it.
    editInPlace(path, 10);
    expect(problem(store, id)).toBeUndefined();
    expect(problem(store, id, true)).toMatch(/origin bbbbbbbbbbbbbbbb fails verification at seq 11 .*prev hash/);
    // Restored, then events appended after the mark and one of them edited: read from the mark, so found.
    writeFileSync(path, original);
    expect(problem(store, id, true)).toBeUndefined();
    feed(5);
    expect(problem(store, id)).toBeUndefined();
    editInPlace(path, mark.seq + 2);
    expect(problem(store, id)).toMatch(/seq \d+ .*prev hash/);
    expect(readFileSync(path).length).toBeGreaterThan(mark.offset);
  });

  it('a feed cut short inside the prefix, then written again past the mark, is read whole: the damage is found', async () => {
    const { store, id, path, mark } = await sharedIncident(tempDir());
    const bytes = readFileSync(path);
    truncateSync(path, bytes.indexOf(10, 1000) + 1); // a few events kept
    appendFileSync(path, `not an event\n${'x'.repeat(mark.offset)}\n`); // longer than the mark again, nothing at it
    expect(problem(store, id)).toMatch(/unreadable|not a valid event/);
  });

  it('a feed replaced by another file (a restored copy with an edit inside the prefix) is read whole', async () => {
    const { store, id, path } = await sharedIncident(tempDir());
    const copy = `${path}.copy`;
    writeFileSync(copy, readFileSync(path));
    renameSync(copy, path); // another inode, same bytes
    editInPlace(path, 10); // same inode as the copy now: edited in place, same length
    expect(problem(store, id)).toMatch(/seq 11 .*prev hash/);
  });

  it('the marked event rewritten with its hash recomputed: the mark no longer matches and the feed is read whole', async () => {
    const { store, id, path, mark } = await sharedIncident(tempDir());
    editInPlace(path, 10);
    editInPlace(path, mark.seq); // the marked event itself: a different hash at the mark
    expect(problem(store, id)).toMatch(/seq 11 .*prev hash/);
  });

  it('torn bytes after the mark are reported; a damaged or foreign checkpoint is ignored and the feed read whole', async () => {
    const { store, id, path } = await sharedIncident(tempDir());
    appendFileSync(path, '{"seq":');
    expect(problem(store, id)).toMatch(/incomplete/);
    truncateSync(path, readFileSync(path).length - '{"seq":'.length);
    editInPlace(path, 10);
    const cpPath = checkpointPath(store.incidentsDir, id);
    const good = readFileSync(cpPath, 'utf8');
    for (const damaged of [good.slice(0, good.length / 2), good.replace(`"origin":"${OTHER}"`, `"origin":"${OTHER}" `), good.replace(id, 'INC-20261121-ZZZZ'), '']) {
      writeFileSync(cpPath, damaged);
      expect(problem(store, id)).toMatch(/seq 11 .*prev hash/);
    }
  });

  it('the command: verify is quick from the checkpoint, --full reads every feed and names the origin', async () => {
    const { id, path } = await sharedIncident(tempDir());
    const dir = join(path, '../../..');
    editInPlace(path, 10);
    const quick = await runCli(['verify', id, '--state-dir', dir]);
    expect(quick.code).toBe(0);
    const full = await runCli(['verify', id, '--full', '--state-dir', dir]);
    expect(full.code).toBe(1);
    expect(full.err.join('\n')).toMatch(/pulled feed of origin bbbbbbbbbbbbbbbb fails verification at seq 11/);
  });
});
