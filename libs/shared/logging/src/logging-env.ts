import { LOG_LEVELS, type LogLevel } from './log-record.js';
import type { LoggingOptions } from './logger.js';

/** What the environment cannot say about a service: its name and the version that is running. */
export interface ServiceIdentity {
  service: string;
  version: string;
}

const FORMATS = ['json', 'pretty'] as const;
const DEFAULT_RETENTION_DAYS = 14;
const DEFAULT_SLOW_REQUEST_MS = 1000;

/** An unset or blank variable means "use the default". */
function read(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function oneOf<T extends string>(
  env: NodeJS.ProcessEnv,
  name: string,
  allowed: readonly T[],
  fallback: T,
  problems: string[],
): T {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  // Operators write INFO as often as info; the meaning is the same.
  const value = raw.toLowerCase();
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`${name} must be one of ${allowed.join(', ')}; got "${raw}"`);
  return fallback;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, min: number, fallback: number, problems: string[]): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (/^\d+$/.test(raw) && Number(raw) >= min && Number.isSafeInteger(Number(raw))) return Number(raw);
  problems.push(`${name} must be a whole number of at least ${min}; got "${raw}"`);
  return fallback;
}

/**
 * Logging options from LOG_LEVEL, LOG_FORMAT, LOG_DIR, LOG_RETENTION_DAYS, SLOW_REQUEST_MS and
 * NODE_ENV. Throws one Error naming every malformed variable, so start-up stops with one message.
 */
export function loggingOptionsFromEnv(env: NodeJS.ProcessEnv, identity: ServiceIdentity): LoggingOptions {
  const problems: string[] = [];
  if (!identity.service.trim()) problems.push('the service name must not be empty');
  const level: LogLevel = oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info', problems);
  const format = oneOf(env, 'LOG_FORMAT', FORMATS, 'json', problems);
  const retentionDays = wholeNumber(env, 'LOG_RETENTION_DAYS', 1, DEFAULT_RETENTION_DAYS, problems);
  const slowRequestMs = wholeNumber(env, 'SLOW_REQUEST_MS', 0, DEFAULT_SLOW_REQUEST_MS, problems);
  if (problems.length) throw new Error(problems.join('\n'));
  return {
    service: identity.service.trim(),
    version: identity.version,
    environment: read(env, 'NODE_ENV') ?? 'development',
    level,
    format,
    dir: read(env, 'LOG_DIR'),
    retentionDays,
    slowRequestMs,
  };
}
