import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { freePort } from '@platform/infra';

/** A redis-server on a loopback port of its own that can be stopped and started again on that port (an outage). */
export interface RestartableRedis {
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}

const START_TIMEOUT_MS = 30_000;

/** Starts Debian's `redis-server` (nothing kept on disk: a restart is an empty cache, as after a crash). */
export async function startRestartableRedis(): Promise<RestartableRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    if (child) return;
    const started = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    started.once('error', () => undefined);
    child = started;
    // Generous: children of a niced run on a busy two-core machine (a 10 s bound failed once).
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await ping(port))) {
      if (started.exitCode !== null || Date.now() > deadline) {
        const why =
          started.exitCode !== null
            ? `exited with ${started.exitCode} (port taken?)`
            : `no PONG within ${START_TIMEOUT_MS / 1000} s`;
        started.kill('SIGKILL');
        child = undefined;
        throw new Error(`redis-server did not start on port ${port}: ${why}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const stop = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, start, stop };
}
