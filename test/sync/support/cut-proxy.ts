// A proxy in front of moto that cuts the network on demand: 'down' drops every connection (endpoint
// unreachable), 'lose-reply' lets the request reach moto and drops its answer (a timeout that succeeded
// server-side), 'throttle' answers ThrottlingException, 'flaky' does one of them at random per request.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type CutMode = 'pass' | 'down' | 'lose-reply' | 'throttle' | 'flaky';

export interface CutProxy {
  endpoint: string;
  mode: CutMode;
  /** A region whose requests (by the SigV4 credential scope) are dropped, as if that region were down. */
  downRegion?: string;
  /** Requests that reached moto and whose answer was dropped. */
  lostReplies: number;
  refused: number;
  throttled: number;
  forwarded: number;
  close(): Promise<void>;
}

export async function startCutProxy(upstream: string, random: () => number): Promise<CutProxy> {
  const sockets = new Set<Socket>();
  const state: CutProxy = { endpoint: '', mode: 'pass', lostReplies: 0, refused: 0, throttled: 0, forwarded: 0, close: async () => undefined };
  const forward = (req: IncomingMessage, res: ServerResponse, loseReply: boolean) => {
    const u = new URL(upstream);
    state.forwarded++;
    const up = request({ host: u.hostname, port: u.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      if (loseReply) {
        state.lostReplies++;
        r.resume();
        r.on('end', () => req.socket.destroy());
        return;
      }
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  };
  const server = createServer((req, res) => {
    let mode = state.mode;
    if (state.downRegion && String(req.headers.authorization ?? '').includes(`/${state.downRegion}/dynamodb/`)) mode = 'down';
    if (mode === 'flaky') {
      const x = random();
      mode = x < 0.1 ? 'down' : x < 0.2 ? 'lose-reply' : x < 0.25 ? 'throttle' : 'pass';
    }
    switch (mode) {
      case 'down':
        state.refused++;
        req.socket.destroy();
        return;
      case 'throttle':
        state.throttled++;
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': 'ThrottlingException' }).end('{"__type":"com.amazon.coral.availability#ThrottlingException","message":"Rate exceeded"}');
        return;
      default:
        forward(req, res, mode === 'lose-reply');
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  state.endpoint = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  state.close = () =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return state;
}

/** A seeded generator (mulberry32), so a failing run can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
