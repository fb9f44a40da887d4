/**
 * The business-service's read paths on a realistic volume: 1,000 businesses and 1,000,000
 * invoices (1,000 each, interleaved in the table as time would interleave them) in a database of
 * the bench's own, generated with INSERT ... SELECT generate_series. The service runs as a
 * separate process (`main.ts` with the tracing loader, on free ports, Redis from a redis-server
 * of the bench's own); this process calls its HTTP port with identity headers signed as the
 * gateway signs them, over keep-alive connections, and times every request:
 *   1. a filtered invoice list page: GET /v1/businesses/{id}/invoices?status=issued&limit=20;
 *   2. the summary uncached: Redis flushed, then every business once (each request a miss that
 *      takes the lock, computes the aggregate and stores it), BENCH_UNCACHED_ROUNDS times;
 *   3. the summary cached: random businesses, every request a hit (the metrics are checked).
 * Aims: list p99 ≤ 25 ms, cached summary p99 ≤ 5 ms, uncached ≤ 100 ms.
 *
 *   npm run bench:business   last line: `invoice list p99 ms: N, summary p99 ms: cached N, uncached N`
 *
 * Knobs: BENCH_BUSINESSES (1000), BENCH_INVOICES_PER_BUSINESS (1000), BENCH_REQUESTS (per phase,
 * 5000), BENCH_CONNECTIONS (4), BENCH_UNCACHED_ROUNDS (3).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { publishedContracts } from '@platform/contracts';
import { acquireInfra, deleteGroups, freePort, repoRoot, startGroupsAtTheEnd } from '@platform/infra';
import { startTestRedis } from '@platform/infra/testing';
import { signIdentity } from '@platform/identity';
import { Redis } from 'ioredis';
import pg from 'pg';
import { positiveInt } from './bench-env.js';
import { Cleanup } from './cleanup.js';
import { percentile, round } from './stats.js';

const businesses = positiveInt('BENCH_BUSINESSES', 1_000);
const perBusiness = positiveInt('BENCH_INVOICES_PER_BUSINESS', 1_000);
const requests = positiveInt('BENCH_REQUESTS', 5_000);
const connections = positiveInt('BENCH_CONNECTIONS', 4);
const uncachedRounds = positiveInt('BENCH_UNCACHED_ROUNDS', 3);

const cleanup = new Cleanup();
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`${signal}: stopping what the benchmark started`);
    void cleanup.unwind().finally(() => process.exit(130));
  });
}

// UUID v7 in SQL (PostgreSQL 15 has no uuidv7()): 48 bits of Unix ms, version 7, and the random
// bits (variant included) of a v4.
const UUID7 = `
  CREATE FUNCTION pg_temp.uuid7(at timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $$
    SELECT (lpad(to_hex(floor(extract(epoch FROM at) * 1000)::bigint), 12, '0') || '7'
            || substr(replace(gen_random_uuid()::text, '-', ''), 14))::uuid
  $$`;

/**
 * Runs `load` with the invoices' secondary indexes and unique constraint dropped, then builds them
 * again from their own definitions (the schema ends as the migrations made it): one sort per index
 * instead of 1,000,000 insertions into each.
 */
async function withoutInvoiceIndexes(db: pg.Client, load: () => Promise<void>): Promise<void> {
  const { rows: constraints } = await db.query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conrelid = 'invoices'::regclass AND contype = 'u'`,
  );
  const { rows: indexes } = await db.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE tablename = 'invoices' AND indexname NOT IN (
        SELECT conname FROM pg_constraint WHERE conrelid = 'invoices'::regclass AND contype IN ('p', 'u'))`,
  );
  for (const constraint of constraints) await db.query(`ALTER TABLE invoices DROP CONSTRAINT "${constraint.name}"`);
  for (const index of indexes) await db.query(`DROP INDEX "${index.name}"`);
  await load();
  await db.query("SET maintenance_work_mem = '256MB'");
  for (const constraint of constraints)
    await db.query(`ALTER TABLE invoices ADD CONSTRAINT "${constraint.name}" ${constraint.definition}`);
  for (const index of indexes) await db.query(index.definition);
}

