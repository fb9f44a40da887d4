import { portSetting } from '@platform/infra';

/** A process `npm start` runs: where its entry point is and which ports it takes. */
export interface ServiceSpec {
  name: string;
  main: string;
  port: number;
  /**
   * Health and metrics of a platform service (traced, ready at `/health/ready` there). A stand-in
   * for an outside system, such as the payment sandbox, has none: it runs untraced and is ready
   * when `readyPath` on its port answers 200.
   */
  managementPort?: number;
  readyPath?: string;
  /** Its own PostgreSQL database: created when missing, and given to the service as DATABASE_URL. */
  database?: string;
  /** Settings of its own besides the common ones. */
  env(system: SystemEndpoints): NodeJS.ProcessEnv;
}

/** What the services share: the infrastructure, the development secrets, each other's addresses. */
export interface SystemEndpoints {
  kafkaBrokers: string[];
  identitySigningKey: string;
  /** The business-service's client at the payment sandbox, and the sandbox's webhook signing secret. */
  paymentClient: { clientId: string; clientSecret: string; webhookSecret: string };
  /** Mailpit, which captures every e-mail: its SMTP address for the notification-service, its API for people. */
  mailpit: { smtpHost: string; smtpPort: number; apiUrl: string };
  /** The notification-service's unsubscribe-token key. */
  unsubscribeSigningKey: string;
  /** The notification-service's key for webhook secrets at rest. */
  webhookSecretsKey: string;
  /** Public URL and readiness URL of the service `name`. */
  endpointsOf(name: string): { url: string; readyUrl: string };
}

/**
 * The services in start order (upstreams first), on the documented default ports: gateway 3000,
 * auth-service 3001, business-service 3002, notification-service 3003, management 9000 to 9003
 * (`<NAME>_DATABASE` and `<NAME>_CONSUMER_GROUP` move a service's database and consumer group, e.g.
 * NOTIFICATION_DATABASE, BUSINESS_CONSUMER_GROUP), and the payment
 * sandbox (tools/payment-sandbox, the business-service's payment provider) 4010; each can be
 * moved with `<NAME>_PORT` / `<NAME>_MANAGEMENT_PORT` (e.g. `AUTH_SERVICE_PORT`,
 * `PAYMENT_SANDBOX_PORT`), and a database with `<NAME>_DATABASE` (e.g. `AUTH_DATABASE`: tests
 * start the system beside a developer's).
 */
