import pg from 'pg';
import { BackupError } from './errors.js';
import { redactedUrl } from './targets.js';

/** What a backup records about a database besides its dump. */
export interface DatabaseFacts {
  owner: string;
  serverVersion: string;
  latestMigration: string | null;
  /** Outbox rows not yet published; null without an outbox. */
  pendingEvents: number | null;
  rowCounts: Record<string, number>;
}

/** Runs `work` with a client of `url`; a server that cannot be reached is one clear error. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // An error event after the connection broke would otherwise crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new BackupError(`cannot reach PostgreSQL at ${redactedUrl(url)} (${reason})`);
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The facts of the connected database, read in the client's current transaction (snapshot). */
export async function readFacts(client: pg.Client): Promise<DatabaseFacts> {
  const { rows } = await client.query<{
    owner: string;
    server_version: string;
    migrations: string | null;
    outbox: string | null;
  }>(
    `SELECT pg_get_userbyid(datdba) AS owner, current_setting('server_version') AS server_version,
            to_regclass('public.migrations')::text AS migrations, to_regclass('public.messaging_outbox')::text AS outbox
       FROM pg_database WHERE datname = current_database()`,
  );
  const facts = rows[0]!;
  const latest = facts.migrations
    ? (await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY "timestamp" DESC, id DESC LIMIT 1'))
        .rows[0]?.name
    : undefined;
  const pending = facts.outbox
    ? (
        await client.query<{ count: string }>(
          'SELECT count(*) AS count FROM messaging_outbox WHERE published_at IS NULL',
        )
      ).rows[0]!.count
    : undefined;
  return {
    owner: facts.owner,
    serverVersion: facts.server_version,
    latestMigration: latest ?? null,
    pendingEvents: pending === undefined ? null : Number(pending),
    rowCounts: await rowCounts(client),
  };
}

/** Rows per table of the application's schemas, `schema.table` in name order. */
export async function rowCounts(client: pg.Client): Promise<Record<string, number>> {
  const { rows: tables } = await client.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
      ORDER BY 1, 2`,
  );
  const counts: Record<string, number> = {};
  for (const { schema, name } of tables) {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) AS count FROM ${quoteIdent(schema)}.${quoteIdent(name)}`,
    );
    counts[`${schema}.${name}`] = Number(rows[0]!.count);
  }
  return counts;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