/** Owners, businesses, 10 customers each, then the invoices, in created_at order across businesses. */
async function seed(db: pg.Client): Promise<{ businessId: string; userId: string }[]> {
  await db.query('SET synchronous_commit = off');
  await db.query(UUID7);
  await db.query(
    `CREATE TEMP TABLE bench_businesses AS
       SELECT n, pg_temp.uuid7(now() - interval '400 days') AS business_id, pg_temp.uuid7(now() - interval '400 days') AS user_id
         FROM generate_series(1, $1) n`,
    [businesses],
  );
  await db.query(`INSERT INTO directory_users (user_id, email, display_name, registered_at)
                  SELECT user_id, 'owner-' || n || '@bench.example', 'Owner ' || n, now() FROM bench_businesses`);
  await db.query(`INSERT INTO businesses (id, name, currency, invoice_prefix, created_at, updated_at)
                  SELECT business_id, 'Business ' || n, 'EUR', 'B' || n, now(), now() FROM bench_businesses`);
  await db.query(`INSERT INTO business_members (business_id, user_id, role, added_at)
                  SELECT business_id, user_id, 'owner', now() FROM bench_businesses`);
  await db.query(`CREATE TEMP TABLE bench_customers AS
                    SELECT b.n, c, b.business_id, pg_temp.uuid7(now() - interval '400 days') AS customer_id
                      FROM bench_businesses b CROSS JOIN generate_series(0, 9) c`);
  await db.query(`INSERT INTO customers (id, business_id, name, email, created_at, updated_at)
                  SELECT customer_id, business_id, 'Customer ' || c, 'customer-' || n || '-' || c || '@bench.example', now(), now()
                    FROM bench_customers`);
  // 10 % draft, 40 % issued, 45 % paid, 5 % void; 1 in 7 in USD; due dates ±90 days around today;
  // created over the last year. Amounts follow the service's rule (tax per line, rounded half away from zero).
  await withoutInvoiceIndexes(db, () =>
    db
      .query(
        `INSERT INTO invoices (id, business_id, customer_id, number, status, currency, due_date, lines,
                           subtotal_minor, tax_minor, total_minor, issued_at, version, created_at, updated_at)
     SELECT pg_temp.uuid7(a.created_at), b.business_id, c.customer_id,
            CASE WHEN a.status = 'draft' THEN NULL ELSE 'B' || b.n || '-2026-' || lpad(i::text, 6, '0') END,
            a.status, a.currency, current_date + ((i * 37) % 181 - 90),
            jsonb_build_array(jsonb_build_object('description', 'Consulting', 'quantity', a.quantity,
              'unitAmountMinor', a.unit, 'taxRateBps', 1900, 'subtotalMinor', a.quantity * a.unit,
              'taxMinor', round(a.quantity * a.unit * 0.19), 'totalMinor', a.quantity * a.unit + round(a.quantity * a.unit * 0.19))),
            a.quantity * a.unit, round(a.quantity * a.unit * 0.19), a.quantity * a.unit + round(a.quantity * a.unit * 0.19),
            CASE WHEN a.status = 'draft' THEN NULL ELSE a.created_at END, 1, a.created_at, a.created_at
       FROM generate_series(1, $1) i
      CROSS JOIN bench_businesses b
      CROSS JOIN LATERAL (SELECT
              CASE WHEN i % 10 = 0 THEN 'draft' WHEN i % 20 = 1 THEN 'void'
                   WHEN i % 10 IN (2, 3, 4, 5) THEN 'issued' ELSE 'paid' END AS status,
              CASE WHEN (i + b.n) % 7 = 0 THEN 'USD' ELSE 'EUR' END AS currency,
              1 + (i + b.n) % 5 AS quantity,
              1000 + ((i * 7919 + b.n * 104729) % 99000) AS unit,
              now() - make_interval(secs => ($1 - i) * 31536000.0 / $1) AS created_at) a
       JOIN bench_customers c ON c.n = b.n AND c.c = (i + b.n) % 10
      ORDER BY i, b.n`,
        [perBusiness],
      )
      .then(() => undefined),
  );
  await db.query(
    `INSERT INTO invoice_number_sequences (business_id, year, last_number)
                  SELECT business_id, 2026, $1 FROM bench_businesses`,
    [perBusiness],
  );
  const { rows } = await db.query<{ business_id: string; user_id: string }>(
    'SELECT business_id, user_id FROM bench_businesses ORDER BY n',
  );
  return rows.map((row) => ({ businessId: row.business_id, userId: row.user_id }));
}

