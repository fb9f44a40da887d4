// The realistic route of bench:http, shared by the three apps: one row by primary key, ≈ 1 KB of JSON.

/** Connections in each app's pool: the same on all three, so none waits on the database longer. */
export const ROWS_POOL_SIZE = 10;

/** The statement every app runs per request (a prepared-looking parameterised read by primary key). */
export const READ_ROW = 'SELECT id, name, updated_at, payload FROM bench_rows WHERE id = $1';

/** Reads one row of `bench_rows`; null when there is none. */
export interface RowReader {
  read(id: number): Promise<Record<string, unknown> | null>;
}

/** Injection token of the app's RowReader. */
export const ROW_READER = Symbol('ROW_READER');

/** The database the apps read from: the benchmark (or the spec) creates and seeds it. */
export function rowsDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set: bench:http apps read GET /rows/:id from it');
  return url;
}
