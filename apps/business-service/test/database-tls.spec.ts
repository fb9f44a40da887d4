import {
  makeTestCertificates,
  startPrivateTlsPostgres,
  type PrivateTlsPostgres,
  type TestCertificates,
} from '@platform/infra/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDataSourceOptions } from '../src/infrastructure/secondary-adapters/persistence/business-data-source.js';

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
function databaseUrl(host: string, query: string): string {
  return `postgres://postgres@${host}:${postgres.port}/postgres${query}`;
}

/** The service's data source, as its module builds it, started with its migrations. */
async function connect(url: string): Promise<DataSource> {
  const dataSource = new DataSource({ ...businessDataSourceOptions(url), migrationsRun: true });
  await dataSource.initialize();
  return dataSource;
}

describe('business-service database over TLS (DATABASE_URL with sslmode=verify-full)', () => {
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