// The statements the service runs, as its adapters write them (PostgresInvoices.list with a status
// filter, PostgresBusinessSummaries.compute), to time them inside PostgreSQL with EXPLAIN ANALYZE.
const LIST_SQL = `SELECT id, business_id, customer_id, number, status, currency, to_char(due_date, 'YYYY-MM-DD') AS due_date,
  lines, subtotal_minor, tax_minor, total_minor, issued_at, voided_at, void_reason, version, created_at, updated_at
  FROM invoices WHERE business_id = $1 AND status = 'issued' ORDER BY id DESC LIMIT 21`;
const SUMMARY_SQL = `SELECT status, currency, count(*)::int AS count, sum(total_minor)::text AS total,
  count(*) FILTER (WHERE status = 'issued' AND due_date < current_date)::int AS overdue_count,
  coalesce(sum(total_minor) FILTER (WHERE status = 'issued' AND due_date < current_date), 0)::text AS overdue_total
  FROM invoices WHERE business_id = $1 GROUP BY status, currency ORDER BY status, currency`;

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function scans(node: PlanNode): string[] {
  const own = node['Index Name'] ? [`${node['Node Type']} on ${node['Index Name']}`] : [];
  return [...own, ...(node.Plans ?? []).flatMap(scans)];
}

/** Execution times inside PostgreSQL (ms, sorted) of `sql` for `ids`, and the scans of its plan. */
async function databaseTimes(db: pg.Client, sql: string, ids: string[]): Promise<{ times: number[]; plan: string }> {
  const times: number[] = [];
  let plan = '';
  for (const id of ids) {
    const { rows } = await db.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
      [id],
    );
    const [result] = rows[0]?.['QUERY PLAN'] ?? [];
    if (!result) throw new Error('EXPLAIN answered nothing');
    times.push(result['Execution Time']);
    plan = scans(result.Plan).join(', ');
  }
  return { times: times.sort((a, b) => a - b), plan };
}

interface Service {
  url: URL;
  managementUrl: string;
}

