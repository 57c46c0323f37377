// A journal cut short after it was pushed and then written again is a fork of what the table holds:
// sync refuses to push it, with one line, and the table keeps exactly what it had.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncTable } from '../../src/sync/table.js';
import { MOTO, MOTO_MISSING_REASON, startMoto, type Moto } from '../aws/support/moto.js';
import { makeWriter, useMotoCredentials, type Writer } from './support/writers.js';

if (!MOTO) console.warn(`skipped: ${MOTO_MISSING_REASON}`);

describe.skipIf(!MOTO)('a forked journal', () => {
  let moto: Moto;
  beforeAll(async () => {
    useMotoCredentials();
    moto = await startMoto();
  }, 60_000);
  afterAll(async () => moto?.stop());

  const t0 = Date.parse('2026-11-21T10:00:00.000Z');
  const cut = (w: Writer, id: string, keep: number) => {
    const path = join(w.dir, 'incidents', `${id}.jsonl`);
    const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    writeFileSync(path, lines.slice(0, keep).join('\n') + '\n');
    return lines.length;
  };
  const items = async (id: string, table: string) => {
    const t = new SyncTable({ table, region: 'eu-west-2', endpoint: moto.endpoint });
    try {
      return (await t.allEvents(id)).map((i) => `${i.seq}:${i.hash}`);
    } finally {
      t.destroy();
    }
  };

  it.each([
    ['cut short and written again', true],
    ['cut short only', false],
  ])('%s: refused with one line, nothing pushed', async (_name, writeAgain) => {
    const ic = makeWriter('ic', t0, () => moto.endpoint);
    const id = (await ic.cli(['new', '--title', 'Region down', '--severity', 'SEV1'])).out[0]!;
    const table = `warroom-fork-${writeAgain ? 'a' : 'b'}`;
    expect((await ic.cli(['share', id, '--table', table, '--create-table', '--confirm', table])).code).toBe(0);
    for (const t of ['one', 'two', 'three']) await ic.cli(['log', id, t]);
    expect((await ic.cli(['sync', id])).code).toBe(0);
    const before = await items(id, table);
    const had = cut(ic, id, 3);
    if (writeAgain) {
      ic.clock.advance(1000);
      await ic.cli(['log', id, 'rewritten after the cut']);
    }
    const r = await ic.cli(['sync', id]);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(new RegExp(`^warroom: the journal of ${id} was cut short .*seq ${had} was pushed.*nothing was pushed \\(.*verify ${id} --remote.*\\)$`));
    expect(await items(id, table)).toEqual(before);
  }, 60_000);
});
