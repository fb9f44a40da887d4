import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { dropDatabase, startSystemProcess, type SystemProcess } from '@platform/dev';
import { acquireInfra, infraPaths } from '@platform/infra';
import { startTestJaeger, type TestJaeger } from '@platform/infra/testing';
import { Kafka, logLevel } from 'kafkajs';

/** The whole system as `npm start` runs it, exporting its spans to a Jaeger of this test's own. */
export interface SystemUnderTrace {
  system: SystemProcess;
  jaeger: TestJaeger;
  /** The Mailpit API the system's notification-service sends through (the shared one `npm start` uses). */
  mailpitApiUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts Jaeger, then the system (tools/dev's `startSystemProcess`) on free ports with databases and
 * consumer groups of its own (beside a developer's system or another test's), its services exporting
 * spans to that Jaeger with a short batch delay. `stop()` undoes all of it.
 */
export async function startSystemUnderTrace(): Promise<SystemUnderTrace> {
  const lease = await acquireInfra('journey test');
  const run = randomBytes(4).toString('hex');
  const databases = [`journey_auth_${run}`, `journey_business_${run}`, `journey_notification_${run}`];
  const groups = [
    `journey-business-service-${run}`,
    `journey-notification-service-${run}`,
    `journey-auth-service-${run}`,
  ];
  const logDir = mkdtempSync(path.join(infraPaths().root, 'journey-logs-'));
  let jaeger: TestJaeger | undefined;
  const cleanUp = async () => {
    await jaeger?.stop();
    for (const database of databases) await dropDatabase(lease.endpoints.databaseUrl, database).catch(() => undefined);
    for (const group of groups) await deleteConsumerGroup(lease.endpoints.kafkaBrokers, group).catch(() => undefined);
    rmSync(logDir, { recursive: true, force: true });
    await lease.release();
  };
  let system: SystemProcess;
  try {
    jaeger = await startTestJaeger();
    system = await startSystemProcess({
      AUTH_DATABASE: databases[0],
      BUSINESS_DATABASE: databases[1],
      NOTIFICATION_DATABASE: databases[2],
      KAFKA_CONSUMER_GROUP: groups[0],
      NOTIFICATION_CONSUMER_GROUP: groups[1],
      AUTH_CONSUMER_GROUP: groups[2],
      LOG_DIR: logDir,
      OTEL_EXPORTER_OTLP_ENDPOINT: jaeger.otlpHttpUrl,
      // Spans reach Jaeger sooner; the test still polls, never relies on a delay.
      OTEL_BSP_SCHEDULE_DELAY: '200',
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const mailpitApiUrl = /captured e-mails: (http:\/\/[^/\s]+)/.exec(system.output())?.[1];
  if (!mailpitApiUrl) throw new Error(`the system did not say where Mailpit is:\n${system.output()}`);
  return {
    system,
    jaeger,
    mailpitApiUrl,
    async stop() {
      try {
        await system.stop();
      } finally {
        await cleanUp();
      }
    },
  };
}

async function deleteConsumerGroup(brokers: string[], groupId: string): Promise<void> {
  const admin = new Kafka({ clientId: 'journey-test', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.deleteGroups([groupId]);
  } finally {
    await admin.disconnect();
  }
}
