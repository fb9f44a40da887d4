/**
 * What the platform's wiring costs per request, against doing nothing (bare) and against what a
 * team would assemble instead (peer), on two routes: the trivial `GET /hello` and `GET /rows/:id`,
 * one row by primary key from PostgreSQL through a pool of ROWS_POOL_SIZE, ≈ 1 KB of JSON.
 *
 * - bare: NestJS on Fastify, nothing else (pg Pool).
 * - ours: `runService` (JSON access line at info, request context, ids, RED metrics, Problem
 *   Details, the tracing loader recording spans with no exporter); TypeORM's DataSource, as the
 *   services read their databases.
 * - peer: nestjs-pino, NodeSDK with the auto-instrumentations and @fastify/otel (spans recorded,
 *   no exporter), @willsoto/nestjs-prometheus with a histogram by route, a global exception filter
 *   (pg Pool). See the README.
 *
 * Each app runs in its own process, the load (autocannon) in another (`http-load.child.ts`),
 * over loopback, in alternating rounds. The CPU of each app process over the measured window comes
 * from /proc/<pid>/stat (user + system), divided by the requests answered in it.
 *
 *   npm run bench:http
 *   last line: `ours/peer throughput: trivial N, db N; ours/bare: trivial N, db N; overhead µs/request: N`
 *   (the overhead is ours minus bare in CPU µs per request on the trivial route)
 *
 * Knobs: BENCH_SECONDS (per round, app and route, default 10), BENCH_ROUNDS (default 2),
 * BENCH_CONNECTIONS (default 50), BENCH_ROWS (seed rows, default 10000).
 */
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { acquireInfra, freePort } from '@platform/infra';
import pg from 'pg';
import { positiveInt } from './bench-env.js';
import { Cleanup } from './cleanup.js';
import type { LoadReply, LoadSettings } from './http-load.child.js';
import { ROWS_POOL_SIZE } from './http-apps/rows.js';
import { seedRows } from './http-apps/rows-seed.js';
import { round } from './stats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const apps = 'tools/bench/src/http-apps';

const seconds = positiveInt('BENCH_SECONDS', 10);
const rounds = positiveInt('BENCH_ROUNDS', 2);
const connections = positiveInt('BENCH_CONNECTIONS', 50);
const rowCount = positiveInt('BENCH_ROWS', 10_000);
const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

const cleanup = new Cleanup();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`${signal}: stopping what the benchmark started`);
    void cleanup.unwind().finally(() => process.exit(130));
  });
}

type AppName = 'bare' | 'ours' | 'peer';

interface App {
  name: AppName;
  origin: string;
  process: ChildProcess;
}

interface Route {
  name: 'trivial' | 'db';
  path: string;
  rows?: number;
}

/** Figures of one app on one route, summed over rounds. */
interface Tally {
  requests: number;
  seconds: number;
  p50: number[];
  p99: number[];
  userTicks: number;
  systemTicks: number;
}

async function start(name: AppName, loader: string, main: string, env: Record<string, string>): Promise<App> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', loader, path.join(apps, main)], {
    cwd: root,
    env: { PATH: process.env['PATH'], NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'], // logs are written (that is part of the cost) and dropped
  });
  cleanup.defer(`stop the ${name} app`, async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let waited = 0; waited < 180_000; waited += 250) {
    if (child.exitCode !== null) throw new Error(`${name} app exited with ${child.exitCode}`);
    const ok = await fetch(`${origin}/rows/1`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { name, origin, process: child };
    await sleep(250);
  }
  throw new Error(`${name} app did not answer on ${origin}/rows/1`);
}

/** User and system CPU ticks the process has used so far (fields 14 and 15 of /proc/<pid>/stat). */
function cpuTicks(pid: number): { user: number; system: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // the name may hold spaces
  return { user: Number(fields[11]), system: Number(fields[12]) };
}

