import {
  createTestDatabase,
  createTestTopic,
  testKafka,
  uniqueGroupId,
  type TestDatabase,
  type TestTopic,
} from '@platform/infra/testing';
import type { KafkaMessage } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildService, type ChildService } from './support/child-service.js';
import { eventually } from './support/eventually.js';
import { exportedSpans, type ExportedSpan } from './support/otlp.js';
import { startRecordingServer, type RecordingServer } from './support/recording-server.js';

const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const FIXTURE = 'libs/shared/observability/test/fixtures/traced-service/main.ts';

/** The environment of a child service: ours, minus anything that would send data elsewhere. */
function serviceEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { SENTRY_DSN: _sentry, NODE_OPTIONS: _options, ...inherited } = process.env;
  return { ...inherited, ...extra };
}

function isDescendantOf(span: ExportedSpan, ancestor: ExportedSpan, spans: ExportedSpan[]): boolean {
  const byId = new Map(spans.map((candidate) => [candidate.spanId, candidate]));
  for (let parent = span.parentSpanId; parent !== undefined; parent = byId.get(parent)?.parentSpanId) {
    if (parent === ancestor.spanId) return true;
  }
  return false;
}

async function readOneMessage(topic: string): Promise<KafkaMessage> {
  const consumer = testKafka().consumer({ groupId: uniqueGroupId('observability_esm') });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let received: KafkaMessage | undefined;
    await consumer.run({
      eachMessage: async ({ message }) => {
        received ??= message;
      },
    });
    return await eventually(() => received);
  } finally {
    await consumer.disconnect();
  }
}

describe('register.mjs with a bad setting', () => {
  it('stops the service before it starts, with one line naming the setting', async () => {
    const { SERVICE_NAME: _name, OTEL_SERVICE_NAME: _otelName, ...withoutName } = serviceEnv({});
    const started = startChildService(FIXTURE, withoutName);

    const failure = await started.then(
      (service) => {
        service.kill();
        return undefined;
      },
      (error: Error) => error,
    );
    expect(failure?.message).toContain('service exited (1) before listening');
    expect(failure?.message).toContain('telemetry: SERVICE_NAME (or OTEL_SERVICE_NAME) must name the service');
    expect(failure?.message).not.toMatch(/\n\s+at /);
  });
});

describe('register.mjs in a Nest-on-Fastify service whose modules load through ESM import', () => {
  let collector: RecordingServer;
  let sentry: RecordingServer;
  let database: TestDatabase;
  let topic: TestTopic;
  let service: ChildService | undefined;

  beforeAll(async () => {
    collector = await startRecordingServer();
    sentry = await startRecordingServer();
    database = await createTestDatabase('observability_esm');
    topic = await createTestTopic('observability_esm');
  });

  afterAll(async () => {
    service?.kill();
    await topic?.delete();
    await database?.drop();
    await collector?.close();
    await sentry?.close();
  });

  it('exports one trace holding the HTTP request, the Nest handler, the pg query and the kafkajs send, flushed on shutdown', async () => {
    service = await startChildService(
      FIXTURE,
      serviceEnv({
        SERVICE_NAME: 'traced-fixture',
        SERVICE_VERSION: '1.2.3',
        DEPLOYMENT_ENVIRONMENT: 'test',
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
        // Ten minutes: spans can only reach the collector through the flush of shutdownTelemetry().
        OTEL_BSP_SCHEDULE_DELAY: '600000',
        DATABASE_URL: database.url,
        FIXTURE_TOPIC: topic.name,
        SENTRY_DSN: `http://publickey@127.0.0.1:${sentry.port}/1`,
      }),
    );

    const response = await fetch(`${service.url}/work`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ answer: 42 });
    const reported = await fetch(`${service.url}/report`);
    const { eventId } = (await reported.json()) as { eventId: string };
    expect(await service.stop(), service.output()).toBe(0);

    const spans = exportedSpans(collector.requests);
    const server = spans.find((span) => span.kind === SERVER && span.attributes['url.path'] === '/work');
    expect(server, JSON.stringify(spans, null, 2)).toBeDefined();
    expect(server!.name).toBe('GET /work');
    expect(server!.parentSpanId).toBeUndefined();
    expect(server!.resource).toMatchObject({
      'service.name': 'traced-fixture',
      'service.version': '1.2.3',
      'deployment.environment.name': 'test',
    });

    const handler = spans.find((span) => span.name === 'WorkController.work');
    const query = spans.find(
      (span) => span.scope === '@opentelemetry/instrumentation-pg' && span.name.startsWith('pg.query'),
    );
    const send = spans.find(
      (span) => span.scope === '@opentelemetry/instrumentation-kafkajs' && span.kind === PRODUCER,
    );
    for (const child of [handler, query, send]) {
      expect(child, JSON.stringify(spans, null, 2)).toBeDefined();
      expect(child!.traceId).toBe(server!.traceId);
      expect(isDescendantOf(child!, server!, spans)).toBe(true);
    }
    expect(query!.kind).toBe(CLIENT);
    expect(JSON.stringify(query!.attributes)).toContain('SELECT 41 + 1 AS answer');
    expect(send!.attributes['messaging.destination.name']).toBe(topic.name);

    // The trace continues across Kafka: the message carries the producer span as its parent.
    const message = await readOneMessage(topic.name);
    const traceparent = message.headers?.['traceparent']?.toString();
    expect(traceparent).toBe(`00-${server!.traceId}-${send!.spanId}-01`);

    // Error tracking works under the same loaders and tags the report with the request's trace;
    // its own upload to Sentry (made inside that request) adds no span to it.
    const reportSpan = spans.find((span) => span.kind === SERVER && span.attributes['url.path'] === '/report');
    expect(reportSpan).toBeDefined();
    const envelope = sentry.requests.find((request) => request.body.includes(eventId));
    expect(envelope, service.output()).toBeDefined();
    expect(envelope!.body).toContain(`"traceId":"${reportSpan!.traceId}"`);
    expect(spans.filter((span) => span.kind === CLIENT && span.attributes['server.port'] === sentry.port)).toEqual([]);
  });
});
