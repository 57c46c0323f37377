// Local HTTP servers that play Slack, Teams, a webhook receiver and PagerDuty, with faults on demand,
// and a journal-backed outbox on a temporary state dir.
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncidentStore } from '../../src/store/incident-store.js';
import { ChannelsConfigSchema } from '../../src/comms/config.js';
import { makeOutbox } from '../../src/comms/wire.js';
import type { AwsClientFactory } from '../../src/comms/channels/aws-channels.js';
import type { SecretSources } from '../../src/comms/secrets.js';

export type Fault = 'ok' | 'error500' | 'throttle' | 'hang' | 'bad-request';

export interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  json: Record<string, unknown>;
}

export interface FakeChannel {
  url: string;
  port: number;
  fault: Fault;
  retryAfter: string;
  received: Received[];
  /** Resolves when the next request arrives. */
  nextRequest(): Promise<Received>;
  close(): Promise<void>;
}

/** `reply` answers a good request the way the real service does (Slack "ok", PagerDuty 202 JSON). */
export async function startFakeChannel(reply: (r: Received, res: ServerResponse) => void, port = 0): Promise<FakeChannel> {
  const sockets = new Set<Socket>();
  let waiters: ((r: Received) => void)[] = [];
  const state: FakeChannel = {
    url: '',
    port: 0,
    fault: 'ok',
    retryAfter: '7',
    received: [],
    nextRequest: () => new Promise((res) => waiters.push(res)),
    close: async () => undefined,
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        // left empty: the test checks it
      }
      const r: Received = { path: req.url ?? '', headers: req.headers, body, json };
      state.received.push(r);
      const w = waiters;
      waiters = [];
      w.forEach((f) => f(r));
      switch (state.fault) {
        case 'hang':
          return;
        case 'error500':
          return void res.writeHead(500, { 'content-type': 'text/plain' }).end('internal_error');
        case 'throttle':
          return void res.writeHead(429, { 'retry-after': state.retryAfter, 'content-type': 'text/plain' }).end('rate_limited');
        case 'bad-request':
          return void res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_payload');
        default:
          return reply(r, res);
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((res) => server.listen(port, '127.0.0.1', () => res()));
  const addr = server.address();
  state.port = typeof addr === 'object' && addr ? addr.port : 0;
  state.url = `http://127.0.0.1:${state.port}`;
  state.close = () =>
    new Promise((res) => {
      for (const s of sockets) s.destroy();
      server.close(() => res());
    });
  return state;
}

export const slackReply = (_r: Received, res: ServerResponse) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
export const teamsReply = (_r: Received, res: ServerResponse) => void res.writeHead(202).end();
export const webhookReply = (_r: Received, res: ServerResponse) => void res.writeHead(204).end();
export const pagerDutyReply = (r: Received, res: ServerResponse) =>
  void res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'success', message: 'Event processed', dedup_key: r.json.dedup_key }));

export interface ManualClock {
  now(): number;
  advance(ms: number): void;
}

export function manualClock(start = Date.parse('2026-12-03T09:00:00Z')): ManualClock {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

export function tempStateDir(): string {
  return mkdtempSync(join(tmpdir(), 'warroom-comms-'));
}

export async function openIncident(store: IncidentStore, mode: 'live' | 'exercise' = 'live', severity: 'SEV1' | 'SEV2' = 'SEV1'): Promise<string> {
  const first = await store.create({ title: 'Orders database down in eu-west-2', severity, mode, scenarios: [], params: {} }, 'alice');
  return first.data.id as string;
}

export function outboxFor(
  store: IncidentStore,
  clock: ManualClock,
  channels: unknown,
  env: Record<string, string>,
  extra: { aws?: AwsClientFactory; secretClients?: Omit<SecretSources, 'env'> } = {},
) {
  return makeOutbox({
    store: { load: (id) => store.load(id), append: (id, ev, actor) => store.append(id, ev, actor), journalPath: (id) => store.journalPath(id) },
    clock,
    actor: 'alice',
    env,
    config: ChannelsConfigSchema.parse(channels),
    ...extra,
  });
}
