import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadInfraConfig } from '../config.js';
import { infraPaths } from '../paths.js';
import { ensurePostgres, stopPostgres } from '../postgres.js';
import { run } from '../process.js';
import { isolatedEnv } from './isolated-env.js';

/** A PostgreSQL of one test file's own that accepts only TLS connections. */
export interface PrivateTlsPostgres {
  host: string;
  port: number;
  /** `postgres://postgres@<host>:<port>/postgres` without any TLS parameter: the test adds its own. */
  url: string;
  /** Stops the server and deletes its data. */
  destroy(): Promise<void>;
}

export interface PrivateTlsPostgresOptions {
  /** The server's certificate and key (PEM), e.g. from `makeTestCertificates`. */
  certFile: string;
  keyFile: string;
}

const OS_USER = 'postgres';

/**
 * Starts a private PostgreSQL on a free loopback port, then turns TLS on with the given
 * certificate and lets only `hostssl` connections in (a plain one is rejected by pg_hba), for
 * tests of `sslmode=verify-full`. The shared test server stays as it is.
 */
export async function startPrivateTlsPostgres(options: PrivateTlsPostgresOptions): Promise<PrivateTlsPostgres> {
  const env = await isolatedEnv();
  const config = loadInfraConfig(env);
  const paths = infraPaths(env);
  const endpoint = await ensurePostgres(config, paths, undefined, () => undefined);
  const destroy = async (): Promise<void> => {
    if (endpoint.started) await stopPostgres(endpoint.started, paths);
    rmSync(paths.root, { recursive: true, force: true });
  };
  try {
    // The server reads its key only when the postgres OS user owns it and nobody else may read it.
    const cert = path.join(paths.postgresData, 'test-server.crt');
    const key = path.join(paths.postgresData, 'test-server.key');
    copyFileSync(options.certFile, cert);
    copyFileSync(options.keyFile, key);
    if (process.getuid?.() === 0) await run('chown', [`${OS_USER}:${OS_USER}`, cert, key]);
    await run('chmod', ['0600', key]);
    writeFileSync(
      path.join(paths.postgresData, 'pg_hba.conf'),
      [
        '# Written by @platform/infra/testing: TLS only.',
        'hostssl all all 127.0.0.1/32 trust',
        'hostnossl all all 0.0.0.0/0 reject',
        '',
      ].join('\n'),
    );
    // TLS settings and pg_hba.conf take effect on a reload (PostgreSQL 10+): no restart.
    const admin = new pg.Client({ connectionString: endpoint.url });
    await admin.connect();
    try {
      await admin.query(`ALTER SYSTEM SET ssl_cert_file = '${cert}'`);
      await admin.query(`ALTER SYSTEM SET ssl_key_file = '${key}'`);
      await admin.query('ALTER SYSTEM SET ssl = on');
      const { rows } = await admin.query<{ reloaded: boolean }>('SELECT pg_reload_conf() AS reloaded');
      if (!rows[0]?.reloaded) throw new Error('pg_reload_conf() failed');
    } finally {
      await admin.end();
    }
    await waitForTls(endpoint.url);
    const url = new URL(endpoint.url);
    return { host: url.hostname, port: Number(url.port), url: endpoint.url, destroy };
  } catch (error) {
    await destroy();
    throw error;
  }
}

/** A reload is asynchronous: wait until a TLS connection (not verified: this is the server's own check) gets in. */
async function waitForTls(url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url, ssl: { rejectUnauthorized: false } });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline)
        throw new Error(`the private PostgreSQL did not take TLS: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
