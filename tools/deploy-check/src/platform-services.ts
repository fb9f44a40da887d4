import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { systemServices, type ServiceSpec, type SystemEndpoints } from '@platform/dev';
import { inRepository } from './repository.js';

/**
 * A platform service as the deploy checks see it: what `npm start` runs (tools/dev/src/services.ts,
 * the one list `nx g @platform/generators:service` extends), on its default ports, with the
 * configuration class it validates at start-up.
 */
export interface PlatformService {
  name: string;
  /** `apps/<name>/src/main.ts`, as `npm start` runs it. */
  main: string;
  port: number;
  managementPort: number;
  /** Its own database's default name, when it has one. */
  database?: string;
  /** The names of the settings of its own that `npm start` gives it (`KAFKA_BROKERS`, ...). */
  settings: string[];
  /** `apps/<name>/src/<short>.config.ts` and its class `<Short>Config` (`notification.config.ts`, `NotificationConfig`). */
  config: { file: string; className: string };
}

/** Every deployable of the registry, stand-ins (the payment sandbox) included, on the default ports. */
export function deployables(): ServiceSpec[] {
  // No environment: the defaults, never a developer's moved ports or databases.
  return systemServices({});
}

/** The platform services (those with a management port: health and metrics), in start order. */
export function platformServices(): PlatformService[] {
  return deployables().flatMap((spec) =>
    spec.managementPort === undefined
      ? []
      : [
          {
            name: spec.name,
            main: spec.main,
            port: spec.port,
            managementPort: spec.managementPort,
            ...(spec.database === undefined ? {} : { database: spec.database }),
            settings: Object.keys(spec.env(PLACEHOLDER_SYSTEM)),
            config: configClassOf(spec.name),
          },
        ],
  );
}

/** Stand-in values: only the names of the settings a spec gives are read, never these values. */
const PLACEHOLDER_SYSTEM: SystemEndpoints = {
  kafkaBrokers: ['kafka.invalid:9092'],
  identitySigningKey: 'placeholder',
  paymentClient: { clientId: 'placeholder', clientSecret: 'placeholder', webhookSecret: 'placeholder' },
  mailpit: { smtpHost: 'mailpit.invalid', smtpPort: 1025, apiUrl: 'http://mailpit.invalid' },
  unsubscribeSigningKey: 'placeholder',
  webhookSecretsKey: 'placeholder',
  endpointsOf: (name) => ({ url: `http://${name}.invalid`, readyUrl: `http://${name}.invalid/health/ready` }),
};

/** The services' convention: `auth-service` → apps/auth-service/src/auth.config.ts, `AuthConfig`. */
export function configClassOf(name: string): { file: string; className: string } {
  const short = name.replace(/-service$/, '');
  const className = `${short
    .split('-')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('')}Config`;
  return { file: `apps/${name}/src/${short}.config.ts`, className };
}

/**
 * Loads the configuration class of `service`, by path: a tool may not import an application (module
 * boundaries), but it may read one. A service off the convention fails here, by name.
 */
export async function loadConfigClass(service: PlatformService): Promise<new () => object> {
  const { file, className } = service.config;
  if (!existsSync(inRepository(file))) throw new Error(`${service.name}: no ${file} (its configuration class)`);
  const module = (await import(pathToFileURL(inRepository(file)).href)) as Record<string, new () => object>;
  const schema = module[className];
  if (typeof schema !== 'function') throw new Error(`${service.name}: ${file} exports no class ${className}`);
  return schema;
}
