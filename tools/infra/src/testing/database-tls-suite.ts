import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCertificates, type TestCertificates } from './certificates.js';
import { startPrivateTlsPostgres, type PrivateTlsPostgres } from './private-postgres.js';

/** A service's data source as its module builds it, started with its migrations (TypeORM's shape). */
export interface MigratedDataSource {
  query(sql: string): Promise<unknown>;
  showMigrations(): Promise<boolean>;
  destroy(): Promise<void>;
}

/**
 * The suite every service runs for `DATABASE_URL` with `sslmode=verify-full`: against a private
 * TLS-only PostgreSQL, the right CA connects, migrates and encrypts; another CA, a host name not in
 * the certificate and a plain connection are refused. `connect` builds the service's data source.
 */
export function describeDatabaseOverTls(service: string, connect: (url: string) => Promise<MigratedDataSource>): void {
  let certificates: TestCertificates;
  let postgres: PrivateTlsPostgres;

  beforeAll(async () => {
    // The server's certificate names 127.0.0.1 only: reaching it as "localhost" must fail verify-full.
    certificates = await makeTestCertificates({ hosts: ['127.0.0.1'] });
    postgres = await startPrivateTlsPostgres({
      certFile: certificates.serverCertFile,
      keyFile: certificates.serverKeyFile,
    });
  }, 60_000);

  afterAll(async () => {
    await postgres?.destroy();
    certificates?.remove();
  });

  /** DATABASE_URL as an operator writes it: the TLS parameters in the URL's query. */
  const databaseUrl = (host: string, query: string) => `postgres://postgres@${host}:${postgres.port}/postgres${query}`;

  describe(`${service} database over TLS (DATABASE_URL with sslmode=verify-full)`, () => {
    it('connects with the CA that signed the server, migrates, and the session is encrypted', async () => {
      const dataSource = await connect(
        databaseUrl('127.0.0.1', `?sslmode=verify-full&sslrootcert=${certificates.caFile}`),
      );
      try {
        const [session] = (await dataSource.query('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')) as {
          ssl: boolean;
        }[];
        expect(session?.ssl).toBe(true);
        expect(await dataSource.showMigrations()).toBe(false);
      } finally {
        await dataSource.destroy();
      }
    });

    it('refuses a server whose certificate another CA signed', async () => {
      await expect(
        connect(databaseUrl('127.0.0.1', `?sslmode=verify-full&sslrootcert=${certificates.otherCaFile}`)),
      ).rejects.toThrow(/certificate/i);
    });

    it('refuses a server whose certificate does not name the host it was reached by', async () => {
      await expect(
        connect(databaseUrl('localhost', `?sslmode=verify-full&sslrootcert=${certificates.caFile}`)),
      ).rejects.toThrow(/does not match|altnames/i);
    });

    it('is refused by the server without TLS', async () => {
      await expect(connect(databaseUrl('127.0.0.1', ''))).rejects.toThrow(/pg_hba\.conf rejects .*no encryption/);
    });
  });
}
