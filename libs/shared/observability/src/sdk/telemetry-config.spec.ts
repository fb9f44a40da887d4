import { DiagLogLevel } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { readTelemetryConfig, TelemetryConfigError } from './telemetry-config.js';

const base = { SERVICE_NAME: 'auth-service' };

function thrownBy(fn: () => unknown): Error | undefined {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  return undefined;
}

describe('readTelemetryConfig', () => {
  it('names the service and falls back to safe defaults for everything else', () => {
    expect(readTelemetryConfig(base)).toEqual({
      serviceName: 'auth-service',
      serviceVersion: '0.0.0',
      environment: 'development',
      otlpTracesUrl: undefined,
      sampler: { name: 'parentbased_always_on', ratio: 1 },
      batch: {
        scheduledDelayMillis: undefined,
        exportTimeoutMillis: undefined,
        maxQueueSize: undefined,
        maxExportBatchSize: undefined,
      },
      sentryDsn: undefined,
      diagnosticsLevel: DiagLogLevel.WARN,
    });
  });

  it('prefers OTEL_SERVICE_NAME and DEPLOYMENT_ENVIRONMENT over the service-wide variables', () => {
    const config = readTelemetryConfig({
      ...base,
      OTEL_SERVICE_NAME: 'auth',
      SERVICE_VERSION: '2.3.4',
      NODE_ENV: 'production',
      DEPLOYMENT_ENVIRONMENT: 'staging',
    });
    expect(config).toMatchObject({ serviceName: 'auth', serviceVersion: '2.3.4', environment: 'staging' });
  });

  it('stops with one clear message when the service has no name', () => {
    expect(() => readTelemetryConfig({ SERVICE_NAME: '  ' })).toThrow(
      new TelemetryConfigError(
        'SERVICE_NAME (or OTEL_SERVICE_NAME) must name the service, e.g. SERVICE_NAME=auth-service',
      ),
    );
  });

  it('appends /v1/traces to the generic OTLP endpoint and takes the traces endpoint as given', () => {
    expect(readTelemetryConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318/' }).otlpTracesUrl).toBe(
      'http://jaeger:4318/v1/traces',
    );
    expect(
      readTelemetryConfig({
        ...base,
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://ignored:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://collector.example/custom/traces',
      }).otlpTracesUrl,
    ).toBe('https://collector.example/custom/traces');
  });

  it('rejects an OTLP endpoint that is not an http(s) URL', () => {
    expect(() => readTelemetryConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'jaeger:4317' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
    expect(() => readTelemetryConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://jaeger:4317' })).toThrow(
      /OTLP over HTTP/,
    );
  });

  it('reads the standard sampler variables and refuses values the SDK would silently ignore', () => {
    expect(
      readTelemetryConfig({ ...base, OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' })
        .sampler,
    ).toEqual({ name: 'parentbased_traceidratio', ratio: 0.25 });
    expect(() => readTelemetryConfig({ ...base, OTEL_TRACES_SAMPLER: 'ratio' })).toThrow(
      /OTEL_TRACES_SAMPLER must be one of/,
    );
    expect(() =>
      readTelemetryConfig({ ...base, OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '10%' }),
    ).toThrow(/OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1/);
    expect(() =>
      readTelemetryConfig({ ...base, OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '1.5' }),
    ).toThrow(TelemetryConfigError);
  });

  it('reads the batch processor settings as whole numbers', () => {
    expect(
      readTelemetryConfig({ ...base, OTEL_BSP_SCHEDULE_DELAY: '500', OTEL_BSP_MAX_QUEUE_SIZE: '4096' }).batch,
    ).toMatchObject({
      scheduledDelayMillis: 500,
      maxQueueSize: 4096,
    });
    expect(() => readTelemetryConfig({ ...base, OTEL_BSP_SCHEDULE_DELAY: '-1' })).toThrow(/OTEL_BSP_SCHEDULE_DELAY/);
  });

  it('reads the SDK diagnostics level and rejects an unknown one', () => {
    expect(readTelemetryConfig({ ...base, OTEL_LOG_LEVEL: 'debug' }).diagnosticsLevel).toBe(DiagLogLevel.DEBUG);
    expect(() => readTelemetryConfig({ ...base, OTEL_LOG_LEVEL: 'LOUD' })).toThrow(/OTEL_LOG_LEVEL must be one of/);
  });

  it('accepts a Sentry DSN and rejects a malformed one without repeating it (it holds a key)', () => {
    const dsn = 'https://abc123@o42.ingest.sentry.io/4505';
    expect(readTelemetryConfig({ ...base, SENTRY_DSN: dsn }).sentryDsn).toBe(dsn);
    const failure = thrownBy(() => readTelemetryConfig({ ...base, SENTRY_DSN: 'https://secret-key-value.sentry.io' }));
    expect(failure?.message).toMatch(/^SENTRY_DSN must look like/);
    expect(failure?.message).not.toContain('secret-key-value');
  });
});
