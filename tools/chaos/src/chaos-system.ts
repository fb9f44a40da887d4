import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  databaseUrl,
  endpointsOf,
  ensureDatabase,
  portSettingsOf,
  startProcess,
  stopProcess,
  systemServices,
  waitUntilReady,
  type RunningProcess,
  type ServiceSpec,
  type SystemEndpoints,
} from '@platform/dev';
import { freePort } from '@platform/infra';
import {
  startPrivateKafka,
  startRestartablePostgres,
  startTestMailpit,
  type PrivateKafka,
  type RestartablePostgres,
  type TestMailpit,
} from '@platform/infra/testing';
import { allStarted } from './all-started.js';
import { startRestartableRedis, type RestartableRedis } from './restartable-redis.js';

const READY_TIMEOUT_MS = 300_000;
const STOP_GRACE_MS = 10_000;

/** The platform's services chaos kills and restarts (the payment sandbox is an outside system: it keeps running). */
export const PLATFORM_SERVICES = ['auth-service', 'business-service', 'notification-service', 'gateway'] as const;
export type PlatformService = (typeof PLATFORM_SERVICES)[number];

/** The databases of the services that have one, by service name. */
export const SERVICE_DATABASES = {
  'auth-service': 'auth',
  'business-service': 'business',
  'notification-service': 'notification',
} as const;

/** The whole system on ports and infrastructure of its own: nothing shared with `npm start` or the tests. */
export interface ChaosSystem {
  gatewayUrl: string;
  sandboxUrl: string;
  kafka: PrivateKafka;
  postgres: RestartablePostgres;
  redis: RestartableRedis;
  mailpit: TestMailpit;
  /** DATABASE_URL of each service with a database. */
  databases: Record<keyof typeof SERVICE_DATABASES, string>;
  /** Where the services' lines go. */
  logFile: string;
  /** SIGKILL: no graceful shutdown, whatever it was doing (a relay batch, a handler) is cut off. */
  kill(name: PlatformService): Promise<void>;
  /** Starts a killed service again and waits until it is ready. */
  restart(name: PlatformService): Promise<void>;
  /** Stops everything it started (also what is half started); safe to call twice. */
  stop(): Promise<void>;
}

// A killed consumer's partitions wait for its session to expire, and its restarted instance's join
// waits with them: at the default 30 s, a run's restarts alone took over 10 minutes. The broker's
// least (6 s) is safe here, where nothing pauses a process that long.
const QUICK_REJOIN = { KAFKA_SESSION_TIMEOUT_MS: '6000' };

/**
 * Settings that make the system settle within a run: short retry waits, fast reconciliation of
 * payments whose webhook was lost, loopback webhook receivers allowed, limits out of the way.
 */
function chaosSettings(name: string, redisUrl: string, keyDir: string): NodeJS.ProcessEnv {
  switch (name) {
    case 'auth-service':
      return { ...QUICK_REJOIN, JWT_DEV_KEY_DIR: keyDir };
    case 'business-service':
      return {
        ...QUICK_REJOIN,
        REDIS_URL: redisUrl,
        JOBS_RECONCILIATION_EVERY_MS: '2000',
        JOBS_RECONCILIATION_MIN_AGE_MS: '3000',
      };
    case 'notification-service':
      return {
        ...QUICK_REJOIN,
        NOTIFICATION_DISPATCH_INTERVAL_MS: '200',
        NOTIFICATION_RETRY_BASE_DELAY_MS: '200',
        NOTIFICATION_RETRY_MAX_DELAY_MS: '2000',
        NOTIFICATION_MAX_ATTEMPTS: '100',
        SMTP_BREAKER_RESET_MS: '1000',
        // About 70 s of retries: longer than any receiver outage of the schedule (a run with a
        // shorter one saw deliveries fail for good while the receivers answered 503, as designed).
        WEBHOOK_RETRY_SCHEDULE_MS: '0,1000,2000,5000,10000,20000,30000',
        WEBHOOK_DISPATCH_INTERVAL_MS: '200',
        WEBHOOK_TIMEOUT_MS: '3000',
        WEBHOOK_CLAIM_LEASE_MS: '10000',
        WEBHOOK_ALLOW_HTTP: 'true',
        WEBHOOK_ALLOW_LOOPBACK: 'true',
      };
    case 'gateway':
      return {
        REDIS_URL: redisUrl,
        RATE_LIMIT_PER_MINUTE: '1000000',
        AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
        UPSTREAM_TIMEOUT_MS: '10000',
      };
    default:
      return {};
  }
}

