import 'reflect-metadata';
import { inspect } from 'node:util';
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
import { ConfigError } from './config-error.js';
import { isSecretSetting, maskSecrets, SECRET_MASK } from './secret-setting.js';
import { settingSource } from './setting-source.js';

export { ConfigError };

/**
 * Settings every service has. A service's own configuration class extends it and adds its
 * fields with class-validator rules, and `@Secret()` on secrets; values come from the
 * environment, by property name, or from the file `<NAME>_FILE` names.
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

  /** What `JSON.stringify` (and so the logger) writes of a configuration: secrets as `***`. */
  toJSON(): Record<string, unknown> {
    return maskSecrets(this);
  }

  /** What `console.log` and `util.inspect` show: secrets as `***`. */
  [inspect.custom](): Record<string, unknown> {
    return maskSecrets(this);
  }
}

/**
 * Reads a configuration class from the environment and validates it. Each setting `NAME` comes
 * from the variable `NAME` or from the file `NAME_FILE` names (see `settingSource`). Unknown
 * variables are ignored (the environment holds plenty); missing or malformed settings, both
 * variables of one set, or an unreadable file throw one `ConfigError` naming them all.
 */
export function loadConfig<T extends object>(schema: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const settings: Record<string, string> = {};
  const unreadable = new Map<string, string>();
  for (const name of declaredSettings(schema)) {
    const source = settingSource(name, env);
    if ('problem' in source) unreadable.set(name, source.problem);
    else if (source.value !== undefined) settings[name] = source.value;
  }
  const config = plainToInstance(schema, settings, { exposeDefaultValues: true });
  // A setting that could not be read is reported once, for that, not again as missing.
  const invalid = validateSync(config, { forbidUnknownValues: true }).filter((e) => !unreadable.has(e.property));
  const problems = [...unreadable.values(), ...invalid.map((e) => describe(config, e, settings[e.property]))];
  if (problems.length > 0) throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  return config;
}

/** The property names a configuration class declares rules for (its settings). */
function declaredSettings(schema: new () => object): Set<string> {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(schema, '', true, false);
  return new Set(metadata.map((m) => m.propertyName));
}

/**
 * `NAME: what is wrong (got "raw value")`. A secret's value is never shown: not after "got", nor
 * inside a rule's message (class-validator messages may quote it through `$value`).
 */
function describe(config: object, error: ValidationError, raw: string | undefined): string {
  const secret = isSecretSetting(config, error.property);
  const messages = Object.values(error.constraints ?? {});
  const problems = (secret ? messages.map((message) => maskValue(message, raw, error.value)) : messages).join(', ');
  const got = raw === undefined ? 'nothing' : secret ? 'a value that is not shown' : JSON.stringify(raw);
  return `${error.property}: ${problems} (got ${got})`;
}

/** The message with every occurrence of the raw value, or of what it was converted to, masked. */
function maskValue(message: string, raw: string | undefined, converted: unknown): string {
  const shown = [raw, typeof converted === 'string' || typeof converted === 'number' ? String(converted) : undefined];
  return shown.reduce<string>((text, value) => (value ? text.split(value).join(SECRET_MASK) : text), message);
}
