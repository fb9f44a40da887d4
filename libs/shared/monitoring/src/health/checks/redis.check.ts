import { createConnection, isIP, type Socket } from 'node:net';
import { connect as connectTls, type ConnectionOptions } from 'node:tls';
import { redisConnection } from '@platform/tls';
import { MONITORING_ERROR_CODES, MonitoringError } from '../../errors.js';
import type { ReadinessCheck } from '../readiness-check.js';

/** Options of {@link redisCheck}. */
export interface RedisCheckOptions {
  /** Key in health bodies; default `redis`. */
  name?: string;
  /** `redis://` or `rediss://[user:password@]host[:port]`; default the `REDIS_URL` environment variable. */
  url?: string;
  /** The CA a `rediss://` server's certificate is checked against; default `REDIS_CA_FILE`, else the system's CAs. */
  caFile?: string;
  /** Milliseconds before the check counts as down; default 3000. */
  timeoutMs?: number;
}

interface RedisTarget {
  host: string;
  port: number;
  username?: string;
  password?: string;
  /** Set for rediss://: the server's certificate and name are verified. */
  tls?: ConnectionOptions;
}

function parseUrl(raw: string | undefined, caFile: string | undefined): RedisTarget {
  const fail = (why: string): never => {
    throw new MonitoringError(MONITORING_ERROR_CODES.invalidConfiguration, `redisCheck: ${why}`);
  };
  if (!raw) return fail('needs a url or the REDIS_URL environment variable');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(`"${raw}" is not a URL`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') fail(`"${url.protocol}" is not redis:// or rediss://`);
  let tls: ConnectionOptions | undefined;
  try {
    tls = redisConnection(raw, caFile).tls;
  } catch (error) {
    fail((error as Error).message);
  }
  return {
    tls,
    host: url.hostname.replace(/^\[|\]$/g, '') || 'localhost',
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
  };
}

/** A command in RESP, the protocol's framing, so arguments may hold any character. */
function command(...args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
}

/** Sends the commands and resolves when each simple-string reply is the expected one, in order. */
function exchange(target: RedisTarget, commands: string[], expected: string[], signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    let replies = 0;
    let settled = false;
    const socket: Socket = target.tls
      ? connectTls({
          ...target.tls,
          host: target.host,
          port: target.port,
          ...(isIP(target.host) ? {} : { servername: target.host }),
        })
      : createConnection({ host: target.host, port: target.port });
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    const onAbort = (): void => finish(new Error('no answer from Redis in time'));
    signal.addEventListener('abort', onAbort, { once: true });

    socket.setEncoding('utf8');
    // Over TLS, write once the handshake (and the certificate check) is done.
    socket.once(target.tls ? 'secureConnect' : 'connect', () => socket.write(commands.join('')));
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      let end: number;
      while ((end = buffered.indexOf('\r\n')) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (line.startsWith('-')) return finish(new Error(`Redis answered ${line.slice(1)}`));
        if (line !== expected[replies]) return finish(new Error(`unexpected answer from Redis: ${line.slice(0, 80)}`));
        if (++replies === expected.length) return finish();
      }
    });
    socket.once('error', (error) => finish(error));
    socket.once('close', () => finish(new Error('Redis closed the connection before answering')));
  });
}

/** Readiness of Redis: `PING` answered by `PONG` (after `AUTH` when the URL has credentials). */
export function redisCheck(options: RedisCheckOptions = {}): ReadinessCheck {
  const target = parseUrl(options.url ?? process.env['REDIS_URL'], options.caFile ?? process.env['REDIS_CA_FILE']);
  const commands: string[] = [];
  const expected: string[] = [];
  if (target.password !== undefined) {
    commands.push(
      target.username ? command('AUTH', target.username, target.password) : command('AUTH', target.password),
    );
    expected.push('+OK');
  }
  commands.push(command('PING'));
  expected.push('+PONG');
  return {
    name: options.name ?? 'redis',
    timeoutMs: options.timeoutMs,
    async check({ signal }) {
      await exchange(target, commands, expected, signal);
    },
  };
}
