import { DiagLogLevel } from '@opentelemetry/api';

/** The samplers of the OpenTelemetry specification, by their `OTEL_TRACES_SAMPLER` names. */
export const SAMPLER_NAMES = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;

/** One of the standard sampler names. */
export type SamplerName = (typeof SAMPLER_NAMES)[number];

/** Which traces are recorded: a standard sampler and, for the ratio samplers, the share kept (0..1). */
export interface SamplerConfig {
  name: SamplerName;
  ratio: number;
}

/** How the batch span processor queues spans before export (`OTEL_BSP_*`); unset fields keep the SDK defaults. */
export interface BatchConfig {
  scheduledDelayMillis?: number;
  exportTimeoutMillis?: number;
  maxQueueSize?: number;
  maxExportBatchSize?: number;
}

/** Everything the telemetry bootstrap needs, read once from the environment by `readTelemetryConfig`. */
export interface TelemetryConfig {
  serviceName: string;
  serviceVersion: string;
  /** `deployment.environment.name`: production, staging, development, test... */
  environment: string;
  /** Full OTLP/HTTP traces URL (`.../v1/traces`); spans are exported only when set. */
  otlpTracesUrl?: string;
  sampler: SamplerConfig;
  batch: BatchConfig;
  /** Sentry DSN; errors are reported only when set. */
  sentryDsn?: string;
  /** How much of the SDK's own diagnostics reach the log (`OTEL_LOG_LEVEL`); WARN by default. */
  diagnosticsLevel?: DiagLogLevel;
}

/** A missing or malformed telemetry setting; its message names the variable and what is expected. */
export class TelemetryConfigError extends Error {
  override readonly name = 'TelemetryConfigError';
}

/**
 * Reads and validates the telemetry settings, so a typo stops the service at start-up with one
 * clear message instead of silently sampling everything or exporting nowhere.
 */
export function readTelemetryConfig(env: NodeJS.ProcessEnv = process.env): TelemetryConfig {
  const serviceName = text(env['OTEL_SERVICE_NAME']) ?? text(env['SERVICE_NAME']);
  if (!serviceName) {
    throw new TelemetryConfigError(
      'SERVICE_NAME (or OTEL_SERVICE_NAME) must name the service, e.g. SERVICE_NAME=auth-service',
    );
  }
  return {
    serviceName,
    serviceVersion: text(env['SERVICE_VERSION']) ?? '0.0.0',
    environment: text(env['DEPLOYMENT_ENVIRONMENT']) ?? text(env['NODE_ENV']) ?? 'development',
    otlpTracesUrl: otlpTracesUrl(env),
    sampler: sampler(env),
    batch: {
      scheduledDelayMillis: nonNegative(env, 'OTEL_BSP_SCHEDULE_DELAY'),
      exportTimeoutMillis: nonNegative(env, 'OTEL_BSP_EXPORT_TIMEOUT'),
      maxQueueSize: nonNegative(env, 'OTEL_BSP_MAX_QUEUE_SIZE'),
      maxExportBatchSize: nonNegative(env, 'OTEL_BSP_MAX_EXPORT_BATCH_SIZE'),
    },
    sentryDsn: sentryDsn(env),
    diagnosticsLevel: diagnosticsLevel(env),
  };
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The signal-specific variable is used as given; the generic one gets `/v1/traces` appended (OTLP spec). */
function otlpTracesUrl(env: NodeJS.ProcessEnv): string | undefined {
  const specific = text(env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']);
  if (specific) return httpUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', specific).href;
  const generic = text(env['OTEL_EXPORTER_OTLP_ENDPOINT']);
  if (!generic) return undefined;
  const base = httpUrl('OTEL_EXPORTER_OTLP_ENDPOINT', generic).href;
  return `${base.replace(/\/+$/, '')}/v1/traces`;
}

function httpUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TelemetryConfigError(`${name} must be an http(s) URL such as http://jaeger:4318, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TelemetryConfigError(`${name} must be an http(s) URL (OTLP over HTTP), got "${value}"`);
  }
  return url;
}

function sampler(env: NodeJS.ProcessEnv): SamplerConfig {
  const name = text(env['OTEL_TRACES_SAMPLER']) ?? 'parentbased_always_on';
  if (!(SAMPLER_NAMES as readonly string[]).includes(name)) {
    throw new TelemetryConfigError(`OTEL_TRACES_SAMPLER must be one of ${SAMPLER_NAMES.join(', ')}, got "${name}"`);
  }
  const arg = text(env['OTEL_TRACES_SAMPLER_ARG']);
  if (arg === undefined || !name.endsWith('traceidratio')) return { name: name as SamplerName, ratio: 1 };
  const ratio = Number(arg);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw new TelemetryConfigError(`OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1, got "${arg}"`);
  }
  return { name: name as SamplerName, ratio };
}

function nonNegative(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const value = text(env[name]);
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new TelemetryConfigError(`${name} must be a whole number of zero or more, got "${value}"`);
  }
  return parsed;
}

const DIAG_LEVELS: Record<string, DiagLogLevel> = {
  NONE: DiagLogLevel.NONE,
  ERROR: DiagLogLevel.ERROR,
  WARN: DiagLogLevel.WARN,
  INFO: DiagLogLevel.INFO,
  DEBUG: DiagLogLevel.DEBUG,
  VERBOSE: DiagLogLevel.VERBOSE,
  ALL: DiagLogLevel.ALL,
};

function diagnosticsLevel(env: NodeJS.ProcessEnv): DiagLogLevel {
  const name = text(env['OTEL_LOG_LEVEL'])?.toUpperCase() ?? 'WARN';
  const level = DIAG_LEVELS[name];
  if (level === undefined) {
    throw new TelemetryConfigError(
      `OTEL_LOG_LEVEL must be one of ${Object.keys(DIAG_LEVELS).join(', ')}, got "${name}"`,
    );
  }
  return level;
}

/** Sentry's DSN shape: `<protocol>://<public key>@<host>/<project id>`. */
function sentryDsn(env: NodeJS.ProcessEnv): string | undefined {
  const dsn = text(env['SENTRY_DSN']);
  if (!dsn) return undefined;
  const shape = /^https?:\/\/[^:@/\s]+(?::[^@/\s]*)?@[^/\s]+\/(?:.*\/)?\d+$/;
  if (!shape.test(dsn)) {
    throw new TelemetryConfigError('SENTRY_DSN must look like https://<public key>@<host>/<project id>');
  }
  return dsn;
}
