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
import { freePort, infraPaths } from '@platform/infra';
import {
  createTestDatabase,
  deleteGroup,
  startGroupAtTheEnd,
  startTestRedis,
  testInfra,
  uniqueGroupId,
  type TestDatabase,
  type TestRedis,
} from '@platform/infra/testing';
import { startService, type ServiceProcess } from './service-process.js';

/** The real auth-service and gateway, each its own process, on a database of the test file's own. */
export interface E2eSystem {
  auth: ServiceProcess;
  gateway: ServiceProcess;
  /** The business-service, when started (`business` option): its own database, consumer group and Redis. */
  business?: ServiceProcess;
  /** The notification-service, when started (`notification` option): its own database and consumer group. */
  notification?: ServiceProcess;
  /** The notification-service's consumer group (e.g. the `dlq-consumer-group` header of what it dead-letters). */
  notificationConsumerGroup?: string;
  /** The auth-service's database (for its CLI commands). */
  database: TestDatabase;
  /** The business-service's database, when started (e.g. to search it after an erasure). */
  businessDatabase?: TestDatabase;
  /** The notification-service's database, when started. */
  notificationDatabase?: TestDatabase;
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
  /**
   * Starts the business-service too, behind the gateway, with these settings besides those the
   * system needs: a database and a consumer group of its own, and a redis-server for its cache.
   */
  business?: NodeJS.ProcessEnv;
  /**
   * Starts the notification-service too, behind the gateway, with these settings besides those the
   * system needs (SMTP_HOST/SMTP_PORT of a test Mailpit): a database and a consumer group of its own
   * that starts at the end of the topics, so other test files' events send nothing here.
   */
  notification?: NodeJS.ProcessEnv;
}

/**
 * Starts the auth-service, then the gateway in front of it, both on free loopback ports, sharing
 * an identity key and the test Kafka (events, revoked sessions); resolves once both are ready.
 */
