import { portSetting } from '@platform/infra';

/** A service `npm start` runs: where its entry point is and which ports it takes. */
export interface ServiceSpec {
  name: string;
  main: string;
  port: number;
  managementPort: number;
  /** Its own PostgreSQL database: created when missing, and given to the service as DATABASE_URL. */
  database?: string;
  /** Settings of its own besides the common ones. */
  env(system: SystemEndpoints): NodeJS.ProcessEnv;
}

/** What the services share: the infrastructure, the development secrets, each other's addresses. */
export interface SystemEndpoints {
  kafkaBrokers: string[];
  identitySigningKey: string;
  /** Public URL and readiness URL of the service `name`. */
  endpointsOf(name: string): { url: string; readyUrl: string };
}

/**
 * The services in start order (upstreams first), on the documented default ports: gateway 3000,
 * auth-service 3001, business-service 3002, management 9000, 9001 and 9002; each can be moved
 * with `<NAME>_PORT` / `<NAME>_MANAGEMENT_PORT` (e.g. `AUTH_SERVICE_PORT`), and a database with
 * `<NAME>_DATABASE` (e.g. `AUTH_DATABASE`: tests start the system beside a developer's).
 */
export function systemServices(env: NodeJS.ProcessEnv = process.env): ServiceSpec[] {
  const ports = (name: string, port: number, managementPort: number) => {
    const settings = portSettingsOf(name);
    return {
      port: portSetting(env, settings.port, port),
      managementPort: portSetting(env, settings.managementPort, managementPort),
    };
  };
  return [
    {
      name: 'auth-service',
      main: 'apps/auth-service/src/main.ts',
      ...ports('auth-service', 3001, 9001),
      database: env['AUTH_DATABASE'] ?? 'auth',
      env: (system) => ({
        KAFKA_BROKERS: system.kafkaBrokers.join(','),
        IDENTITY_SIGNING_KEY: system.identitySigningKey,
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
        IDENTITY_SIGNING_KEY: system.identitySigningKey,
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
        IDENTITY_SIGNING_KEY: system.identitySigningKey,
        // Revoked sessions (auth.user.sessions-revoked) reach every gateway instance through Kafka.
        KAFKA_BROKERS: system.kafkaBrokers.join(','),
      }),
    },
  ];
}

/** Where `spec` answers: its public URL and its readiness on the management port. */
export function endpointsOf(spec: ServiceSpec): { url: string; readyUrl: string } {
  return {
    url: `http://127.0.0.1:${spec.port}`,
    readyUrl: `http://127.0.0.1:${spec.managementPort}/health/ready`,
  };
}

/** The settings that move service `name`'s ports: `auth-service` → AUTH_SERVICE_PORT, AUTH_SERVICE_MANAGEMENT_PORT. */
export function portSettingsOf(name: string): { port: string; managementPort: string } {
  const prefix = name.toUpperCase().replaceAll('-', '_');
  return { port: `${prefix}_PORT`, managementPort: `${prefix}_MANAGEMENT_PORT` };
}
