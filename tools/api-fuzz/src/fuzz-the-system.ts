import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { databaseUrl, dropDatabase, startSystemProcess, type SystemProcess } from '@platform/dev';
import { acquireInfra, infraPaths, repoRoot } from '@platform/infra';
import { Kafka, logLevel } from 'kafkajs';
import { fuzzPublicApi, type FuzzReport } from './fuzz-public-api.js';

/** The committed public contract the gateway must keep. */
export const CONTRACT_FILE = path.join(repoRoot, 'apps', 'gateway', 'openapi.json');

// The fuzzer sends thousands of requests from one address and fails the personas' current
// password on purpose (change-password): the limits that would rightly stop such a client are
// raised, so that the run keeps exercising the routes instead of reading 429s. Throttling itself
// has its own tests.
const FUZZ_SETTINGS: NodeJS.ProcessEnv = {
  RATE_LIMIT_PER_MINUTE: '1000000',
  AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
  LOGIN_MAX_FAILURES_PER_PAIR: '1000000',
  LOGIN_MAX_FAILURES_PER_ADDRESS: '1000000',
};

/** The system started for fuzzing, and how to stop it. */
export interface SystemUnderTest {
  system: SystemProcess;
  /** The auth-service's database (to promote an admin). */
  authDatabaseUrl: string;
  /** Stops the system, drops its databases and consumer groups, releases the infrastructure. */
  stop(): Promise<void>;
}

/**
 * Starts the whole system the way `npm start` does, on free ports, databases and a consumer group
 * of its own (beside a developer's system or another test's) and the limits raised for a fuzzer.
 * `stop()` undoes all of it.
 */
export async function startSystemUnderTest(log: (line: string) => void = () => undefined): Promise<SystemUnderTest> {
  const lease = await acquireInfra('api fuzz', { log });
  const run = randomBytes(4).toString('hex');
  const authDatabase = `fuzz_auth_${run}`;
  const businessDatabase = `fuzz_business_${run}`;
  const notificationDatabase = `fuzz_notification_${run}`;
  const businessConsumerGroup = `fuzz-business-service-${run}`;
  const notificationConsumerGroup = `fuzz-notification-service-${run}`;
  const authConsumerGroup = `fuzz-auth-service-${run}`;
  const logDir = mkdtempSync(path.join(infraPaths().root, 'fuzz-logs-'));
  const cleanUp = async () => {
    for (const database of [authDatabase, businessDatabase, notificationDatabase]) {
      await dropDatabase(lease.endpoints.databaseUrl, database).catch(() => undefined);
    }
    for (const group of [businessConsumerGroup, notificationConsumerGroup, authConsumerGroup]) {
      await deleteConsumerGroup(lease.endpoints.kafkaBrokers, group).catch(() => undefined);
    }
    rmSync(logDir, { recursive: true, force: true });
    await lease.release();
  };
  let system: SystemProcess;
  try {
    log('starting the system');
    system = await startSystemProcess({
      ...FUZZ_SETTINGS,
      AUTH_DATABASE: authDatabase,
      BUSINESS_DATABASE: businessDatabase,
      NOTIFICATION_DATABASE: notificationDatabase,
      KAFKA_CONSUMER_GROUP: businessConsumerGroup,
      NOTIFICATION_CONSUMER_GROUP: notificationConsumerGroup,
      AUTH_CONSUMER_GROUP: authConsumerGroup,
      LOG_DIR: logDir,
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    system,
    authDatabaseUrl: databaseUrl(lease.endpoints.databaseUrl, authDatabase),
    async stop() {
      try {
        await system.stop();
      } finally {
        await cleanUp();
      }
    },
  };
}

export interface FuzzTheSystemOptions {
  /** The schemathesis CLI. */
  bin: string;
  maxExamples?: number;
  seed?: number;
  log?: (line: string) => void;
}

/** Starts the system, fuzzes its public contract (`fuzzPublicApi`), stops it: `npm run fuzz:api`. */
export async function fuzzTheSystem(options: FuzzTheSystemOptions): Promise<FuzzReport> {
  const log = options.log ?? (() => undefined);
  const target = await startSystemUnderTest(log);
  try {
    log(`fuzzing ${target.system.gatewayUrl} against ${path.relative(repoRoot, CONTRACT_FILE)}`);
    return await fuzzPublicApi({
      bin: options.bin,
      contractFile: CONTRACT_FILE,
      gatewayUrl: target.system.gatewayUrl,
      authDatabaseUrl: target.authDatabaseUrl,
      maxExamples: options.maxExamples,
      seed: options.seed,
    });
  } finally {
    await target.stop();
  }
}

async function deleteConsumerGroup(brokers: string[], groupId: string): Promise<void> {
  const admin = new Kafka({ clientId: 'api-fuzz', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.deleteGroups([groupId]);
  } finally {
    await admin.disconnect();
  }
}
