import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { freePort, infraPaths } from '@platform/infra';
import { createTestDatabase, testInfra, type TestDatabase } from '@platform/infra/testing';
import { startService, type ServiceProcess } from './service-process.js';

/** The real auth-service and gateway, each its own process, on a database of the test file's own. */
export interface E2eSystem {
  auth: ServiceProcess;
  gateway: ServiceProcess;
  /** The auth-service's database (for its CLI commands). */
  database: TestDatabase;
  /** The gateway's public URL, e.g. `http://127.0.0.1:41234`. */
  gatewayUrl: string;
  /** The gateway's management port: /metrics and /health. */
  gatewayManagementUrl: string;
  /** Stops both services (either may already be stopped), drops the database and the keys. */
  stop(): Promise<void>;
}

export interface E2eSystemOptions {
  /** Prefix of the database's name. */
  databasePrefix: string;
  /** Settings of the auth-service besides those the system needs. */
  auth?: NodeJS.ProcessEnv;
  /** Settings of the gateway besides those the system needs. */
  gateway?: NodeJS.ProcessEnv;
}

/**
 * Starts the auth-service, then the gateway in front of it, both on free loopback ports, sharing
 * an identity key and the test Kafka (events, revoked sessions); resolves once both are ready.
 */
export async function startE2eSystem(options: E2eSystemOptions): Promise<E2eSystem> {
  const database = await createTestDatabase(options.databasePrefix);
  const keyDir = mkdtempSync(path.join(infraPaths().root, 'e2e-keys-'));
  const started: ServiceProcess[] = [];
  const stop = async () => {
    for (const service of started.reverse()) await service.stop();
    await database.drop();
    rmSync(keyDir, { recursive: true, force: true });
  };
  try {
    const [authPort, authManagement, gatewayPort, gatewayManagement] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const common = {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      IDENTITY_SIGNING_KEY: randomBytes(32).toString('base64url'),
      KAFKA_BROKERS: testInfra().kafkaBrokers.join(','),
      LOG_LEVEL: 'info',
    };
    const authReadyUrl = `http://127.0.0.1:${authManagement}/health/ready`;
    const auth = await startService(
      'apps/auth-service/src/main.ts',
      {
        ...common,
        SERVICE_NAME: 'auth-service',
        PORT: String(authPort),
        MANAGEMENT_PORT: String(authManagement),
        DATABASE_URL: database.url,
        JWT_DEV_KEY_DIR: keyDir,
        ...options.auth,
      },
      authReadyUrl,
    );
    started.push(auth);
    const gateway = await startService(
      'apps/gateway/src/main.ts',
      {
        ...common,
        SERVICE_NAME: 'gateway',
        PORT: String(gatewayPort),
        MANAGEMENT_PORT: String(gatewayManagement),
        AUTH_SERVICE_URL: `http://127.0.0.1:${authPort}`,
        AUTH_SERVICE_READY_URL: authReadyUrl,
        ...options.gateway,
      },
      // Ready includes the replay of revoked sessions from Kafka.
      `http://127.0.0.1:${gatewayManagement}/health/ready`,
    );
    started.push(gateway);
    return {
      auth,
      gateway,
      database,
      gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
      gatewayManagementUrl: `http://127.0.0.1:${gatewayManagement}`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
