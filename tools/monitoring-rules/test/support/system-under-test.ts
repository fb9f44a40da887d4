import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startSystemProcess, type SystemProcess } from '@platform/dev';
import { acquireInfra, infraPaths } from '@platform/infra';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';

/** The system as `npm start` runs it, on databases and consumer groups of this test's own. */
export interface RunningSystem {
  system: SystemProcess;
  /** Stops the system, drops its databases and consumer groups, releases the infrastructure. */
  stop(): Promise<void>;
}

/** Starts the whole system on free ports beside a developer's or another test's. */
export async function startRunningSystem(purpose: string): Promise<RunningSystem> {
  const lease = await acquireInfra(purpose);
  const run = randomBytes(4).toString('hex');
  const databases = {
    auth: `mon_auth_${run}`,
    business: `mon_business_${run}`,
    notification: `mon_notification_${run}`,
  };
  const groups = {
    business: `mon-business-service-${run}`,
    notification: `mon-notification-service-${run}`,
    auth: `mon-auth-service-${run}`,
  };
  const logDir = mkdtempSync(path.join(infraPaths().root, 'monitoring-logs-'));
  const cleanUp = async () => {
    for (const database of Object.values(databases)) {
      await dropDatabase(lease.endpoints.databaseUrl, database).catch(() => undefined);
    }
    for (const group of Object.values(groups)) {
      await deleteConsumerGroup(lease.endpoints.kafkaBrokers, group).catch(() => undefined);
    }
    rmSync(logDir, { recursive: true, force: true });
    await lease.release();
  };
  try {
    const system = await startSystemProcess({
      AUTH_DATABASE: databases.auth,
      BUSINESS_DATABASE: databases.business,
      NOTIFICATION_DATABASE: databases.notification,
      KAFKA_CONSUMER_GROUP: groups.business,
      NOTIFICATION_CONSUMER_GROUP: groups.notification,
      AUTH_CONSUMER_GROUP: groups.auth,
      LOG_DIR: logDir,
    });
    return {
      system,
      async stop() {
        try {
          await system.stop();
        } finally {
          await cleanUp();
        }
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function deleteConsumerGroup(brokers: string[], groupId: string): Promise<void> {
  const admin = new Kafka({ clientId: 'monitoring-rules-test', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.deleteGroups([groupId]);
  } finally {
    await admin.disconnect();
  }
}
