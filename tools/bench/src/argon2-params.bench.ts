/**
 * What one argon2id password hash costs on this machine, for a grid of parameter sets, so the
 * auth-service's defaults (apps/auth-service/src/infrastructure/secondary-adapters/crypto/) are
 * chosen from figures rather than guessed. Each set is hashed BENCH_ARGON2_HASHES times (default 40)
 * one after the other, after BENCH_ARGON2_WARMUP (default 3) unmeasured hashes, so one hash runs at
 * a time on one libuv pool thread, i.e. one core; then the same number again with two in flight,
 * which is what the service's default of two concurrent hashes costs on a 2-core machine. While
 * hashing one at a time, the main thread's event-loop lag is sampled (timer delay beyond its
 * interval): the native binding runs on the libuv pool, so the lag stays at what the rest of the
 * machine causes, far below one hash.
 *
 *   node --import @swc-node/register/esm-register tools/bench/src/argon2-params.bench.ts
 *
 * Needs no infrastructure. Last line: `argon2id m=<KiB> t=<n> p=1 p50 ms: N`, the costliest set whose
 * p95 still fits the 50-150 ms budget per hash (or, if none does, the one nearest to it).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import argon2 from 'argon2';
import { percentile, round } from './stats.js';
import { positiveInt } from './bench-env.js';

interface ParameterSet {
  label: string;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** The OWASP Password Storage Cheat Sheet's argon2id configurations, plus two heavier ones. */
const grid: readonly ParameterSet[] = [
  { label: 'OWASP minimum', memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 },
  { label: 'OWASP first option', memoryKiB: 46 * 1024, iterations: 1, parallelism: 1 },
  { label: 'heavier', memoryKiB: 64 * 1024, iterations: 2, parallelism: 1 },
  { label: 'heaviest', memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 },
];

const hashes = positiveInt('BENCH_ARGON2_HASHES', 40);
const warmup = positiveInt('BENCH_ARGON2_WARMUP', 3);
const targetMs = { low: 50, high: 150 };
/** Sampling interval of the event-loop delay histogram; its values include it, so it is subtracted. */
const loopResolutionMs = 10;

function options(set: ParameterSet) {
  return {
    type: argon2.argon2id,
    memoryCost: set.memoryKiB,
    timeCost: set.iterations,
    parallelism: set.parallelism,
  } as const;
}

/** A fresh random password per hash, as in production: nothing is cached between calls anyway. */
function password(): string {
  return randomBytes(12).toString('base64url');
}

interface Figures {
  set: ParameterSet;
  p50: number;
  p95: number;
  max: number;
  perSecondOneCore: number;
  perSecondTwoInFlight: number;
  loopLagP99Ms: number;
}

async function measure(set: ParameterSet): Promise<Figures> {
  for (let i = 0; i < warmup; i++) await argon2.hash(password(), options(set));

  const loop = monitorEventLoopDelay({ resolution: loopResolutionMs });
  loop.enable();
  const durations: number[] = [];
  const sequentialStart = performance.now();
  for (let i = 0; i < hashes; i++) {
    const start = performance.now();
    await argon2.hash(password(), options(set));
    durations.push(performance.now() - start);
  }
  const sequentialMs = performance.now() - sequentialStart;
  loop.disable();

  // Two in flight: each of two lanes hashes its half one after the other.
  const pairedStart = performance.now();
  const lane = async (count: number) => {
    for (let i = 0; i < count; i++) await argon2.hash(password(), options(set));
  };
  await Promise.all([lane(Math.ceil(hashes / 2)), lane(Math.floor(hashes / 2))]);
  const pairedMs = performance.now() - pairedStart;

  durations.sort((a, b) => a - b);
  return {
    set,
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    max: durations[durations.length - 1] as number,
    perSecondOneCore: (hashes * 1000) / sequentialMs,
    perSecondTwoInFlight: (hashes * 1000) / pairedMs,
    loopLagP99Ms: Math.max(0, loop.percentile(99) / 1e6 - loopResolutionMs),
  };
}

console.log(
  `argon2id, ${hashes} hashes per set after ${warmup} warm-up, Node ${process.version}, ` +
    `${availableParallelism()} cores, UV_THREADPOOL_SIZE=${process.env['UV_THREADPOOL_SIZE'] ?? '4 (default)'}`,
);
const results: Figures[] = [];
for (const set of grid) results.push(await measure(set));

const header = [
  'parameters',
  'label',
  'p50 ms',
  'p95 ms',
  'max ms',
  'hashes/s 1 core',
  'hashes/s 2 in flight',
  'loop lag p99 ms',
];
const rows = results.map((r) => [
  `m=${r.set.memoryKiB} (${r.set.memoryKiB / 1024} MiB) t=${r.set.iterations} p=${r.set.parallelism}`,
  r.set.label,
  String(round(r.p50)),
  String(round(r.p95)),
  String(round(r.max)),
  String(round(r.perSecondOneCore)),
  String(round(r.perSecondTwoInFlight)),
  String(round(r.loopLagP99Ms)),
]);
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
for (const row of [header, ...rows])
  console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));

const fits = results.filter((r) => r.p50 >= targetMs.low && r.p95 <= targetMs.high).sort((a, b) => b.p50 - a.p50);
const distance = (r: Figures) => Math.max(targetMs.low - r.p50, r.p95 - targetMs.high, 0);
const pick = fits[0] ?? ([...results].sort((a, b) => distance(a) - distance(b))[0] as Figures);
console.log(
  `argon2id m=${pick.set.memoryKiB} t=${pick.set.iterations} p=${pick.set.parallelism} p50 ms: ${round(pick.p50)}`,
);
