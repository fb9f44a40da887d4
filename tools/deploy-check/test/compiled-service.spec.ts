import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { freePort } from '@platform/infra';
import {
  createTestDatabase,
  deleteGroup,
  eventually,
  testInfra,
  type TestDatabase,
  uniqueGroupId,
  uniqueName,
} from '@platform/infra/testing';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledImports } from '../src/compiled-imports.js';
import { inRepository, repositoryRoot } from '../src/repository.js';

// The image runs `node --import <compiled register> dist/<service>/src/main.js` on production
// dependencies only. This builds the auth-service with the same command as the Dockerfile's build
// stage and starts it that way against the run's real PostgreSQL and Kafka.
const buildRoot = inRepository('tmp', uniqueName('deploy-check-build'));
const distDir = path.join(buildRoot, 'dist');
// Its own consumer group: never the default one another test's auth-service may be in.
const consumerGroup = uniqueGroupId('deploy-check-auth-service');
const register = path.join(distDir, 'libs/shared/observability/src/register-compiled.mjs');

/** A loopback OTLP/HTTP receiver: the bodies of the trace exports it was sent. */
function startOtlpReceiver(): Promise<{ server: Server; url: string; bodies: string[] }> {
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/v1/traces') bodies.push(Buffer.concat(chunks).toString('utf8'));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bodies }),
    ),
  );
}

describe('the compiled auth-service', () => {
  let database: TestDatabase;
  let service: ChildProcess;
  let output = '';
  let managementPort: number;
  let port: number;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;

  beforeAll(async () => {
    const build = spawnSync(
      process.execPath,
      ['tools/scripts/build-service.mjs', 'auth-service', '--out-dir', distDir],
      {
        cwd: repositoryRoot,
        encoding: 'utf8',
      },
    );
    expect(build.status, build.stderr).toBe(0);
    database = await createTestDatabase('deploy_check');
    receiver = await startOtlpReceiver();
    [port, managementPort] = [await freePort(), await freePort()];
    // NODE_ENV=production demands the signing keys from the environment, as in the image.
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwks = { keys: [{ ...(await exportJWK(privateKey)), alg: 'ES256', use: 'sig' }] };
    service = spawn(process.execPath, ['--import', register, path.join(distDir, 'apps/auth-service/src/main.js')], {
      cwd: buildRoot,
      env: {
        PATH: process.env['PATH'],
        NODE_ENV: 'production',
        SERVICE_NAME: 'auth-service',
        PORT: String(port),
        MANAGEMENT_PORT: String(managementPort),
        DATABASE_URL: database.url,
        KAFKA_BROKERS: testInfra().kafkaBrokers.join(','),
        KAFKA_CONSUMER_GROUP: consumerGroup,
        IDENTITY_SIGNING_KEY: randomBytes(32).toString('base64url'),
        JWT_PRIVATE_JWKS: JSON.stringify(jwks),
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    service.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    service.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  }, 180_000);

  afterAll(async () => {
    if (service && service.exitCode === null) {
      const exited = new Promise((resolve) => service.once('exit', resolve));
      service.kill('SIGTERM');
      await exited;
    }
    receiver?.server.close();
    await deleteGroup(consumerGroup);
    await database?.drop();
    rmSync(buildRoot, { recursive: true, force: true });
  });

  it('imports at run time only packages of the production dependencies', () => {
    const { dependencies } = JSON.parse(
      spawnSync(process.execPath, ['-p', 'JSON.stringify(require("./package.json"))'], {
        cwd: repositoryRoot,
        encoding: 'utf8',
      }).stdout,
    ) as { dependencies: Record<string, string> };
    const packages = compiledImports(distDir);
    expect(packages.size).toBeGreaterThan(5);
    expect([...packages].filter((name) => !(name in dependencies))).toEqual([]);
  });

  it('starts on the compiled tracing entry, runs its migrations and becomes ready', async () => {
    await eventually(
      `/health/ready of the compiled auth-service (output so far:\n${output})`,
      async () => {
        if (service.exitCode !== null) throw new Error(`the service exited ${service.exitCode}:\n${output}`);
        const response = await fetch(`http://127.0.0.1:${managementPort}/health/ready`).catch(() => undefined);
        return response?.status === 200;
      },
      90_000,
    );
    const live = await fetch(`http://127.0.0.1:${managementPort}/health/live`);
    expect(live.status).toBe(200);
  });

  it('exports the spans of a request over OTLP (the loader hooks work on the compiled code)', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/.well-known/jwks.json`);
    expect(response.status).toBeLessThan(500);
    await eventually('a trace export of the auth-service holding the jwks.json request', () =>
      receiver.bodies.some((body) => body.includes('"auth-service"') && body.includes('jwks.json')),
    );
  });
});
