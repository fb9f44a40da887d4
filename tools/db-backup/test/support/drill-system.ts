import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  AUTH_USER_TOPIC_V1,
  BUSINESS_BUSINESS_TOPIC_V1,
  BUSINESS_INVOICE_TOPIC_V1,
  BUSINESS_MEMBER_TOPIC_V1,
  BUSINESS_PAYMENT_TOPIC_V1,
} from '@platform/contracts';
import { startProcess, stopProcess, waitUntilReady, type RunningProcess, type ServiceSpec } from '@platform/dev';
import { freePort, infraPaths } from '@platform/infra';
import {
  createTestDatabase,
  deleteGroup,
  startGroupAtTheEnd,
  startTestMailpit,
  testInfra,
  uniqueGroupId,
  type TestDatabase,
  type TestMailpit,
} from '@platform/infra/testing';
import { startPaymentSandbox, type RunningPaymentSandbox } from '@platform/payment-sandbox';
import type { DatabaseTarget } from '../../src/index.js';

/** The services with a database, in start order, then the gateway. */
const WITH_DATABASE = ['auth-service', 'business-service', 'notification-service'] as const;
type ServiceWithDatabase = (typeof WITH_DATABASE)[number];

/**
 * The whole platform as processes on loopback ports of its own, its databases and consumer groups
 * its own, e-mails to a Mailpit of its own: stopped and started again on the same ports and
 * settings, so a restore can happen between.
 */
export interface DrillSystem {
  gatewayUrl: string;
  mailpit: TestMailpit;
  /** The notification-service's consumer group. */
  notificationGroup: string;
  databases: Record<ServiceWithDatabase, TestDatabase>;
  /** The services' databases as the backup tool takes them. */
  targets: DatabaseTarget[];
  /** Stops the services with a database (gracefully); the gateway, infrastructure and databases stay. */
  stopServices(): Promise<void>;
  /** Starts them again, on the same ports and settings. */
  startServices(): Promise<void>;
  /** Every line the services printed (for a failing test's message). */
  output(): string;
  /** Stops everything and removes what it made. */
  close(): Promise<void>;
}

