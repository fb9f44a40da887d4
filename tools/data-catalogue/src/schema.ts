import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from '@platform/infra';
import { createTestDatabase } from '@platform/infra/testing';
import pg from 'pg';
import { SERVICE_DATABASES, type ServiceDatabase } from './services.js';

const exec = promisify(execFile);

/** One column of a service's schema as its migrations leave it, with its comment. */
export interface ColumnInfo {
  table: string;
  column: string;
  comment: string | null;
}

/**
 * Runs a service's migrations on a scratch database of the test PostgreSQL and returns every
 * column of its tables, ordered by table then position; the database is dropped afterwards.
 */
export async function readServiceColumns(database: ServiceDatabase): Promise<ColumnInfo[]> {
  const scratch = await createTestDatabase(`data_catalogue_${database.service.replace(/-/g, '_')}`);
  try {
    await migrate(database, scratch.url);
    return await readColumns(scratch.url);
  } finally {
    await scratch.drop();
  }
}

/** The deploy Jobs' runner, on the TypeScript sources (SWC compiles them as `npm run auth:migrate` does). */
async function migrate(database: ServiceDatabase, url: string): Promise<void> {
  const args = [
    '--import',
    '@swc-node/register/esm-register',
    'deploy/k8s/base/migrate.mjs',
    database.dataSourceModule,
    database.optionsFunction,
  ];
  try {
    await exec(process.execPath, args, { cwd: repoRoot, env: { ...process.env, DATABASE_URL: url } });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`the migrations of ${database.service} failed: ${stderr?.trim() || String(error)}`);
  }
}

async function readColumns(url: string): Promise<ColumnInfo[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // ordinal_position is the column's attnum, which col_description takes.
    const { rows } = await client.query<ColumnInfo>(`
      SELECT c.table_name AS "table", c.column_name AS "column",
             col_description(format('%I.%I', c.table_schema, c.table_name)::regclass, c.ordinal_position) AS "comment"
        FROM information_schema.columns c
        JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
       ORDER BY c.table_name, c.ordinal_position`);
    return rows;
  } finally {
    await client.end();
  }
}

/** Every service's columns, one service after the other (two cores: the migrations compile a lot). */
export async function readAllServices(
  onService: (service: string) => void = () => undefined,
): Promise<{ service: string; columns: ColumnInfo[] }[]> {
  const services = [];
  for (const database of SERVICE_DATABASES) {
    onService(database.service);
    services.push({ service: database.service, columns: await readServiceColumns(database) });
  }
  return services;
}