/** Drives `app` on `route` from a load process of its own and returns what it measured. */
async function load(app: App, route: Route, duration: number, tally?: Tally): Promise<void> {
  const child = fork(path.join(root, 'tools/bench/src/http-load.child.ts'), [], {
    cwd: root,
    execArgv: ['--import', '@swc-node/register/esm-register'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const answer = new Promise<LoadReply>((resolve, reject) => {
      child.once('message', (message: LoadReply) => resolve(message));
      child.once('exit', (code) => reject(new Error(`load process exited with ${code}`)));
    });
    await new Promise((resolve) => child.once('spawn', resolve));
    const before = cpuTicks(app.process.pid ?? 0);
    const settings: LoadSettings = {
      url: `${app.origin}${route.path}`,
      connections,
      seconds: duration,
      ...(route.rows && { rows: route.rows }),
    };
    child.send(settings);
    const result = await answer;
    const after = cpuTicks(app.process.pid ?? 0);
    if (result.type === 'failed') throw new Error(`${app.name} ${route.name}: ${result.message}`);
    if (result.bad > 0) throw new Error(`${app.name} ${route.name}: ${result.bad} non-2xx answers or errors`);
    if (!tally) return;
    tally.requests += result.requests;
    tally.seconds += duration;
    tally.p50.push(result.p50);
    tally.p99.push(result.p99);
    tally.userTicks += after.user - before.user;
    tally.systemTicks += after.system - before.system;
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const perRequestUs = (ticks: number, t: Tally) => (ticks / ticksPerSecond / t.requests) * 1e6;
const throughput = (t: Tally) => t.requests / t.seconds;
const cpuUs = (t: Tally) => perRequestUs(t.userTicks + t.systemTicks, t);

try {
  const lease = await acquireInfra('bench:http', { log: (text) => console.error(text) });
  cleanup.defer('release the infrastructure', () => lease.release());
  const database = `bench_http_${Date.now()}`;
  const admin = new pg.Client({ connectionString: lease.endpoints.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  cleanup.defer('drop the database', async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  });
  const databaseUrl = new URL(lease.endpoints.databaseUrl);
  databaseUrl.pathname = `/${database}`;
  const seeder = new pg.Client({ connectionString: databaseUrl.toString() });
  await seeder.connect();
  await seedRows(seeder, rowCount).finally(() => seeder.end());

  const DATABASE_URL = databaseUrl.toString();
  // One after the other: three cold starts at once on two cores take minutes.
  const bare = await start('bare', '@swc-node/register/esm-register', 'bare.main.ts', { DATABASE_URL });
  const ours = await start('ours', './libs/shared/observability/src/register.mjs', 'wired.main.ts', {
    SERVICE_NAME: 'bench-wired',
    LOG_LEVEL: 'info',
    MANAGEMENT_PORT: String(await freePort()),
    DATABASE_URL,
  });
  const peer = await start('peer', `./${apps}/peer-register.mjs`, 'peer.main.ts', {
    OTEL_SERVICE_NAME: 'bench-peer',
    DATABASE_URL,
  });
  const all = [bare, ours, peer];
  const routes: Route[] = [
    { name: 'trivial', path: '/hello' },
    { name: 'db', path: '/rows/', rows: rowCount },
  ];
  const tallies = new Map<string, Tally>();
  const tally = (app: App, route: Route) => {
    const key = `${app.name} ${route.name}`;
    let found = tallies.get(key);
    if (!found) tallies.set(key, (found = { requests: 0, seconds: 0, p50: [], p99: [], userTicks: 0, systemTicks: 0 }));
    return found;
  };

  for (const route of routes) {
    for (const app of all) await load(app, route, 2); // warm-up: JIT, connection pools
    for (let r = 0; r < rounds; r++) {
      const order = [...all.slice(r % all.length), ...all.slice(0, r % all.length)];
      for (const app of order) await load(app, route, seconds, tally(app, route));
    }
  }

  console.log(
    `rounds: ${rounds} x ${seconds} s per app and route, connections: ${connections}, pool: ${ROWS_POOL_SIZE}, rows: ${rowCount}, node ${process.version}, CPU from /proc at ${ticksPerSecond} ticks/s`,
  );
  const summary = new Map<Route['name'], { oursPeer: number; oursBare: number; overhead: number }>();
  for (const route of routes) {
    console.log(`${route.name} (GET ${route.path}${route.rows ? ':id' : ''}):`);
    for (const app of all) {
      const t = tally(app, route);
      console.log(
        `  ${app.name}  requests/s: ${round(throughput(t))}, latency ms p50: ${round(mean(t.p50))}, p99: ${round(mean(t.p99))}, CPU µs/request: ${round(cpuUs(t))} (user ${round(perRequestUs(t.userTicks, t))}, system ${round(perRequestUs(t.systemTicks, t))})`,
      );
    }
    const [b, o, p] = all.map((app) => tally(app, route)) as [Tally, Tally, Tally];
    const figures = {
      oursPeer: throughput(o) / throughput(p),
      oursBare: throughput(o) / throughput(b),
      overhead: cpuUs(o) - cpuUs(b),
    };
    summary.set(route.name, figures);
    console.log(
      `  ours/peer throughput: ${figures.oursPeer.toFixed(2)}, ours/bare throughput: ${figures.oursBare.toFixed(2)}, overhead (ours − bare CPU) µs/request: ${round(figures.overhead)}, peer − bare: ${round(cpuUs(p) - cpuUs(b))}`,
    );
  }
  const trivial = summary.get('trivial');
  const db = summary.get('db');
  console.log(
    `ours/peer throughput: trivial ${trivial?.oursPeer.toFixed(2)}, db ${db?.oursPeer.toFixed(2)}; ours/bare: trivial ${trivial?.oursBare.toFixed(2)}, db ${db?.oursBare.toFixed(2)}; overhead µs/request: ${Math.round(trivial?.overhead ?? NaN)}`,
  );
} finally {
  await cleanup.unwind();
}
