import pg from 'pg';
import { testInfra } from './environment.js';
import { uniqueName } from './names.js';

/** A database of one test file's own; `drop()` removes it, closing any connection left open. */
export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function onAdminDatabase<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates a fresh, uniquely named database on the test PostgreSQL, so test files can run in parallel. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const { databaseUrl } = testInfra();
  const name = uniqueName(prefix);
  await onAdminDatabase(databaseUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      onAdminDatabase(databaseUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