async function startService(env: Record<string, string>): Promise<Service> {
  const [port, managementPort] = [await freePort(), await freePort()];
  const child = spawn(
    process.execPath,
    ['--import', './libs/shared/observability/src/register.mjs', 'apps/business-service/src/main.ts'],
    {
      cwd: repoRoot,
      env: {
        PATH: process.env['PATH'],
        NODE_ENV: 'production',
        SERVICE_NAME: 'business-service',
        HOST: '127.0.0.1',
        PORT: String(port),
        MANAGEMENT_PORT: String(managementPort),
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  cleanup.defer('stop the business-service', async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  });
  const managementUrl = `http://127.0.0.1:${managementPort}`;
  for (let waited = 0; waited < 180_000; waited += 300) {
    if (child.exitCode !== null) throw new Error(`the business-service exited with ${child.exitCode}`);
    const ready = await fetch(`${managementUrl}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { url: new URL(`http://127.0.0.1:${port}`), managementUrl };
    await sleep(300);
  }
  throw new Error('the business-service was not ready within 180 s');
}

interface Target {
  path: string;
  userId: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: connections });

/** One request; resolves with its status and milliseconds from write to the last byte. */
function timedGet(service: Service, target: Target, key: string): Promise<{ status: number; ms: number }> {
  const headers = signIdentity(
    { userId: target.userId, roles: ['user'], tokenIssuedAt: Math.floor(Date.now() / 1000) - 1 },
    { method: 'GET', path: target.path },
    key,
  );
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(
      { host: service.url.hostname, port: service.url.port, path: target.path, headers, agent },
      (response) => {
        response.resume();
        response.once('end', () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
        response.once('error', reject);
      },
    );
    request.once('error', reject);
  });
}

/** `count` requests, `connections` at a time (closed loop); latencies sorted. */
async function drive(service: Service, key: string, count: number, target: (i: number) => Target): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const { status, ms } = await timedGet(service, target(i), key);
      if (status !== 200) throw new Error(`${target(i).path}: status ${status}`);
      latencies.push(ms);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return latencies.sort((a, b) => a - b);
}

function line(name: string, sorted: number[]): string {
  const at = (p: number) => round(percentile(sorted, p));
  return `${name}: ${sorted.length} requests, p50 ${at(50)} ms, p90 ${at(90)} ms, p99 ${at(99)} ms, max ${at(100)} ms`;
}