export async function startDrillSystem(): Promise<DrillSystem> {
  const undo: (() => Promise<unknown>)[] = [];
  const lines: string[] = [];
  let running: RunningProcess[] = [];
  const stop = async (which: (service: RunningProcess) => boolean) => {
    for (const service of [...running].reverse().filter(which)) await stopProcess(service, 15_000);
    running = running.filter((service) => !which(service));
  };
  const close = async () => {
    await stop(() => true);
    for (const step of undo.reverse()) await step().catch(() => undefined);
  };
  try {
    const [mailpit, sandbox] = await Promise.all([startTestMailpit(), startPaymentSandbox()]);
    undo.push(
      () => mailpit.stop(),
      () => (sandbox as RunningPaymentSandbox).close(),
    );
    const databases = {} as Record<ServiceWithDatabase, TestDatabase>;
    for (const service of WITH_DATABASE) {
      databases[service] = await createTestDatabase(`drill_${service.split('-')[0]}`);
      undo.push(() => databases[service].drop());
    }
    const keyDir = mkdtempSync(path.join(infraPaths().root, 'drill-keys-'));
    const logDir = mkdtempSync(path.join(infraPaths().root, 'drill-logs-'));
    undo.push(async () => {
      rmSync(keyDir, { recursive: true, force: true });
      rmSync(logDir, { recursive: true, force: true });
    });
    const groups = {
      auth: uniqueGroupId('drill-auth-service'),
      business: uniqueGroupId('drill-business-service'),
      notification: uniqueGroupId('drill-notification-service'),
    };
    for (const group of Object.values(groups)) undo.push(() => deleteGroup(group));
    // As a newly deployed consumer's: other test files' events send nothing to this Mailpit.
    await startGroupAtTheEnd(groups.notification, [
      AUTH_USER_TOPIC_V1,
      BUSINESS_BUSINESS_TOPIC_V1,
      BUSINESS_MEMBER_TOPIC_V1,
      BUSINESS_INVOICE_TOPIC_V1,
      BUSINESS_PAYMENT_TOPIC_V1,
    ]);

    const port = async () => freePort();
    const spec = async (name: string, main: string, env: NodeJS.ProcessEnv): Promise<ServiceSpec> => {
      const [servicePort, managementPort] = [await port(), await port()];
      return { name, main, port: servicePort, managementPort, env: () => env };
    };
    const url = (s: ServiceSpec) => `http://127.0.0.1:${s.port}`;
    const readyUrl = (s: ServiceSpec) => `http://127.0.0.1:${s.managementPort}/health/ready`;
    const common = {
      NODE_ENV: 'test',
      IDENTITY_SIGNING_KEY: randomBytes(32).toString('base64url'),
      KAFKA_BROKERS: testInfra().kafkaBrokers.join(','),
      LOG_LEVEL: 'info',
    };
    const gatewayPort = await port();
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    const auth = await spec('auth-service', 'apps/auth-service/src/main.ts', {
      ...common,
      DATABASE_URL: databases['auth-service'].url,
      JWT_DEV_KEY_DIR: keyDir,
      KAFKA_CONSUMER_GROUP: groups.auth,
    });
    const business = await spec('business-service', 'apps/business-service/src/main.ts', {
      ...common,
      DATABASE_URL: databases['business-service'].url,
      KAFKA_CONSUMER_GROUP: groups.business,
      PAYMENT_PROVIDER_URL: sandbox.url,
      PAYMENT_PROVIDER_CLIENT_ID: sandbox.clientId,
      PAYMENT_PROVIDER_CLIENT_SECRET: sandbox.clientSecret,
      PAYMENT_WEBHOOK_SECRET: sandbox.webhookSecret,
      PAYMENT_WEBHOOK_URL: `${gatewayUrl}/v1/payments/webhooks/sandbox`,
    });
    const notification = await spec('notification-service', 'apps/notification-service/src/main.ts', {
      ...common,
      DATABASE_URL: databases['notification-service'].url,
      KAFKA_CONSUMER_GROUP: groups.notification,
      SMTP_HOST: mailpit.smtpHost,
      SMTP_PORT: String(mailpit.smtpPort),
      UNSUBSCRIBE_SIGNING_KEY: randomBytes(32).toString('base64url'),
      WEBHOOK_SECRETS_KEY: randomBytes(32).toString('base64'),
      NOTIFICATION_DISPATCH_INTERVAL_MS: '100',
      PUBLIC_BASE_URL: gatewayUrl,
    });
    const gateway: ServiceSpec = {
      name: 'gateway',
      main: 'apps/gateway/src/main.ts',
      port: gatewayPort,
      managementPort: await port(),
      env: () => ({
        ...common,
        AUTH_SERVICE_URL: url(auth),
        AUTH_SERVICE_READY_URL: readyUrl(auth),
        BUSINESS_SERVICE_URL: url(business),
        BUSINESS_SERVICE_READY_URL: readyUrl(business),
        NOTIFICATION_SERVICE_URL: url(notification),
        NOTIFICATION_SERVICE_READY_URL: readyUrl(notification),
        RATE_LIMIT_PER_MINUTE: '100000',
        AUTH_RATE_LIMIT_PER_MINUTE: '10000',
      }),
    };
    const start = async (specs: ServiceSpec[]) => {
      for (const [index, each] of specs.entries()) {
        const service = startProcess(each, each.env(undefined as never), logDir, index, (line) => lines.push(line));
        running.push(service);
        // Generous: the machine that runs the tests runs several systems at once.
        await waitUntilReady(service, readyUrl(each), 300_000).catch((error: Error) => {
          throw new Error(`${error.message}\n${lines.slice(-60).join('\n')}`);
        });
      }
    };
    const withDatabase = [auth, business, notification];
    await start([...withDatabase, gateway]);
    return {
      gatewayUrl,
      mailpit,
      notificationGroup: groups.notification,
      databases,
      targets: WITH_DATABASE.map((service) => ({
        service,
        database: databases[service].name,
        url: databases[service].url,
      })),
      stopServices: () => stop((service) => service.spec.name !== 'gateway'),
      startServices: () => start(withDatabase),
      output: () => lines.slice(-200).join('\n'),
      close,
    };
  } catch (error) {
    await close();
    throw new Error(`the drill system did not start: ${(error as Error).message}\n${lines.slice(-100).join('\n')}`);
  }
}
