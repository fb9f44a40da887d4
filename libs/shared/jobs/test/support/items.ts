import { createTestDatabase, type TestDatabase } from '@platform/infra/testing';
import { register } from 'prom-client';
import { DataSource } from 'typeorm';
import { defineJob, jobsMigrations, type JobBatchContext, type JobDefinition } from '../../src/index.js';

/** A database with `job_runs`, and `items` a job processes into `effects` (no unique key: a second processing shows). */
export interface ItemsDatabase {
  database: TestDatabase;
  /** A DataSource on it; `connect()` opens another one, as a second instance would. */
  dataSource: DataSource;
  connect(): Promise<DataSource>;
  close(): Promise<void>;
}

export async function createItemsDatabase(prefix: string, items: number): Promise<ItemsDatabase> {
  const database = await createTestDatabase(prefix);
  const opened: DataSource[] = [];
  const connect = async () => {
    const source = new DataSource({ type: 'postgres', url: database.url, migrations: jobsMigrations });
    opened.push(await source.initialize());
    return source;
  };
  const dataSource = await connect();
  await dataSource.runMigrations();
  await dataSource.query(`CREATE TABLE items (id integer PRIMARY KEY, processed_at timestamptz)`);
  await dataSource.query(`CREATE TABLE effects (item_id integer NOT NULL, run_id uuid NOT NULL)`);
  await dataSource.query(`INSERT INTO items (id) SELECT generate_series(1, $1)`, [items]);
  return {
    database,
    dataSource,
    connect,
    async close() {
      await Promise.allSettled(opened.map((source) => source.destroy()));
      await database.drop();
    },
  };
}

/** Options of the test job: which items fail, where it crashes, where it waits. */
export interface ItemsJobOptions {
  name: string;
  everyMs?: number;
  staleAfterMs?: number;
  /** Items that fail (counted and skipped, left unprocessed). */
  failing?: (id: number) => boolean;
  /** Called before each batch: may wait (a gate) or throw. */
  beforeBatch?: (context: JobBatchContext<number>) => Promise<void> | void;
  /** Items after which the batch throws, once the items before them are committed. */
  crashAfter?: { items: number; once: boolean };
}

/** Every call of `batch`, to check pagination. */
export interface BatchCall {
  after: number | undefined;
  limit: number;
  runId: string;
}

/**
 * An idempotent keyset job over `items`: each unprocessed item is marked processed and gets one
 * effect row, in one transaction; processed items are not selected again.
 */
export function itemsJob(
  dataSource: DataSource,
  options: ItemsJobOptions,
): { job: JobDefinition<number>; calls: BatchCall[] } {
  const calls: BatchCall[] = [];
  let crashed = false;
  const job = defineJob<number>({
    name: options.name,
    everyMs: options.everyMs ?? 60_000,
    staleAfterMs: options.staleAfterMs ?? 3_600_000,
    pending: async () =>
      Number(
        ((await dataSource.query(`SELECT count(*) AS n FROM items WHERE processed_at IS NULL`)) as { n: string }[])[0]!
          .n,
      ),
    async batch(context) {
      calls.push({ after: context.after, limit: context.limit, runId: context.runId });
      await options.beforeBatch?.(context);
      const rows = (await dataSource.query(
        `SELECT id FROM items WHERE processed_at IS NULL AND id > $1 ORDER BY id LIMIT $2`,
        [context.after ?? 0, context.limit],
      )) as { id: number }[];
      let succeeded = 0;
      let failed = 0;
      for (const [index, { id }] of rows.entries()) {
        const crash = options.crashAfter;
        if (crash && index === crash.items && !(crash.once && crashed)) {
          crashed = true;
          throw new Error(`crashed in the middle of a batch, at item ${id}`);
        }
        if (options.failing?.(id)) {
          failed++;
          context.log.warn('item failed', { item: id });
          continue;
        }
        await dataSource.transaction(async (manager) => {
          await manager.query(`INSERT INTO effects (item_id, run_id) VALUES ($1, $2)`, [id, context.runId]);
          await manager.query(`UPDATE items SET processed_at = now() WHERE id = $1`, [id]);
        });
        succeeded++;
      }
      return { succeeded, failed, next: rows.length === context.limit ? rows.at(-1)!.id : undefined };
    },
  });
  return { job, calls };
}

/** Effects per item: every item processed exactly once shows as `{ items, max: 1 }`. */
export async function effectCounts(dataSource: DataSource): Promise<{ items: number; max: number; total: number }> {
  const [row] = (await dataSource.query(
    `SELECT count(DISTINCT item_id)::int AS items, COALESCE(max(n), 0)::int AS max, COALESCE(sum(n), 0)::int AS total
       FROM (SELECT item_id, count(*) AS n FROM effects GROUP BY item_id) per_item`,
  )) as { items: number; max: number; total: number }[];
  return row!;
}

/** The value of one sample of a metric in prom-client's registry (text exposition), or undefined. */
export async function metricValue(name: string, labels: Record<string, string>): Promise<number | undefined> {
  const text = await register.metrics();
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^(\w+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const given = match[2]!.split(',');
    if (wanted.every((pair) => given.includes(pair)) && given.length === wanted.length) return Number(match[3]);
  }
  return undefined;
}

/** A promise to release from outside: holds a batch at a known point. */
export function gate(): { wait: Promise<void>; open: () => void; reached: Promise<void>; arrive: () => void } {
  let open!: () => void;
  let arrive!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  const reached = new Promise<void>((resolve) => (arrive = resolve));
  return { wait, open, reached, arrive };
}
