import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shutdownTelemetry, startTelemetry, withSpan } from '../src/index.js';
import { startRecordingServer, type RecordingServer } from './support/recording-server.js';
import { testTelemetryConfig } from './support/test-telemetry.js';

describe('shutdownTelemetry', () => {
  let collector: RecordingServer;

  beforeAll(async () => {
    collector = await startRecordingServer({ status: 400 });
    // No scheduled export during the test: the only export is the flush on shutdown.
    startTelemetry(
      testTelemetryConfig({ otlpTracesUrl: `${collector.url}/v1/traces`, batch: { scheduledDelayMillis: 600_000 } }),
    );
  });

  afterAll(async () => {
    await collector?.close();
  });

  it('flushes queued spans, rejects when that flush fails so the service can log it, and does it once', async () => {
    withSpan('last-words', {}, () => undefined);

    const stopping = shutdownTelemetry();
    await expect(stopping).rejects.toThrow(AggregateError);
    await expect(stopping).rejects.toMatchObject({ errors: [expect.objectContaining({ code: 400 })] });
    const exported = collector.requests.filter((request) => request.path === '/v1/traces');
    expect(exported).toHaveLength(1);
    expect(exported[0]!.body).toContain('last-words');

    // A second call (two shutdown hooks, say) gets the same outcome and exports nothing more.
    await expect(shutdownTelemetry()).rejects.toThrow(AggregateError);
    expect(collector.requests.filter((request) => request.path === '/v1/traces')).toHaveLength(1);
  });
});
