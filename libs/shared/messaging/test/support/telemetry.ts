import { eventually } from '@platform/infra/testing';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { startTelemetry } from '@platform/observability';

/** Starts this test process's telemetry with an in-memory exporter; returns a way to wait for a span. */
export function startTestTelemetry(serviceName: string): {
  waitFor(predicate: (span: ReadableSpan) => boolean): Promise<ReadableSpan>;
} {
  const exporter = new InMemorySpanExporter();
  startTelemetry(
    {
      serviceName,
      serviceVersion: '0.0.0-test',
      environment: 'test',
      sampler: { name: 'parentbased_always_on', ratio: 1 },
      batch: {},
    },
    { spanProcessors: [new SimpleSpanProcessor({ exporter })] },
  );
  return {
    async waitFor(predicate) {
      let found: ReadableSpan | undefined;
      await eventually('the span', async () => {
        found = exporter.getFinishedSpans().find(predicate);
        return found !== undefined;
      });
      return found!;
    },
  };
}
