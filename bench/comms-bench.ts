// Key-to-frame in the console while its outbox delivers to five channels that never answer, against the
// same console with nothing to deliver. Run: npm run build --silent && node --import tsx bench/comms-bench.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawn } from 'node-pty';
import type { NewEvent } from '../src/core/index.js';
import { IncidentStore } from '../src/store/incident-store.js';
import { stats } from './stats.js';

const CLI = new URL('../dist/cli.js', import.meta.url).pathname;

async function keyToFrame(withHangingChannels: boolean, runs = 200, events = 10_000) {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-comms-bench-'));
  let requests = 0;
  // Reads each request and never answers: every attempt runs to its timeout.
  const server = createServer(() => void requests++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  const samples: number[] = [];
  try {
    const store = new IncidentStore(dir, { now: () => Date.now() });
    const first = await store.create({ title: 'bench incident', severity: 'SEV1', mode: 'live', scenarios: [], params: {} }, 'bench');
    const id = String(first.data.id);
    for (let done = 1; done < events - 2; ) {
      const n = Math.min(1000, events - 2 - done);
      await store.append(id, Array.from({ length: n }, (_, i): NewEvent => ({ kind: 'note', data: { text: `note ${done + i}` } })), 'bench');
      done += n;
    }
    const names = ['pd1', 'pd2', 'pd3', 'pd4', 'pd5'];
    writeFileSync(
      join(dir, 'warroom.yaml'),
      ['services:', '  - name: bench', '    channels:', '      timeout_seconds: 2', '      targets:',
        ...names.map((n) => `        - { name: ${n}, kind: pagerduty, routing_key: "env:PD_KEY", events_url: "http://127.0.0.1:${port}/v2/enqueue" }`), ''].join('\n'),
    );
    // Two events so both variants hold the same number: the update and, with channels, its queue record.
    const [sent] = await store.append(id, [{ kind: 'comms.sent', data: { channel: 'status', text: 'bench update', kind: 'initial' } }], 'bench');
    await store.append(id, [withHangingChannels
      ? { kind: 'comms.queued', data: { sentSeq: sent!.seq, kind: 'initial', severity: 'SEV1', channels: names, exercise: false } }
      : { kind: 'note', data: { text: 'nothing queued' } }], 'bench');
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'CI') env[k] = v;
    Object.assign(env, { TERM: 'xterm-256color', WARROOM_ACTOR: 'bench', WARROOM_SERVICE_FILE: join(dir, 'warroom.yaml'), PD_KEY: 'bench-key' });
    const pty = spawn(process.execPath, [CLI, '--state-dir', dir], { cols: 160, rows: 48, env, name: 'xterm-256color' });
    let since = '';
    let waiter: { pred: (s: string) => boolean; resolve: (t: number) => void } | undefined;
    pty.onData((d) => {
      since += d;
      if (waiter?.pred(since)) {
        const w = waiter;
        waiter = undefined;
        w.resolve(performance.now());
      }
    });
    const until = (pred: (s: string) => boolean) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out at ${String(pred)}; output:\n${since.slice(-1500)}`)), 15_000);
        waiter = { pred, resolve: (t) => (clearTimeout(timer), resolve(t)) };
        if (pred(since)) {
          waiter = undefined;
          clearTimeout(timer);
          resolve(performance.now());
        }
      });
    const press = (k: string) => ((since = ''), pty.write(k));
    const exited = new Promise<void>((r) => pty.onExit(() => r()));
    await until((s) => s.includes('bench incident'));
    press('\r');
    // With channels, delivery records keep arriving, so the count is not fixed.
    await until((s) => / events/.test(s));
    press('4');
    await until((s) => s.includes('following'));
    for (let i = 0; i < runs; i++) {
      await new Promise((r) => setTimeout(r, 60));
      const up = i % 2 === 0;
      const t0 = performance.now();
      press(up ? 'k' : 'j');
      samples.push((await until((s) => (up ? /\d+ newer below/.test(s) : /newer below|events, following/.test(s)))) - t0);
    }
    press('q');
    await exited;
  } finally {
    server.closeAllConnections();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { ...stats(samples), channelRequests: requests };
}

const quiet = await keyToFrame(false);
const busy = await keyToFrame(true);
console.log(JSON.stringify({ keyToFrame: { nothingToDeliver: quiet, fiveChannelsTimingOut: busy } }, null, 2));