export async function startE2eSystem(options: E2eSystemOptions): Promise<E2eSystem> {
  const database = await createTestDatabase(options.databasePrefix);
  const keyDir = mkdtempSync(path.join(infraPaths().root, 'e2e-keys-'));
  const started: ServiceProcess[] = [];
  const undo: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const service of started.reverse()) await service.stop();
    for (const step of undo.reverse()) await step().catch(() => undefined);
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
    // Its own group (the erasure confirmations): systems of parallel test files never share one.
    const authGroup = uniqueGroupId('e2e-auth-service');
    undo.push(() => deleteGroup(authGroup));
    const auth = await startService(
      'apps/auth-service/src/main.ts',
      {
        ...common,
        SERVICE_NAME: 'auth-service',
        PORT: String(authPort),
        MANAGEMENT_PORT: String(authManagement),
        DATABASE_URL: database.url,
        JWT_DEV_KEY_DIR: keyDir,
        KAFKA_CONSUMER_GROUP: authGroup,
        ...options.auth,
      },
      authReadyUrl,
    );
    started.push(auth);
    const business = options.business && (await startBusinessService(common, options.business, started, undo));
    const notification =
      options.notification && (await startNotificationService(common, options.notification, started, undo));
    const gateway = await startService(
      'apps/gateway/src/main.ts',
      {
        ...common,
        SERVICE_NAME: 'gateway',
        PORT: String(gatewayPort),
        MANAGEMENT_PORT: String(gatewayManagement),
        AUTH_SERVICE_URL: `http://127.0.0.1:${authPort}`,
        AUTH_SERVICE_READY_URL: authReadyUrl,
        ...(business ? { BUSINESS_SERVICE_URL: business.url, BUSINESS_SERVICE_READY_URL: business.readyUrl } : {}),
        ...(notification
          ? { NOTIFICATION_SERVICE_URL: notification.url, NOTIFICATION_SERVICE_READY_URL: notification.readyUrl }
          : {}),
        ...options.gateway,
      },
      // Ready includes the replay of revoked sessions from Kafka.
      `http://127.0.0.1:${gatewayManagement}/health/ready`,
    );
    started.push(gateway);
    return {
      auth,
      gateway,
      ...(business ? { business: business.process, businessDatabase: business.database } : {}),
      ...(notification
        ? {
            notification: notification.process,
            notificationConsumerGroup: notification.consumerGroup,
            notificationDatabase: notification.database,
          }
        : {}),
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

/**
 * The business-service as `npm start` runs it, on a database, a consumer group and a redis-server
 * of its own; what it started is undone by `undo` (run after the processes stopped).
 */
async function startBusinessService(
  common: NodeJS.ProcessEnv,
  env: NodeJS.ProcessEnv,
  started: ServiceProcess[],
  undo: (() => Promise<void>)[],
): Promise<{ process: ServiceProcess; url: string; readyUrl: string; database: TestDatabase }> {
  const database = await createTestDatabase('gateway_e2e_business');
  undo.push(() => database.drop());
  const redis: TestRedis = await startTestRedis();
  undo.push(() => redis.stop());
  const groupId = uniqueGroupId('e2e-business-service');
  undo.push(() => deleteGroup(groupId));
  const [port, management] = await Promise.all([freePort(), freePort()]);
  const readyUrl = `http://127.0.0.1:${management}/health/ready`;
  const business = await startService(
    'apps/business-service/src/main.ts',
    {
      ...common,
      SERVICE_NAME: 'business-service',
      PORT: String(port),
      MANAGEMENT_PORT: String(management),
      DATABASE_URL: database.url,
      KAFKA_CONSUMER_GROUP: groupId,
      REDIS_URL: redis.url,
      ...env,
    },
    // Ready includes its event consumer.
    readyUrl,
  );
  started.push(business);
  return { process: business, url: `http://127.0.0.1:${port}`, readyUrl, database };
}

/** The topics the notification-service consumes (its consumer group starts at their end). */
const NOTIFICATION_TOPICS = [
  AUTH_USER_TOPIC_V1,
  BUSINESS_BUSINESS_TOPIC_V1,
  BUSINESS_MEMBER_TOPIC_V1,
  BUSINESS_INVOICE_TOPIC_V1,
  BUSINESS_PAYMENT_TOPIC_V1,
];

/**
 * The notification-service as `npm start` runs it, on a database and a consumer group of its own
 * whose offsets start at the end of every topic (as a newly deployed consumer's would).
 */
async function startNotificationService(
  common: NodeJS.ProcessEnv,
  env: NodeJS.ProcessEnv,
  started: ServiceProcess[],
  undo: (() => Promise<void>)[],
): Promise<{ process: ServiceProcess; url: string; readyUrl: string; consumerGroup: string; database: TestDatabase }> {
  const database = await createTestDatabase('gateway_e2e_notification');
  undo.push(() => database.drop());
  const groupId = uniqueGroupId('e2e-notification-service');
  undo.push(() => deleteGroup(groupId));
  await startGroupAtTheEnd(groupId, NOTIFICATION_TOPICS);
  const [port, management] = await Promise.all([freePort(), freePort()]);
  const readyUrl = `http://127.0.0.1:${management}/health/ready`;
  const notification = await startService(
    'apps/notification-service/src/main.ts',
    {
      ...common,
      SERVICE_NAME: 'notification-service',
      PORT: String(port),
      MANAGEMENT_PORT: String(management),
      DATABASE_URL: database.url,
      KAFKA_CONSUMER_GROUP: groupId,
      UNSUBSCRIBE_SIGNING_KEY: randomBytes(32).toString('base64url'),
      WEBHOOK_SECRETS_KEY: randomBytes(32).toString('base64'),
      NOTIFICATION_DISPATCH_INTERVAL_MS: '100',
      ...env,
    },
    readyUrl,
  );
  started.push(notification);
  return { process: notification, url: `http://127.0.0.1:${port}`, readyUrl, consumerGroup: groupId, database };
}
