// A checkpoint writer killed between its write and its rename leaves a temporary file that nothing reads.
// The next checkpoint written removes those whose writer is gone, and any older than the checkpoint by more
// than a writer ever takes; a live writer's file is left alone.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IncidentState } from '../../src/core/index.js';
import { STALE_TEMP_MS, writeCheckpoint, type Checkpoint } from '../../src/store/checkpoint.js';
import { tempDir } from '../support/tmp.js';

const ID = 'INC-20261121-TEMP';
const checkpoint = (n: number): Checkpoint => ({ version: 1, id: ID, feeds: [{ origin: '', dev: 1, ino: 2, seq: n, hash: 'h', offset: 10, hlc: 0 }], frontier: { count: n }, state: { id: ID } as unknown as IncidentState });
const temps = (dir: string) => readdirSync(dir).filter((f) => f.includes('.checkpoint.new-')).sort();

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('temporary checkpoint files', () => {
  it('those of killed writers are removed by the next checkpoint written; those of live writers stay', async () => {
    const dir = tempDir();
    const path = join(dir, `${ID}.checkpoint`);
    writeCheckpoint(path, checkpoint(1));
    const source = join(dir, 'source.json');
    writeFileSync(source, JSON.stringify(checkpoint(2)));
    // Real writers killed with SIGKILL in the middle of writing, over and over.
    for (let round = 0; round < 4; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/store/support/checkpoint-writer.ts', path, source], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((res) => child.stdout.once('data', () => res()));
      await new Promise((r) => setTimeout(r, 40 + round * 31));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('close', r));
    }
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const dead = `${ID}.checkpoint.new-${deadPid()}-0123456789ab`;
      const alive = `${ID}.checkpoint.new-${live.pid}-0123456789ab`;
      const aliveButAncient = `${ID}.checkpoint.new-${live.pid}-ba9876543210`;
      const unnamedFresh = `${ID}.checkpoint.new-a1b2c3d4e5f6`;
      const unnamedOld = `${ID}.checkpoint.new-f6e5d4c3b2a1`;
      const otherIncident = `INC-20261121-OTHR.checkpoint.new-${deadPid()}-0123456789ab`;
      for (const f of [dead, alive, aliveButAncient, unnamedFresh, unnamedOld, otherIncident]) writeFileSync(join(dir, f), 'half a checkpoint');
      const longAgo = (Date.now() - 2 * STALE_TEMP_MS) / 1000;
      for (const f of [aliveButAncient, unnamedOld]) utimesSync(join(dir, f), longAgo, longAgo);
      const before = temps(dir);
      expect(before).toEqual(expect.arrayContaining([dead, alive, unnamedFresh]));
      writeCheckpoint(path, checkpoint(3));
      // Left: the live writer's fresh file, the one with no pid that may be in use, and another incident's.
      expect(temps(dir)).toEqual([alive, unnamedFresh, otherIncident].sort());
    } finally {
      live.kill('SIGKILL');
    }
  }, 60_000);
});
