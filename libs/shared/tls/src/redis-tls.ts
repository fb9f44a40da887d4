import type { ConnectionOptions } from 'node:tls';
import { readPemFile } from './pem-file.js';

/** Where a Redis is and, for `rediss://`, how its certificate is checked: what every Redis client here is built from. */
export interface RedisConnection {
  url: string;
  /** Set for `rediss://`: certificate and host name verified, against `ca` when given (else the system's CAs). */
  tls?: ConnectionOptions;
}

/**
 * REDIS_URL and REDIS_CA_FILE as one connection. `rediss://` always verifies the server (never
 * `rejectUnauthorized: false`); a CA file with a plain `redis://` URL is a mistake, refused.
 */
export function redisConnection(url: string, caFile?: string): RedisConnection {
  if (!url.startsWith('rediss://')) {
    if (caFile) throw new Error('REDIS_CA_FILE is set but REDIS_URL is not rediss:// (TLS)');
    return { url };
  }
  return { url, tls: { rejectUnauthorized: true, ...(caFile ? { ca: readPemFile(caFile, 'REDIS_CA_FILE') } : {}) } };
}

/** A connection given as a bare URL (no TLS settings) or as a whole. */
export function asRedisConnection(connection: string | RedisConnection): RedisConnection {
  return typeof connection === 'string' ? redisConnection(connection) : connection;
}
