// head, verify --expect and list as a user runs them: truncation and a rewritten chain are caught by a
// head noted earlier; bad journals are listed and marked.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/core/index.js';
import { hashEvent } from '../../src/store/journal.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

async function incidentWithNotes(dir: string, notes: string[]) {
  const id = (await runCli(['new', '--title', 'Region down', '--severity', 'SEV1', '--state-dir', dir])).out[0]!;
  for (const n of notes) expect((await runCli(['log', id, n, '--state-dir', dir])).code).toBe(0);
  return { id, path: join(dir, 'incidents', `${id}.jsonl`) };
}

const readLines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean);

/** Rewrites the whole chain from `from` on with new content and recomputed hashes: verify alone cannot tell. */
function rewriteChain(path: string, at: number, text: string) {
  const events = readLines(path).map((l) => JSON.parse(l) as TimelineEvent);
  let prev = events[at - 2]!.hash;
  const out = events.map((e, i) => {
    if (i < at - 1) return e;
    const base = { seq: e.seq, ts: e.ts, actor: e.actor, kind: e.kind, data: i === at - 1 ? { text } : e.data, prev };
    const next = { ...base, hash: hashEvent(base) };
    prev = next.hash;
    return next;
  });
  writeFileSync(path, out.map((e) => JSON.stringify(e)).join('\n') + '\n');
}

describe('warroom head and verify --expect', () => {
  it('head prints SEQ:HASH short enough to paste, and verify --expect accepts it while the journal holds it', async () => {
    const dir = tempDir();
    const { id, path } = await incidentWithNotes(dir, ['a', 'b']);
    const head = await runCli(['head', id, '--state-dir', dir]);
    expect(head.code).toBe(0);
    const lastHash = (JSON.parse(readLines(path)[2]!) as TimelineEvent).hash;
    expect(head.out).toEqual([`3:${lastHash.slice(0, 16)}`]);
    const json = JSON.parse((await runCli(['head', id, '--json', '--state-dir', dir])).out[0]!);
    expect(json).toEqual({ id, seq: 3, hash: lastHash, head: `3:${lastHash.slice(0, 16)}` });

    await runCli(['log', id, 'later', '--state-dir', dir]);
    const v = await runCli(['verify', id, '--expect', head.out[0]!, '--state-dir', dir]);
    expect(v.err).toEqual([]);
    expect(v.code).toBe(0);
    expect(v.out[0]).toMatch(new RegExp(`^${id}: ok, 4 events, head 4:[0-9a-f]{16}; still holds seq 3 with hash ${lastHash.slice(0, 16)} as expected$`));
    expect((await runCli(['verify', id, '--expect', `3:${lastHash.toUpperCase()}`, '--state-dir', dir])).code).toBe(0);
  });

  it('verify --expect fails when events were cut off the end, though the rest of the chain is intact', async () => {
    const dir = tempDir();
    const { id, path } = await incidentWithNotes(dir, ['a', 'b', 'c']);
    const head = (await runCli(['head', id, '--state-dir', dir])).out[0]!;
    writeFileSync(path, readLines(path).slice(0, 2).join('\n') + '\n');
    expect((await runCli(['verify', id, '--state-dir', dir])).code).toBe(0); // alone, it cannot tell
    const v = await runCli(['verify', id, '--expect', head, '--state-dir', dir]);
    expect(v.code).toBe(1);
    expect(v.err).toEqual([`warroom: ${id}: the journal ends at seq 2, before the expected ${head}: events were cut off its end since that head was noted (restore the journal from a copy you trust)`]);
  });

  it('verify --expect fails when the chain was rewritten with recomputed hashes', async () => {
    const dir = tempDir();
    const { id, path } = await incidentWithNotes(dir, ['fail over to us-west-2', 'b']);
    const head = (await runCli(['head', id, '--state-dir', dir])).out[0]!;
    rewriteChain(path, 2, 'fail over to eu-west-1');
    expect((await runCli(['verify', id, '--state-dir', dir])).code).toBe(0);
    const v = await runCli(['verify', id, '--expect', head, '--json', '--state-dir', dir]);
    expect(v.code).toBe(1);
    const out = JSON.parse(v.out[0]!);
    expect(out).toMatchObject({ ok: false, expect: { seq: 3, held: false, problem: expect.stringMatching(/^seq 3 has hash 3:[0-9a-f]{16}, not the expected .*: the chain was rewritten/) } });
  });

  it.each([['3'], ['3:abc'], ['x:0123456789abcdef'], ['0:0123456789abcdef'], ['3:0123456789abcdeg']])('verify --expect %j is a usage error', async (bad) => {
    const dir = tempDir();
    const { id } = await incidentWithNotes(dir, []);
    const r = await runCli(['verify', id, '--expect', bad, '--state-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`warroom: --expect "${bad}" is not SEQ:HASH as printed by "warroom head" (e.g. 42:3f9a1c2b7d4e5f60, at least 16 hex digits)`]);
  });

  it('head refuses a journal that fails verification, and an empty one', async () => {
    const dir = tempDir();
    const { id, path } = await incidentWithNotes(dir, ['in us-east-1']);
    writeFileSync(path, readFileSync(path, 'utf8').replace('us-east-1', 'us-east-2'));
    const r = await runCli(['head', id, '--state-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([`warroom: the journal of ${id} fails verification at seq 2 (line 2): its content does not match its hash (edited), so its head vouches for nothing (run "warroom verify ${id}")`]);
    writeFileSync(path, '');
    const empty = await runCli(['verify', id, '--state-dir', dir]);
    expect(empty.code).toBe(1);
    expect(empty.err).toEqual([`warroom: ${id}: journal fails verification at seq 1 (line 1): the journal has no events (an incident journal starts with its incident.opened event)`]);
  });
});

describe('warroom list with bad journals', () => {
  it('lists an unreadable, an empty and a tampered journal, marked, and warns once on stderr', async () => {
    const dir = tempDir();
    const good = await incidentWithNotes(dir, []);
    const bad = await incidentWithNotes(dir, ['in us-east-1']);
    writeFileSync(bad.path, readFileSync(bad.path, 'utf8').replace('us-east-1', 'us-east-2'));
    writeFileSync(join(dir, 'incidents', 'INC-20261121-EMP1.jsonl'), '');
    const r = await runCli(['list', '--state-dir', dir]);
    expect(r.code).toBe(0);
    const rows = r.out.slice(1).map((l) => l.split('\t'));
    const row = (id: string) => rows.find((c) => c[0] === id)!;
    expect(row(good.id)[2]).toBe('triage');
    expect(row(bad.id).slice(2, 3)).toEqual(['TAMPERED']);
    expect(row(bad.id)[6]).toBe('Region down !! journal fails verification at seq 2 (line 2): its content does not match its hash (edited)');
    expect(row('INC-20261121-EMP1')).toEqual(['INC-20261121-EMP1', '?', 'CORRUPT', '?', expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/), '0', expect.stringMatching(/^!! journal fails verification at seq 1 \(line 1\): the journal has no events/)]);
    expect(r.err).toEqual(['warroom: warning: 2 of 3 journals are unreadable, half-made or fail verification (marked in the list; run "warroom verify ID" on each)']);
    const json = JSON.parse((await runCli(['list', '--json', '--state-dir', dir])).out.join('\n')) as { id: string; problem?: { kind: string } }[];
    expect(json.find((s) => s.id === bad.id)?.problem?.kind).toBe('tampered');
  });
});
