import { PassThrough } from 'node:stream';
import { configureLogging, type LogRecord } from '@platform/logging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shutdownTelemetry, startTelemetry, withSpan } from '../src/index.js';
import { eventually } from './support/eventually.js';
import { startRecordingServer, type RecordingServer } from './support/recording-server.js';
import { testTelemetryConfig } from './support/test-telemetry.js';

describe('SDK diagnostics', () => {
  let collector: RecordingServer;
  const logLines: LogRecord[] = [];

  beforeAll(async () => {
    // A collector that refuses every export, as a misconfigured one would.
    collector = await startRecordingServer({ status: 400 });
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as LogRecord);
    });
    configureLogging({ stream, level: 'debug', format: 'json' });
    startTelemetry(
      testTelemetryConfig({ otlpTracesUrl: `${collector.url}/v1/traces`, batch: { scheduledDelayMillis: 10 } }),
    );
  });

  afterAll(async () => {
    await shutdownTelemetry().catch(() => undefined);
    await collector?.close();
  });

  it('writes a failed export to the service log instead of dropping it silently', async () => {
    withSpan('doomed', {}, () => undefined);

    const line = await eventually(() =>
      logLines.find((record) => record.context === 'opentelemetry' && record.level === 'error'),
    );
    expect(JSON.stringify(line)).toContain('Bad Request');
    expect(collector.requests.some((request) => request.path === '/v1/traces')).toBe(true);
  });
});
