/**
 * What log-ins cost, and whether they starve everything else: the whole system (`npm start`'s
 * launcher on ports of its own), then, from this process over loopback:
 *   1. GET /v1/auth/me alone: its p99;
 *   2. a log-in flood (correct credentials, so no throttling) and GET /v1/auth/me at the same time:
 *      log-ins/s, their p99, and /me's p99 during the flood.
 * argon2id runs on libuv's thread pool, so the event loop keeps serving /me; the target is /me's
 * p99 within 2x of its p99 without the flood.
 *
 *   npm run bench:login      last line: `logins/s: N, login p99 ms: N, me p99 ms: A alone, B in a login flood (xR)`
 *
 * Knobs: BENCH_SECONDS (per phase, default 10), BENCH_LOGIN_CONNECTIONS (default 8), BENCH_ME_CONNECTIONS (default 4).
 */
import autocannon from 'autocannon';
import { startOwnSystem } from '@platform/dev';
import { round } from './stats.js';
import { positiveInt } from './bench-env.js';

const seconds = positiveInt('BENCH_SECONDS', 10);
const loginConnections = positiveInt('BENCH_LOGIN_CONNECTIONS', 8);
const meConnections = positiveInt('BENCH_ME_CONNECTIONS', 4);
// Beside a developer's npm start: databases and consumer groups of its own, dropped afterwards.
const own = await startOwnSystem({
  purpose: 'bench:login',
  prefix: 'benchlogin',
  env: {
    // The bench measures hashing, not the limits that protect against it.
    RATE_LIMIT_PER_MINUTE: '100000000',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'warn',
  },
  timeoutMs: 180_000,
});
const { system } = own;

try {
  const gateway = system.gatewayUrl;
  const credentials = { email: 'bench@example.com', password: 'measuring argon2 on two cores' };
  const json = { 'content-type': 'application/json' };
  const registered = await fetch(`${gateway}/v1/auth/register`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ ...credentials, displayName: 'Bench' }),
  });
  if (registered.status !== 201)
    throw new Error(`registration failed: ${registered.status} ${await registered.text()}`);
  const login = await fetch(`${gateway}/v1/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(credentials),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const me = () =>
    autocannon({
      url: `${gateway}/v1/auth/me`,
      connections: meConnections,
      duration: seconds,
      headers: { authorization: `Bearer ${accessToken}` },
    });
  const logins = () =>
    autocannon({
      url: `${gateway}/v1/auth/login`,
      method: 'POST',
      headers: json,
      body: JSON.stringify(credentials),
      connections: loginConnections,
      duration: seconds,
    });

  await me(); // warm-up
  const alone = await me();
  const [flood, during] = await Promise.all([logins(), me()]);
  for (const [name, result] of [
    ['me alone', alone],
    ['logins', flood],
    ['me during logins', during],
  ] as const) {
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  const ratio = during.latency.p99 / alone.latency.p99;
  console.log('argon2id: m = 46 MiB, t = 1, p = 1 (auth-service defaults; see npm run bench:argon2)');
  console.log(
    `GET /me alone: ${round(alone.requests.average)} req/s, p50 ${alone.latency.p50} ms, p99 ${alone.latency.p99} ms`,
  );
  console.log(
    `POST /login flood (${loginConnections} connections): ${round(flood.requests.average)} logins/s, p50 ${flood.latency.p50} ms, p99 ${flood.latency.p99} ms`,
  );
  console.log(
    `GET /me during the flood: ${round(during.requests.average)} req/s, p50 ${during.latency.p50} ms, p99 ${during.latency.p99} ms`,
  );
  console.log(
    `logins/s: ${round(flood.requests.average)}, login p99 ms: ${flood.latency.p99}, me p99 ms: ${alone.latency.p99} alone, ${during.latency.p99} in a login flood (x${round(ratio)})`,
  );
} finally {
  await own.stop();
}