export function systemServices(env: NodeJS.ProcessEnv = process.env): ServiceSpec[] {
  const ports = (name: string, port: number, managementPort: number) => {
    const settings = portSettingsOf(name);
    return {
      port: portSetting(env, settings.port, port),
      managementPort: portSetting(env, settings.managementPort, managementPort),
    };
  };
  const sandboxPort = portSetting(env, portSettingsOf('payment-sandbox').port, 4010);
  return [
    {
      name: 'auth-service',
      main: 'apps/auth-service/src/main.ts',
      ...ports('auth-service', 3001, 9001),
      database: env['AUTH_DATABASE'] ?? 'auth',
      env: (system) => ({
        KAFKA_BROKERS: system.kafkaBrokers.join(','),
        // Its own group (the erasure confirmations), never an inherited one meant for another service.
        KAFKA_CONSUMER_GROUP: env['AUTH_CONSUMER_GROUP'] ?? 'auth-service',
        IDENTITY_SIGNING_KEY: system.identitySigningKey,
      }),
    },
    {
      name: 'payment-sandbox',
      main: 'tools/payment-sandbox/src/cli.ts',
      port: sandboxPort,
      // Any /admin route answers 200 once it listens.
      readyPath: '/admin/faults',
      env: (system) => ({
        PAYMENT_SANDBOX_HOST: '127.0.0.1',
        PAYMENT_SANDBOX_PORT: String(sandboxPort),
        PAYMENT_SANDBOX_CLIENT_ID: system.paymentClient.clientId,
        PAYMENT_SANDBOX_CLIENT_SECRET: system.paymentClient.clientSecret,
        PAYMENT_SANDBOX_WEBHOOK_SECRET: system.paymentClient.webhookSecret,
      }),
    },
    {
      name: 'business-service',
      main: 'apps/business-service/src/main.ts',
      ...ports('business-service', 3002, 9002),
      database: env['BUSINESS_DATABASE'] ?? 'business',
      // REDIS_URL (its summary cache) passes through from the environment when set.
      env: (system) => ({
        KAFKA_BROKERS: system.kafkaBrokers.join(','),
        // Its own group, never an inherited KAFKA_CONSUMER_GROUP meant for another service.
        KAFKA_CONSUMER_GROUP: env['BUSINESS_CONSUMER_GROUP'] ?? 'business-service',
        IDENTITY_SIGNING_KEY: system.identitySigningKey,
        PAYMENT_PROVIDER_URL: system.endpointsOf('payment-sandbox').url,
        PAYMENT_PROVIDER_CLIENT_ID: system.paymentClient.clientId,
        PAYMENT_PROVIDER_CLIENT_SECRET: system.paymentClient.clientSecret,
        PAYMENT_WEBHOOK_SECRET: system.paymentClient.webhookSecret,
        // The provider posts outcomes to the public entry, which forwards them to the business-service.
        PAYMENT_WEBHOOK_URL: `${system.endpointsOf('gateway').url}/v1/payments/webhooks/sandbox`,
      }),
    },
    {
      name: 'notification-service',
      main: 'apps/notification-service/src/main.ts',
      ...ports('notification-service', 3003, 9003),
      database: env['NOTIFICATION_DATABASE'] ?? 'notification',
      env: (system) => ({
        KAFKA_BROKERS: system.kafkaBrokers.join(','),
        // Its own group, never an inherited KAFKA_CONSUMER_GROUP meant for another service.
        KAFKA_CONSUMER_GROUP: env['NOTIFICATION_CONSUMER_GROUP'] ?? 'notification-service',
        SMTP_HOST: system.mailpit.smtpHost,
        SMTP_PORT: String(system.mailpit.smtpPort),
        UNSUBSCRIBE_SIGNING_KEY: system.unsubscribeSigningKey,
        IDENTITY_SIGNING_KEY: system.identitySigningKey,
        WEBHOOK_SECRETS_KEY: system.webhookSecretsKey,
        // One-click unsubscribe links point at the public entry.
        PUBLIC_BASE_URL: system.endpointsOf('gateway').url,
      }),
    },
    {
      name: 'gateway',
      main: 'apps/gateway/src/main.ts',
      ...ports('gateway', 3000, 9000),
      env: (system) => ({
        AUTH_SERVICE_URL: system.endpointsOf('auth-service').url,
        AUTH_SERVICE_READY_URL: system.endpointsOf('auth-service').readyUrl,
        BUSINESS_SERVICE_URL: system.endpointsOf('business-service').url,
        BUSINESS_SERVICE_READY_URL: system.endpointsOf('business-service').readyUrl,
        NOTIFICATION_SERVICE_URL: system.endpointsOf('notification-service').url,
        NOTIFICATION_SERVICE_READY_URL: system.endpointsOf('notification-service').readyUrl,
        IDENTITY_SIGNING_KEY: system.identitySigningKey,
        // Revoked sessions (auth.user.sessions-revoked) reach every gateway instance through Kafka.
        KAFKA_BROKERS: system.kafkaBrokers.join(','),
      }),
    },
  ];
}

/** Where `spec` answers: its public URL and its readiness (on the management port when it has one). */
export function endpointsOf(spec: ServiceSpec): { url: string; readyUrl: string } {
  const url = `http://127.0.0.1:${spec.port}`;
  return {
    url,
    readyUrl:
      spec.managementPort === undefined
        ? `${url}${spec.readyPath ?? '/'}`
        : `http://127.0.0.1:${spec.managementPort}/health/ready`,
  };
}

/** The settings that move service `name`'s ports: `auth-service` → AUTH_SERVICE_PORT, AUTH_SERVICE_MANAGEMENT_PORT. */
export function portSettingsOf(name: string): { port: string; managementPort: string } {
  const prefix = name.toUpperCase().replaceAll('-', '_');
  return { port: `${prefix}_PORT`, managementPort: `${prefix}_MANAGEMENT_PORT` };
}

/**
 * The settings that move service `name`'s database and consumer group, by the registry's convention:
 * `auth-service` → AUTH_DATABASE, AUTH_CONSUMER_GROUP (a generated service follows it too).
 */
export function ownSettingsOf(name: string): { database: string; consumerGroup: string } {
  const prefix = name
    .replace(/-service$/, '')
    .toUpperCase()
    .replaceAll('-', '_');
  return { database: `${prefix}_DATABASE`, consumerGroup: `${prefix}_CONSUMER_GROUP` };
}
