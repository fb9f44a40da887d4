import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { freePort } from '../ports.js';

/** A redis-server of one test file's own, on a free loopback port, keeping nothing on disk. */
export interface TestRedis {
  /** `redis://127.0.0.1:<port>`, or `rediss://` when started with TLS. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** TLS only (`--port 0 --tls-port`): the server's certificate and key, and the CA clients check it with. */
export interface TestRedisTls {
  certFile: string;
  keyFile: string;
  caFile: string;
}

function ping(port: number, tls?: TestRedisTls): Promise<boolean> {
  return new Promise((resolve) => {
    const sendPing = () => socket.write('PING\r\n');
    const socket: Socket = tls
      ? connectTls({ host: '127.0.0.1', port, ca: readFileSync(tls.caFile) }, sendPing)
      : createConnection({ host: '127.0.0.1', port }, sendPing);
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts Debian's `redis-server` (installed by .ci/run) and waits until it answers PING; with
 * `tls`, it listens for TLS only (no plain port) and does not ask clients for certificates.
 */
export async function startTestRedis(options: { tls?: TestRedisTls } = {}): Promise<TestRedis> {
  const { tls } = options;
  const port = await freePort();
  const listen = tls
    ? ['--port', '0', '--tls-port', String(port), '--tls-cert-file', tls.certFile, '--tls-key-file', tls.keyFile]
    : ['--port', String(port)];
  const trust = tls ? ['--tls-ca-cert-file', tls.caFile, '--tls-auth-clients', 'no'] : [];
  const child = spawn(
    'redis-server',
    [...listen, ...trust, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', () => undefined);
  const deadline = Date.now() + 10_000;
  while (!(await ping(port, tls))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('redis-server did not start (is it installed? .ci/run installs it from Debian)');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `${tls ? 'rediss' : 'redis'}://127.0.0.1:${port}`,
    port,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
