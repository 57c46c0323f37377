// A local HTTP proxy that misbehaves on demand, in front of moto: it hangs, answers 5xx, throttles,
// resets the connection, or passes the request through.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type FaultMode = 'pass' | 'hang' | 'error500' | 'throttle' | 'reset';

export interface FaultProxy {
  endpoint: string;
  mode: FaultMode;
  requests: number;
  close(): Promise<void>;
}

export async function startFaultProxy(upstream: string | undefined): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  const state: FaultProxy = { endpoint: '', mode: 'pass', requests: 0, close: async () => undefined };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    state.requests++;
    switch (state.mode) {
      case 'hang':
        return; // read nothing, answer nothing: the socket stays open until the client gives up
      case 'error500':
        res.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' }).end('{"__type":"InternalServerError","message":"simulated 500"}');
        return;
      case 'throttle':
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': 'ThrottlingException' }).end('{"__type":"com.amazon.coral.availability#ThrottlingException","message":"Rate exceeded"}');
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'pass': {
        if (!upstream) return void res.writeHead(502).end();
        const u = new URL(upstream);
        const up = request({ host: u.hostname, port: u.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        });
        up.on('error', () => res.destroy());
        req.pipe(up);
      }
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
