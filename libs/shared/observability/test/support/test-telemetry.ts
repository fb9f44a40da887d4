import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { startTelemetry, type TelemetryConfig } from '../../src/index.js';
import { eventually } from './eventually.js';

/** The settings a test service runs with: no OTLP export, every trace sampled. */
export function testTelemetryConfig(overrides: Partial<TelemetryConfig> = {}): TelemetryConfig {
  return {
    serviceName: 'observability-test',
    serviceVersion: '0.0.0-test',
    environment: 'test',
    sampler: { name: 'parentbased_always_on', ratio: 1 },
    batch: {},
    ...overrides,
  };
}

/** The spans a test's telemetry has recorded. */
export interface RecordedSpans {
  /** Every span ended so far. Export waits for the resource's detected attributes, hence async. */
  finished(): Promise<ReadableSpan[]>;
  /** The first ended span matching `predicate`, waiting for it (spans end after the response is sent). */
  waitFor(predicate: (span: ReadableSpan) => boolean): Promise<ReadableSpan>;
  /** Forgets the spans ended so far, including those whose export is still under way. */
  reset(): Promise<void>;
}

/**
 * Starts the real telemetry bootstrap of this worker process with an in-memory exporter next to it
 * (Vitest runs each test file in its own process, so the global provider is this file's alone).
 */
export function startTestTelemetry(overrides: Partial<TelemetryConfig> = {}): RecordedSpans {
  const exporter = new InMemorySpanExporter();
  const processor = new SimpleSpanProcessor({ exporter });
  startTelemetry(testTelemetryConfig(overrides), { spanProcessors: [processor] });
  return {
    finished: async () => {
      await processor.forceFlush();
      return exporter.getFinishedSpans();
    },
    waitFor: (predicate) => eventually(() => exporter.getFinishedSpans().find(predicate)),
    reset: async () => {
      await processor.forceFlush();
      exporter.reset();
    },
  };
}