/**
 * Starts a private PostgreSQL, Kafka broker, Redis and Mailpit, then every service as `npm start`
 * does (tools/dev's service specs and launcher) on free ports; `log` gets progress lines.
 */
export async function startChaosSystem(runDir: string, log: (line: string) => void): Promise<ChaosSystem> {
  mkdirSync(runDir, { recursive: true });
  const logFile = path.join(runDir, 'services.log');
  const logStream = createWriteStream(logFile, { flags: 'a' });
  const write = (line: string) => void logStream.write(`${line}\n`);
  const keyDir = path.join(runDir, 'auth-keys');
  const undo: (() => Promise<void>)[] = [];
  const running = new Map<string, RunningProcess>();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const service of [...running.values()].reverse()) await stopProcess(service, STOP_GRACE_MS);
    for (const step of undo.reverse()) await step().catch((error: Error) => log(`cleanup: ${error.message}`));
    await new Promise((resolve) => logStream.end(resolve));
    rmSync(keyDir, { recursive: true, force: true });
  };
  try {
    log('starting a private PostgreSQL, Kafka broker, Redis and Mailpit');
    const [postgres, kafka, redis, mailpit] = await allStarted([
      startRestartablePostgres().then((started) => (undo.push(() => started.destroy()), started)),
      startPrivateKafka().then((started) => (undo.push(() => started.destroy()), started)),
      startRestartableRedis().then((started) => (undo.push(() => started.stop()), started)),
      startTestMailpit().then((started) => (undo.push(() => started.stop()), started)),
    ]);
    const portEnv: NodeJS.ProcessEnv = {};
    for (const spec of systemServices({})) {
      const settings = portSettingsOf(spec.name);
      portEnv[settings.port] = String(await freePort());
      if (spec.managementPort !== undefined) portEnv[settings.managementPort] = String(await freePort());
    }
    const services = systemServices(portEnv);
    const specOf = (name: string): ServiceSpec => {
      const spec = services.find((service) => service.name === name);
      if (!spec) throw new Error(`no service ${name} in tools/dev's services.ts`);
      return spec;
    };
    const system: SystemEndpoints = {
      kafkaBrokers: kafka.brokers,
      identitySigningKey: randomBytes(32).toString('base64url'),
      paymentClient: {
        clientId: 'business-service',
        clientSecret: randomBytes(32).toString('base64url'),
        webhookSecret: `whsec_${randomBytes(32).toString('base64')}`,
      },
      mailpit: { smtpHost: mailpit.smtpHost, smtpPort: mailpit.smtpPort, apiUrl: mailpit.apiUrl },
      unsubscribeSigningKey: randomBytes(32).toString('base64url'),
      webhookSecretsKey: randomBytes(32).toString('base64'),
      endpointsOf: (name) => endpointsOf(specOf(name)),
    };
    const databases = {} as ChaosSystem['databases'];
    for (const [name, database] of Object.entries(SERVICE_DATABASES)) {
      await ensureDatabase(postgres.url, database);
      databases[name as keyof typeof SERVICE_DATABASES] = databaseUrl(postgres.url, database);
    }
    const envOf = (spec: ServiceSpec): NodeJS.ProcessEnv => ({
      ...spec.env(system),
      // No spans to a Jaeger of someone else's.
      OTEL_EXPORTER_OTLP_ENDPOINT: '',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '',
      ...chaosSettings(spec.name, redis.url, keyDir),
      ...(spec.name in databases ? { DATABASE_URL: databases[spec.name as keyof typeof databases] } : {}),
    });
    const launch = async (spec: ServiceSpec): Promise<void> => {
      const service = startProcess(spec, envOf(spec), path.join(runDir, 'logs'), 0, write);
      running.set(spec.name, service);
      await waitUntilReady(service, endpointsOf(spec).readyUrl, READY_TIMEOUT_MS);
    };
    // One after another, upstreams first, as npm start does: side by side they starved each other on a busy machine.
    for (const spec of services) {
      log(`starting ${spec.name}`);
      await launch(spec);
    }
    return {
      gatewayUrl: endpointsOf(specOf('gateway')).url,
      sandboxUrl: endpointsOf(specOf('payment-sandbox')).url,
      kafka,
      postgres,
      redis,
      mailpit,
      databases,
      logFile,
      async kill(name) {
        const service = running.get(name);
        if (!service || service.child.exitCode !== null || service.child.signalCode !== null) return;
        service.child.kill('SIGKILL');
        await service.exited;
      },
      restart: (name) => launch(specOf(name)),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
