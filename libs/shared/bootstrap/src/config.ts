import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import {
  getMetadataStorage,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  validateSync,
  type ValidationError,
} from 'class-validator';
import { isSecretKey } from '@platform/logging';

/** A setting is missing or malformed; the message names every bad setting on one line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Settings every service has. A service's own configuration class extends it and adds its
 * fields with class-validator rules; values come from the environment, by property name.
 */
export class ServiceConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /** Public API port. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** Port of /metrics and /health: never the public one. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  MANAGEMENT_PORT = 9464;

  /** How long a graceful shutdown may wait for in-flight work before the process exits anyway. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  @IsOptional()
  @IsString()
  SERVICE_VERSION?: string;

  /**
   * Proxies (addresses or CIDRs, comma-separated) whose X-Forwarded-For is believed for the
   * client's address, e.g. the gateway's network. Empty: the peer's address, no header believed.
   */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;
}

/**
 * Reads a configuration class from the environment and validates it. Unknown variables are
 * ignored (the environment holds plenty); missing or malformed ones throw one `ConfigError`.
 */
export function loadConfig<T extends object>(schema: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const settings: Record<string, string> = {};
  for (const name of declaredSettings(schema)) {
    const value = env[name];
    if (value !== undefined && value !== '') settings[name] = value;
  }
  const config = plainToInstance(schema, settings, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0)
    throw new ConfigError(`invalid configuration: ${errors.map((e) => describe(e, settings[e.property])).join('; ')}`);
  return config;
}

/** The property names a configuration class declares rules for (its settings). */
function declaredSettings(schema: new () => object): Set<string> {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(schema, '', true, false);
  return new Set(metadata.map((m) => m.propertyName));
}

/** `NAME: what is wrong (got "raw value")`, never showing the value of a secret setting. */
function describe(error: ValidationError, raw: string | undefined): string {
  const problems = Object.values(error.constraints ?? {}).join(', ');
  const got =
    raw === undefined ? 'nothing' : isSecretKey(error.property) ? 'a value that is not shown' : JSON.stringify(raw);
  return `${error.property}: ${problems} (got ${got})`;
}
