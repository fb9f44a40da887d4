/**
 * What the platform's wiring costs per request: the same trivial route served by a bare NestJS
 * on Fastify app and by an app started with `bootstrapService` (JSON logs at info with an access
 * line per request, request context, tracing with the tracing loader and no exporter, RED
 * metrics, Problem Details). Each app runs in its own process; autocannon drives it from this one,
 * over loopback, in alternating rounds.
 *
 *   npm run bench:http        last line: `wired/bare throughput: 0.NN`
 *
 * Knobs: BENCH_SECONDS (per round, default 10), BENCH_ROUNDS (default 2), BENCH_CONNECTIONS (default 50).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { freePort } from '@platform/infra';
import { round } from './stats.js';
import { positiveInt } from './bench-env.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const apps = path.join(root, 'tools/bench/src/http-apps');

const seconds = positiveInt('BENCH_SECONDS', 10);
const rounds = positiveInt('BENCH_ROUNDS', 2);
const connections = positiveInt('BENCH_CONNECTIONS', 50);

interface App {
  name: string;
  url: string;
  process: ChildProcess;
}

async function start(name: string, loader: string, main: string, env: Record<string, string>): Promise<App> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', loader, path.join(apps, main)], {
    cwd: root,
    env: { PATH: process.env['PATH'], NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'], // logs are written (that is part of the cost) and dropped
  });
  const url = `http://127.0.0.1:${port}/hello`;
  for (let waited = 0; waited < 120_000; waited += 200) {
    if (child.exitCode !== null) throw new Error(`${name} app exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { name, url, process: child };
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error(`${name} app did not answer on ${url}`);
}

interface Figures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

async function measure(app: App, duration: number): Promise<Figures> {
  const result = await autocannon({ url: app.url, connections, duration });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${app.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

function mean(figures: Figures[]): Figures {
  const avg = (pick: (f: Figures) => number) => figures.reduce((sum, f) => sum + pick(f), 0) / figures.length;
  return { requestsPerSecond: avg((f) => f.requestsPerSecond), p50: avg((f) => f.p50), p99: avg((f) => f.p99) };
}

const bare = await start('bare', '@swc-node/register/esm-register', 'bare.main.ts', {});
const wired = await start('wired', './libs/shared/observability/src/register.mjs', 'wired.main.ts', {
  SERVICE_NAME: 'bench-wired',
  LOG_LEVEL: 'info',
  MANAGEMENT_PORT: String(await freePort()),
});
try {
  const results = new Map<App, Figures[]>([
    [bare, []],
    [wired, []],
  ]);
  for (const app of [bare, wired]) await measure(app, 2); // warm-up: JIT, connection pools
  for (let round = 0; round < rounds; round++) {
    for (const app of round % 2 === 0 ? [bare, wired] : [wired, bare])
      results.get(app)?.push(await measure(app, seconds));
  }
  const b = mean(results.get(bare) ?? []);
  const w = mean(results.get(wired) ?? []);
  console.log(`rounds: ${rounds} x ${seconds} s per app, connections: ${connections}, node ${process.version}`);
  for (const [name, f] of [
    ['bare', b],
    ['wired', w],
  ] as const) {
    console.log(
      `${name.padEnd(5)}  requests/s: ${round(f.requestsPerSecond)}, latency ms p50: ${round(f.p50)}, p99: ${round(f.p99)}`,
    );
  }
  console.log(`wired/bare throughput: ${(w.requestsPerSecond / b.requestsPerSecond).toFixed(2)}`);
} finally {
  for (const app of [bare, wired]) app.process.kill('SIGTERM');
}
