import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { bootstrapService, type RunningService } from '@platform/bootstrap';
import { createTestDatabase, testInfra, uniqueGroupId, type TestDatabase } from '@platform/infra/testing';
import { businessServiceOptions } from '../../src/business-service.js';
import type { BusinessConfig } from '../../src/business.config.js';

/** The business-service started in-process on free ports, with a database and consumer group of its own. */
export interface BusinessServiceUnderTest {
  service: RunningService<BusinessConfig>;
  database: TestDatabase;
  /** The key identity headers are signed with, to call its routes as the gateway does. */
  identityKey: string;
  /** Every JSON log line so far. */
  logs(): Record<string, unknown>[];
  stop(): Promise<void>;
}

/**
 * Starts the service as `main.ts` does, with `env` on top of test settings; ready when it resolves.
 * With `options.database` (another instance's), it is a second instance on the same database,
 * which it neither creates nor drops.
 */
export async function startBusinessService(
  env: NodeJS.ProcessEnv = {},
  options: { database?: TestDatabase } = {},
): Promise<BusinessServiceUnderTest> {
  const shared = options.database !== undefined;
  const database = options.database ?? (await createTestDatabase('business'));
  const identityKey = randomBytes(32).toString('base64url');
  const lines: Record<string, unknown>[] = [];
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean))
      lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  let service: RunningService<BusinessConfig>;
  try {
    service = await bootstrapService({
      ...businessServiceOptions(),
      env: {
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        MANAGEMENT_PORT: '0',
        LOG_LEVEL: 'info',
        DATABASE_URL: database.url,
        KAFKA_BROKERS: testInfra().kafkaBrokers.join(','),
        KAFKA_CONSUMER_GROUP: uniqueGroupId('business'),
        IDENTITY_SIGNING_KEY: identityKey,
        // No job on a timer: a run in the middle of a test would change its invoices (tests trigger them).
        JOBS_ENABLED: 'false',
        ...env,
      },
      logStream,
      handleSignals: false,
    });
  } catch (error) {
    if (!shared) await database.drop();
    throw error;
  }
  return {
    service,
    database,
    identityKey,
    logs: () => lines,
    async stop() {
      await service.shutdown('test over');
      if (!shared) await database.drop();
    },
  };
}
