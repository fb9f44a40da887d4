import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** How the fake Redis behaves: answers PING, never answers, or answers with an error. */
export type RedisMode = 'pong' | 'silent' | 'error';

/** A loopback TCP server speaking just enough RESP for a PING; `mode` can change between probes. */
export interface FakeRedis {
  url: string;
  mode: RedisMode;
  /** The commands received, as raw text. */
  received: string[];
  close(): Promise<void>;
}

function listen(server: Server | HttpServer): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** Starts a fake Redis; with `password`, it demands `AUTH <password>` first, as Redis does. */
export async function startFakeRedis(options: { password?: string } = {}): Promise<FakeRedis> {
  const sockets = new Set<Socket>();
  const fake: FakeRedis = { url: '', mode: 'pong', received: [], close: async () => undefined };
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let authed = options.password === undefined;
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => {
      fake.received.push(data);
      if (fake.mode === 'silent') return;
      if (fake.mode === 'error') return void socket.write('-ERR something broke\r\n');
      // A RESP array per command: the first bulk string is the command name.
      for (const cmd of data.split(/(?=\*\d+\r\n)/)) {
        const parts = cmd.split('\r\n').filter((_, i) => i > 0 && i % 2 === 0);
        if (parts[0] === 'AUTH') {
          authed = parts[parts.length - 1] === options.password;
          socket.write(authed ? '+OK\r\n' : '-WRONGPASS invalid password\r\n');
        } else if (parts[0] === 'PING') {
          socket.write(authed ? '+PONG\r\n' : '-NOAUTH Authentication required.\r\n');
        }
      }
    });
  });
  const port = await listen(server);
  fake.url = `redis://127.0.0.1:${port}`;
  fake.close = () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return fake;
}

/** A loopback HTTP server answering every request with `status`, which can change between probes. */
export interface FakeDownstream {
  url: string;
  status: number;
  close(): Promise<void>;
}

/** Starts a {@link FakeDownstream}; a 3xx status also sends a Location header. */
export async function startFakeDownstream(): Promise<FakeDownstream> {
  const fake: FakeDownstream = { url: '', status: 200, close: async () => undefined };
  const server = createHttpServer((_req, res) => {
    if (fake.status >= 300 && fake.status < 400) res.setHeader('location', '/login');
    res.writeHead(fake.status, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  });
  const port = await listen(server);
  fake.url = `http://127.0.0.1:${port}/health/ready`;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
