import { diag, DiagLogLevel } from '@opentelemetry/api';
import { W3CBaggagePropagator, W3CTraceContextPropagator, CompositePropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace';
import {
  ATTR_DEPLOYMENT_ENVIRONMENT_NAME,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_VERSION,
} from '@opentelemetry/semantic-conventions';
import { closeErrorTracking, initErrorTracking } from '../error-tracking/error-tracking.js';
import { routeDiagnosticsToLogs } from './diagnostics.js';
import { createInstrumentations } from './instrumentations.js';
import { createSampler } from './sampler.js';
import type { TelemetryConfig } from './telemetry-config.js';

/** Extra span processors, e.g. an in-memory exporter in tests, added next to the OTLP pipeline. */
export interface StartTelemetryOptions {
  spanProcessors?: SpanProcessor[];
}

let sdk: NodeSDK | undefined;
let stopping: Promise<void> | undefined;

/**
 * Starts tracing (NodeSDK: resource, W3C propagators, sampler, instrumentations, OTLP/HTTP export
 * through a batch processor) and, when a DSN is configured, error tracking. Call it before the
 * application's modules load (see `register.mjs`); a second call is ignored.
 */
export function startTelemetry(config: TelemetryConfig, options: StartTelemetryOptions = {}): void {
  if (sdk) {
    // The OpenTelemetry API accepts one global provider per process, even after a shutdown.
    diag.warn('telemetry was already started in this process; ignoring the second start');
    return;
  }
  const spanProcessors = [...exportPipeline(config), ...(options.spanProcessors ?? [])];
  sdk = new NodeSDK({
    resource: defaultResource().merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: config.serviceName,
        [ATTR_SERVICE_VERSION]: config.serviceVersion,
        [ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: config.environment,
      }),
    ),
    textMapPropagator: new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
    sampler: createSampler(config.sampler),
    // Without any processor NodeSDK registers no tracer provider at all, and then there would be
    // no trace ids for the logs and no traceparent to pass on; the no-op one keeps both working.
    spanProcessors: spanProcessors.length > 0 ? spanProcessors : [new NoopSpanProcessor()],
    instrumentations: createInstrumentations({ sentryDsn: config.sentryDsn }),
    // Metrics are prom-client's job (@platform/monitoring) and logs go to stdout: left to NodeSDK's
    // defaults, both would be pushed to an OTLP endpoint on localhost every minute.
    metricReaders: [],
    logRecordProcessors: [],
  });
  // After the NodeSDK constructor, which installs a console logger of its own when OTEL_LOG_LEVEL is set.
  routeDiagnosticsToLogs(config.diagnosticsLevel ?? DiagLogLevel.WARN);
  sdk.start();
  if (config.sentryDsn) {
    initErrorTracking({
      dsn: config.sentryDsn,
      serviceName: config.serviceName,
      serviceVersion: config.serviceVersion,
      environment: config.environment,
    });
  }
}

function exportPipeline(config: TelemetryConfig): SpanProcessor[] {
  if (!config.otlpTracesUrl) return [];
  return [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: config.otlpTracesUrl }), ...config.batch })];
}

/**
 * Flushes what is still queued (spans, error reports) and stops telemetry; later calls return the
 * same promise. Call it last in the service's shutdown, after the HTTP server and consumers have
 * stopped producing spans. Both flushes are attempted; it rejects if either failed.
 */
export function shutdownTelemetry(): Promise<void> {
  if (!sdk) return Promise.resolve();
  const running = sdk;
  stopping ??= Promise.allSettled([running.shutdown(), closeErrorTracking()]).then((results) => {
    const failures = results.filter((result) => result.status === 'rejected').map((result) => result.reason as unknown);
    if (failures.length > 0) throw new AggregateError(failures, 'telemetry did not shut down cleanly');
  });
  return stopping;
}
