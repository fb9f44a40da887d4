import { portSetting } from '@platform/infra';

/** A service `npm start` runs: where its entry point is and which ports it takes. */
export interface ServiceSpec {
  name: string;
  main: string;
  port: number;
  managementPort: number;
  /** Settings of its own besides the common ones. */
  env(system: SystemEndpoints): NodeJS.ProcessEnv;
}

/** What the services share: the infrastructure and the development secrets. */
export interface SystemEndpoints {
  databaseUrlOf(database: string): string;
  kafkaBrokers: string[];
  identitySigningKey: string;
  authUrl: string;
  authReadyUrl: string;
}

/**
 * The services in start order (upstreams first), on the documented default ports: gateway 3000,
 * auth-service 3001, management 9000 and 9001; each can be moved with `<NAME>_PORT` /
 * `<NAME>_MANAGEMENT_PORT` (e.g. `AUTH_SERVICE_PORT`).
 */
export function systemServices(env: NodeJS.ProcessEnv = process.env): ServiceSpec[] {
  const authPort = portSetting(env, 'AUTH_SERVICE_PORT', 3001);
  const authManagementPort = portSetting(env, 'AUTH_SERVICE_MANAGEMENT_PORT', 9001);
  return [
    {
      name: 'auth-service',
      main: 'apps/auth-service/src/main.ts',
      port: authPort,
      managementPort: authManagementPort,
      env: (system) => ({
        DATABASE_URL: system.databaseUrlOf('auth'),
        KAFKA_BROKERS: system.kafkaBrokers.join(','),
        IDENTITY_SIGNING_KEY: system.identitySigningKey,
      }),
    },
    {
      name: 'gateway',
      main: 'apps/gateway/src/main.ts',
      port: portSetting(env, 'GATEWAY_PORT', 3000),
      managementPort: portSetting(env, 'GATEWAY_MANAGEMENT_PORT', 9000),
      env: (system) => ({
        AUTH_SERVICE_URL: system.authUrl,
        AUTH_SERVICE_READY_URL: system.authReadyUrl,
        IDENTITY_SIGNING_KEY: system.identitySigningKey,
        // Revoked sessions (auth.user.sessions-revoked) reach every gateway instance through Kafka.
        KAFKA_BROKERS: system.kafkaBrokers.join(','),
      }),
    },
  ];
}