async function cacheResults(service: Service): Promise<Record<string, number>> {
  const text = await (await fetch(`${service.managementUrl}/metrics`)).text();
  const counts: Record<string, number> = {};
  for (const match of text.matchAll(/^business_summary_cache_requests_total\{result="(\w+)"\} (\d+)/gm))
    counts[match[1] as string] = Number(match[2]);
  return counts;
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

try {
  const lease = await acquireInfra('bench:business', { log: (text) => console.error(text) });
  cleanup.defer('release the infrastructure', () => lease.release());
  const database = `bench_business_${Date.now()}`;
  const admin = new pg.Client({ connectionString: lease.endpoints.databaseUrl });
  // A connection the server ends (PostgreSQL restarted under the run) emits 'error': unheard, it
  // would kill the process before the cleanup, leaving the service and redis-server running.
  admin.on('error', (error) => console.error(`bench:business: admin connection: ${error.message}`));
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  cleanup.defer('drop the database', async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  });
  const databaseUrl = new URL(lease.endpoints.databaseUrl);
  databaseUrl.pathname = `/${database}`;
  const redis = await startTestRedis();
  cleanup.defer('stop redis-server', () => redis.stop());
  const inspector = new Redis(redis.url);
  cleanup.defer('disconnect from Redis', async () => inspector.disconnect());

  // Its group starts where the shared topics end: from the beginning, the service would spend the
  // run replaying every earlier test's and developer's events into its database.
  const group = `${database}-group`;
  const brokers = lease.endpoints.kafkaBrokers;
  await startGroupsAtTheEnd(brokers, [group], publishedContracts.topics);
  cleanup.defer('delete the consumer group', () => deleteGroups(brokers, [group]));
  const key = randomBytes(32).toString('base64url');
  const service = await startService({
    DATABASE_URL: databaseUrl.toString(),
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_CONSUMER_GROUP: group,
    IDENTITY_SIGNING_KEY: key,
    REDIS_URL: redis.url,
  });

  const db = new pg.Client({ connectionString: databaseUrl.toString() });
  db.on('error', (error) => console.error(`bench:business: database connection: ${error.message}`));
  await db.connect();
  cleanup.defer('disconnect from the database', () => db.end());
  let started = performance.now();
  const owners = await seed(db);
  const seeded = (performance.now() - started) / 1000;
  started = performance.now();
  await db.query('VACUUM ANALYZE');
  console.log(
    `seeded ${businesses} businesses, ${businesses * perBusiness} invoices in ${round(seeded)} s (VACUUM ANALYZE ${round((performance.now() - started) / 1000)} s)`,
  );
  const { rows: size } = await db.query<{ size: string }>(
    `SELECT pg_size_pretty(pg_total_relation_size('invoices')) AS size`,
  );
  console.log(`invoices table with its indexes: ${size[0]?.size}; ${connections} connections, closed loop`);

  const sample = shuffled(owners)
    .slice(0, 200)
    .map((owner) => owner.businessId);
  await databaseTimes(db, SUMMARY_SQL, sample.slice(0, 20)); // warm
  for (const [name, sql] of [
    ['list query', LIST_SQL],
    ['summary aggregate', SUMMARY_SQL],
  ] as const) {
    const { times, plan } = await databaseTimes(db, sql, sample);
    console.log(`${line(`inside PostgreSQL: ${name}`, times).replace('requests', 'businesses')} (${plan})`);
  }

  const random = () => owners[Math.floor(Math.random() * owners.length)] as { businessId: string; userId: string };
  const listPath = (businessId: string) => `/v1/businesses/${businessId}/invoices?status=issued&limit=20`;
  const summaryPath = (businessId: string) => `/v1/businesses/${businessId}/summary`;

  // Warm-up: JIT, pools, PostgreSQL's caches.
  const probe = random();
  const listProbe = await timedGet(service, { path: listPath(probe.businessId), userId: probe.userId }, key);
  const listAvailable = listProbe.status === 200;
  if (!listAvailable) console.log(`invoice list: not measured, the route answered ${listProbe.status}`);
  await drive(service, key, Math.min(1_000, requests), () => {
    const owner = random();
    return { path: summaryPath(owner.businessId), userId: owner.userId };
  });
  if (listAvailable) {
    await drive(service, key, Math.min(1_000, requests), () => {
      const owner = random();
      return { path: listPath(owner.businessId), userId: owner.userId };
    });
  }

  let list: number[] | undefined;
  if (listAvailable) {
    list = await drive(service, key, requests, () => {
      const owner = random();
      return { path: listPath(owner.businessId), userId: owner.userId };
    });
    console.log(line('invoice list page (status=issued, limit=20)', list));
  }

  const uncached: number[] = [];
  const beforeUncached = await cacheResults(service);
  for (let r = 0; r < uncachedRounds; r++) {
    await inspector.flushdb();
    const order = shuffled(owners);
    uncached.push(
      ...(await drive(service, key, order.length, (i) => {
        const owner = order[i] as { businessId: string; userId: string };
        return { path: summaryPath(owner.businessId), userId: owner.userId };
      })),
    );
  }
  uncached.sort((a, b) => a - b);
  const afterUncached = await cacheResults(service);
  console.log(
    line('summary uncached (each a miss: lock, aggregate, store)', uncached) +
      ` [misses ${(afterUncached['miss'] ?? 0) - (beforeUncached['miss'] ?? 0)}]`,
  );

  // Every business was just computed and cached; the entries live ≥ 54 s.
  const cached = await drive(service, key, requests, () => {
    const owner = random();
    return { path: summaryPath(owner.businessId), userId: owner.userId };
  });
  const afterCached = await cacheResults(service);
  const hits = (afterCached['hit'] ?? 0) - (afterUncached['hit'] ?? 0);
  console.log(line('summary cached', cached) + ` [hits ${hits} of ${requests}]`);
  if (hits !== requests) console.log('warning: not every cached request was a hit');

  const p99 = (sorted: number[] | undefined) => (sorted ? round(percentile(sorted, 99)) : 'n/a');
  console.log(`invoice list p99 ms: ${p99(list)}, summary p99 ms: cached ${p99(cached)}, uncached ${p99(uncached)}`);
} catch (error) {
  if (!interrupted) throw error;
} finally {
  agent.destroy();
  await cleanup.unwind();
}
