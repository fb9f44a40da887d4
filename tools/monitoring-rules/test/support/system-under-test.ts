import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { dropDatabase, ownSettingsOf, startSystemProcess, type SystemProcess, systemServices } from '@platform/dev';
import { acquireInfra, infraPaths } from '@platform/infra';
import { Kafka, logLevel } from 'kafkajs';

/** The system as `npm start` runs it, on databases and consumer groups of this test's own. */
export interface RunningSystem {
  system: SystemProcess;
  /** Stops the system, drops its databases and consumer groups, releases the infrastructure. */
  stop(): Promise<void>;
}

/** Starts the whole system on free ports beside a developer's or another test's. */
export async function startRunningSystem(purpose: string): Promise<RunningSystem> {
  const run = randomBytes(4).toString('hex');
  // A database and consumer group of this run's own for every service of the registry (tools/dev's
  // services.ts, which the service generator extends), by its <NAME>_DATABASE / <NAME>_CONSUMER_GROUP.
  const settings: NodeJS.ProcessEnv = { KAFKA_CONSUMER_GROUP: `mon-business-service-${run}` };
  const databases: string[] = [];
  for (const spec of systemServices({})) {
    if (spec.managementPort === undefined) continue;
    const own = ownSettingsOf(spec.name);
    settings[own.consumerGroup] = `mon-${spec.name}-${run}`;
    if (spec.database === undefined) continue;
    settings[own.database] = `mon_${spec.database}_${run}`;
    databases.push(settings[own.database]!);
  }
  // A service off that convention would run on a developer's database: refuse rather than touch it.
  const offConvention = systemServices(settings).filter(
    (spec) => spec.database !== undefined && !databases.includes(spec.database),
  );
  if (offConvention.length > 0) {
    throw new Error(
      `${offConvention.map((spec) => spec.name).join(', ')}: its database is not moved by <NAME>_DATABASE (tools/dev/src/services.ts)`,
    );
  }
  const groups = Object.entries(settings).flatMap(([name, value]) =>
    name.endsWith('_CONSUMER_GROUP') && value ? [value] : [],
  );
  const lease = await acquireInfra(purpose);
  const logDir = mkdtempSync(path.join(infraPaths().root, 'monitoring-logs-'));
  const cleanUp = async () => {
    for (const database of databases) {
      await dropDatabase(lease.endpoints.databaseUrl, database).catch(() => undefined);
    }
    for (const group of groups) {
      await deleteConsumerGroup(lease.endpoints.kafkaBrokers, group).catch(() => undefined);
    }
    rmSync(logDir, { recursive: true, force: true });
    await lease.release();
  };
  try {
    const system = await startSystemProcess({ ...settings, LOG_DIR: logDir });
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

async function deleteConsumerGroup(brokers: string[], groupId: string): Promise<void> {
  const admin = new Kafka({ clientId: 'monitoring-rules-test', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.deleteGroups([groupId]);
  } finally {
    await admin.disconnect();
  }
}
