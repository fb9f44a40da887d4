import { readSetting } from '@platform/bootstrap';
import { databaseUrl, systemServices } from '@platform/dev';
import { infraStatus } from '@platform/infra';
import { BackupError } from './errors.js';

/** A service's database: where it is, and under which name the manifest records it. */
export interface DatabaseTarget {
  service: string;
  /** The database's name (the path of `url`). */
  database: string;
  /** Its connection URL (may hold a password: never printed, see `redactedUrl`). */
  url: string;
}

/** `auth-service` → `AUTH_SERVICE_DATABASE_URL`: the setting that gives that service's database URL. */
export function urlSettingOf(service: string): string {
  return `${service.toUpperCase().replaceAll('-', '_')}_DATABASE_URL`;
}

/**
 * Every service database, from the list `npm start` creates them by (tools/dev services.ts, with its
 * `<NAME>_DATABASE` settings). A service's URL is `<SERVICE>_DATABASE_URL` when set (or its `_FILE`,
 * as Kubernetes and Compose mount secrets); otherwise its database on the server of DATABASE_URL,
 * or on the PostgreSQL that `npm run infra:up` / `npm start` runs.
 */
export function serviceTargets(env: NodeJS.ProcessEnv = process.env): DatabaseTarget[] {
  const services = systemServices(env).filter((spec) => spec.database !== undefined);
  let server: string | undefined;
  const serverUrl = (): string => {
    server ??= readSetting('DATABASE_URL', env) ?? runningInfraUrl();
    if (!server) {
      throw new BackupError(
        'no PostgreSQL to back up: set DATABASE_URL (a URL of the server) or <SERVICE>_DATABASE_URL per service, ' +
          'or start the local one (npm run infra:up)',
      );
    }
    return server;
  };
  return services.map((spec) => {
    const own = readSetting(urlSettingOf(spec.name), env);
    const url = own ?? databaseUrl(serverUrl(), spec.database!);
    return { service: spec.name, database: databaseNameOf(url), url };
  });
}

/** Keeps the targets of `services` (all when none is given); an unknown name is refused. */
export function selectTargets(targets: DatabaseTarget[], services: string[] = []): DatabaseTarget[] {
  const unknown = services.filter((name) => !targets.some((target) => target.service === name));
  if (unknown.length > 0) {
    throw new BackupError(
      `no service database named ${unknown.join(', ')} (known: ${targets.map((t) => t.service).join(', ')})`,
    );
  }
  return services.length === 0 ? targets : targets.filter((target) => services.includes(target.service));
}

/** The URL without its password, for messages. */
export function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new BackupError(`"${name}" in ${redactedUrl(url)} is not a plain database name`);
  }
  return name;
}

function runningInfraUrl(): string | undefined {
  const postgres = infraStatus().postgres;
  return postgres?.running ? postgres.url : undefined;
}
