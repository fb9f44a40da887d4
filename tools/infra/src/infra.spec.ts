import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { InfraError } from './errors.js';
import { acquireInfra, infraDown, infraStatus, infraUp } from './infra.js';
import { describeKafka } from './kafka.js';
import { infraPaths } from './paths.js';
import { freePort, isPortOpen } from './ports.js';
import { isAlive } from './process.js';
import { queryPostgres } from './postgres.js';
import { testInfra } from './testing/index.js';
import { isolatedEnv } from './testing/isolated-env.js';

/** A TCP server that accepts connections and never answers: a port "taken by something else". */
async function silentServer(port: number): Promise<net.Server> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const close = server.close.bind(server);
  return Object.assign(server, {
    close: (cb?: (err?: Error) => void) => {
      for (const socket of sockets) socket.destroy();
      return close(cb);
    },
  });
}

const envs: NodeJS.ProcessEnv[] = [];
async function newEnv(): Promise<NodeJS.ProcessEnv> {
  const env = await isolatedEnv();
  envs.push(env);
  return env;
}

afterAll(async () => {
  for (const env of envs) {
    await infraDown({ env });
    rmSync(env['INFRA_DATA_DIR']!, { recursive: true, force: true });
  }
});

describe('infra', { sequential: true }, () => {
  it('starts PostgreSQL and Kafka, reuses them, keeps their data across restarts, and stops only what it started', async () => {
    const env = await newEnv();

    const first = await infraUp({ env, pin: true });
    expect(first.postgres).toEqual({ source: 'managed', startedNow: true });
    expect(first.kafka).toEqual({ source: 'managed', startedNow: true });
    expect(first.databaseUrl).toBe(`postgres://postgres@127.0.0.1:${env['INFRA_PG_PORT']}/postgres`);
    expect(first.kafkaBrokers).toEqual([`127.0.0.1:${env['INFRA_KAFKA_PORT']}`]);
    expect(readFileSync(first.envFile, 'utf8')).toBe(
      `DATABASE_URL=${first.databaseUrl}\nKAFKA_BROKERS=${first.kafkaBrokers[0]}\n`,
    );
    await queryPostgres(first.databaseUrl);
    expect(await describeKafka(first.kafkaBrokers)).toEqual({ brokers: 1, controller: 1 });

    const again = await infraUp({ env });
    expect(again.postgres).toEqual({ source: 'managed', startedNow: false });
    expect(again.kafka).toEqual({ source: 'managed', startedNow: false });
    const status = infraStatus({ env });
    expect(status.postgres?.running && status.kafka?.running && status.pinned).toBe(true);

    const client = new pg.Client({ connectionString: first.databaseUrl });
    await client.connect();
    await client.query('create table kept (note text)');
    await client.query('insert into kept values ($1)', ['survives a restart']);
    await client.end();

    const stopped = await infraDown({ env });
    expect(stopped).toHaveLength(2);
    expect(await isPortOpen('127.0.0.1', Number(env['INFRA_PG_PORT']))).toBe(false);
    expect(await isPortOpen('127.0.0.1', Number(env['INFRA_KAFKA_PORT']))).toBe(false);
    expect(infraStatus({ env })).toMatchObject({ postgres: undefined, kafka: undefined });

    const restarted = await infraUp({ env });
    expect(restarted.postgres.startedNow).toBe(true);
    const reader = new pg.Client({ connectionString: restarted.databaseUrl });
    await reader.connect();
    const { rows } = await reader.query('select note from kept');
    await reader.end();
    expect(rows).toEqual([{ note: 'survives a restart' }]);
    await infraDown({ env });
  });

  it('recovers from a crashed run: dead servers, stale pid and lock files', async () => {
    const env = await newEnv();
    const paths = infraPaths(env);
    await infraUp({ env });
    const before = infraStatus({ env });
    for (const pid of [before.postgres!.pid, before.kafka!.pid]) {
      process.kill(pid, 'SIGKILL');
      while (isAlive(pid)) await sleep(50); // a crash is over once the process is gone
    }
    writeFileSync(paths.lockFile, '999999'); // a lock left by a process that no longer exists

    const after = await infraUp({ env });
    expect(after.postgres.startedNow).toBe(true);
    expect(after.kafka.startedNow).toBe(true);
    expect(infraStatus({ env }).postgres!.pid).not.toBe(before.postgres!.pid);
    await queryPostgres(after.databaseUrl);
    await describeKafka(after.kafkaBrokers);
  });

  it('shares the servers between parallel holders and stops them when the last one lets go', async () => {
    const env = await newEnv();
    const [a, b] = await Promise.all([acquireInfra('run a', { env }), acquireInfra('run b', { env })]);
    expect([a.endpoints.postgres.startedNow, b.endpoints.postgres.startedNow].sort()).toEqual([false, true]);
    expect([a.endpoints.kafka.startedNow, b.endpoints.kafka.startedNow].sort()).toEqual([false, true]);
    expect(infraStatus({ env }).leases).toHaveLength(2);

    expect(await a.release()).toEqual([]);
    await queryPostgres(b.endpoints.databaseUrl);
    await describeKafka(b.endpoints.kafkaBrokers);

    expect(await b.release()).toHaveLength(2);
    expect(await isPortOpen('127.0.0.1', Number(env['INFRA_PG_PORT']))).toBe(false);
    expect(await isPortOpen('127.0.0.1', Number(env['INFRA_KAFKA_PORT']))).toBe(false);
  });

  it('keeps servers that `infra up` pinned when a test run lets go', async () => {
    const env = await newEnv();
    const lease = await acquireInfra('tests', { env });
    await infraUp({ env, pin: true });
    expect(await lease.release()).toEqual([]);
    await describeKafka(lease.endpoints.kafkaBrokers);
    expect(await infraDown({ env })).toHaveLength(2);
  });

  it('uses DATABASE_URL and KAFKA_BROKERS as given and never stops them', async () => {
    const shared = testInfra();
    const env = { ...(await newEnv()), DATABASE_URL: shared.databaseUrl, KAFKA_BROKERS: shared.kafkaBrokers.join(',') };
    const endpoints = await infraUp({ env, pin: true });
    expect(endpoints).toMatchObject({
      databaseUrl: shared.databaseUrl,
      kafkaBrokers: shared.kafkaBrokers,
      postgres: { source: 'env', startedNow: false },
      kafka: { source: 'env', startedNow: false },
    });
    expect(await infraDown({ env })).toEqual([]);
    await queryPostgres(shared.databaseUrl);
    await describeKafka(shared.kafkaBrokers);
  });

  it('reuses a PostgreSQL and a Kafka that already listen on the configured ports', async () => {
    const shared = testInfra();
    const env = {
      ...(await newEnv()),
      INFRA_PG_PORT: new URL(shared.databaseUrl).port || '5432',
      INFRA_KAFKA_PORT: shared.kafkaBrokers[0]!.split(':')[1],
    };
    const endpoints = await infraUp({ env });
    expect(endpoints.postgres).toEqual({ source: 'running', startedNow: false });
    expect(endpoints.kafka).toEqual({ source: 'running', startedNow: false });
    expect(await infraDown({ env })).toEqual([]);
  });

  it('says clearly that a port is taken by something else, instead of hanging', async () => {
    const env = await newEnv();
    const squatter = await silentServer(Number(env['INFRA_PG_PORT']));
    try {
      const failure = infraUp({ env });
      await expect(failure).rejects.toBeInstanceOf(InfraError);
      await expect(failure).rejects.toThrow(/127\.0\.0\.1:\d+ is taken.*INFRA_PG_PORT/s);
    } finally {
      squatter.close();
    }

    const shared = testInfra();
    const kafkaEnv = { ...env, DATABASE_URL: shared.databaseUrl };
    const kafkaSquatter = await silentServer(Number(env['INFRA_KAFKA_PORT']));
    try {
      await expect(infraUp({ env: kafkaEnv })).rejects.toThrow(/127\.0\.0\.1:\d+ is taken.*INFRA_KAFKA_PORT/s);
    } finally {
      kafkaSquatter.close();
    }
  });

  it('reports an external server that does not answer', async () => {
    const env = { ...(await newEnv()), DATABASE_URL: `postgres://app@127.0.0.1:${await freePort()}/app` };
    await expect(infraUp({ env })).rejects.toThrow(/DATABASE_URL does not answer a query/);
  });
});
