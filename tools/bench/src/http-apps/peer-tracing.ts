// The peer's OpenTelemetry set-up, as a team assembles it from the SDK's documentation: NodeSDK,
// the auto-instrumentations, and @fastify/otel (which replaced the Fastify instrumentation).
import { FastifyOtelInstrumentation } from '@fastify/otel';
import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { InstrumentationNodeModuleDefinition } from '@opentelemetry/instrumentation';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, NoopSpanProcessor } from '@opentelemetry/sdk-trace';

/**
 * Fix 2 of 3: instrumentation-nestjs-core declares `>=4.0.0 <12` and silently skips Nest 12, so
 * there is no controller span. The hooked files are unchanged in 12, so the same patches are
 * registered for `<13`.
 */
class Nest12Instrumentation extends NestInstrumentation {
  override init(): InstrumentationNodeModuleDefinition {
    const versions = ['>=4.0.0 <13'];
    const module = new InstrumentationNodeModuleDefinition(NestInstrumentation.COMPONENT, versions);
    module.files.push(
      this.getNestFactoryFileInstrumentation(versions),
      this.getRouterExecutionContextFileInstrumentation(versions),
    );
    return module;
  }
}

// Spans are recorded in both cases. With an OTLP endpoint they are exported in batches (the spec
// collects them); without one they end in a processor that drops them, which is what our app's
// tracing loader does with no endpoint: the benchmark compares the same work.
const exporting = Boolean(process.env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']);
const sdk = new NodeSDK({
  serviceName: process.env['OTEL_SERVICE_NAME'] ?? 'bench-peer',
  spanProcessors: [exporting ? new BatchSpanProcessor({ exporter: new OTLPTraceExporter() }) : new NoopSpanProcessor()],
  instrumentations: [
    getNodeAutoInstrumentations({ '@opentelemetry/instrumentation-nestjs-core': { enabled: false } }),
    new Nest12Instrumentation(),
    new FastifyOtelInstrumentation({ registerOnInitialization: true }),
  ],
  // As in our loader: metrics are Prometheus's job here and logs go to stdout, so nothing is
  // pushed to an OTLP endpoint on a timer.
  metricReaders: [],
  logRecordProcessors: [],
});
sdk.start();
process.once('beforeExit', () => void sdk.shutdown());
