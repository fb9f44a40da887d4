import { PassThrough } from 'node:stream';
import { Body, Controller, Inject, Module, Post } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { context, propagation, SpanKind } from '@opentelemetry/api';
import { bootstrapService, type RunningService, type ServiceConfig } from '@platform/bootstrap';
import { testInfra, uniqueGroupId, eventually } from '@platform/infra/testing';
import { getLogger } from '@platform/logging';
import {
  connectEventConsumer,
  DeadLetterHeader,
  eventConsumerCheck,
  EventContext,
  MessagingModule,
  Outbox,
  outboxBacklogCheck,
  PermanentEventError,
  type KafkaEventTransport,
} from '../src/index.js';
import {
  createMessagingTestBed,
  testContracts,
  type MessagingTestBed,
  type TestNoteAddedV1,
} from '../src/testing/index.js';
import { currentTraceIds } from '@platform/observability';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { EventEnvelope } from '@platform/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMessages, textHeaders } from './support/kafka.js';
import { appliedNotes, applyNote, createNotesTable } from './support/notes.js';
import { startTestTelemetry } from './support/telemetry.js';

const spans = startTestTelemetry('messaging-nest-test');

describe('Nest: an HTTP request publishes through the outbox, an @EventPattern handler consumes', () => {
  const contracts = testContracts();
  const group = uniqueGroupId('nest');
  const logStream = new PassThrough();
  const logLines: Record<string, unknown>[] = [];
  const seenInHandler: { traceId?: string; tenant?: string; idempotencyKey: string }[] = [];
  let slowHandlerFinished = false;
  let bed: MessagingTestBed;
  let service: RunningService<ServiceConfig>;
  let transport: KafkaEventTransport;

  @Controller('notes')
  class NotesHttpController {
    constructor(@Inject(Outbox) private readonly outbox: Outbox) {}

    @Post()
    async add(@Body() body: { text: string; slow?: boolean }) {
      const aggregateId = uuidv7();
      const text = body.slow ? 'slow' : body.text;
      await this.outbox.transaction((tx) =>
        tx.publish(contracts.noteAdded, { aggregateId, payload: { text, sequence: 0 } }),
      );
      return { aggregateId, traceId: currentTraceIds()?.traceId };
    }
  }

  // A consumer is a controller for events (primary adapter).
  let permanentCalls = 0;
  @Controller()
  class NotesEventController {
    @EventPattern<string>(contracts.noteAdded.type)
    async onNoteAdded(@Payload() event: EventEnvelope<TestNoteAddedV1>, @Ctx() ctx: EventContext) {
      seenInHandler.push({
        traceId: currentTraceIds()?.traceId,
        tenant: propagation.getBaggage(context.active())?.getEntry('tenant')?.value,
        idempotencyKey: ctx.idempotencyKey,
      });
      getLogger('NotesEventController').info('note received', { text: event.payload.text });
      if (event.payload.text === 'permanent') {
        permanentCalls += 1;
        throw new PermanentEventError('this note can never be applied');
      }
      if (event.payload.text === 'slow') {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        slowHandlerFinished = true;
      }
      await applyNote(ctx.manager, ctx.events[0]!);
    }
  }

  beforeAll(async () => {
    bed = await createMessagingTestBed();
    await createNotesTable(bed.dataSource);
    await bed.createTopic(contracts.topic, 1);
    logStream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
    });

    @Module({
      imports: [
        TypeOrmModule.forRoot({ type: 'postgres', url: bed.database.url }),
        MessagingModule.forRoot({
          service: 'notes-service',
          brokers: testInfra().kafkaBrokers,
          contracts: contracts.registry,
          relay: { pollIntervalMs: 50 },
        }),
      ],
      controllers: [NotesHttpController, NotesEventController],
    })
    class NotesModule {}

    service = await bootstrapService({
      name: 'notes-service',
      module: NotesModule,
      env: { PORT: '0', HOST: '127.0.0.1', MANAGEMENT_PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'test' },
      logStream,
      handleSignals: false,
      readiness: () => [eventConsumerCheck({ consumer: () => transport.eventConsumer() }), outboxBacklogCheck()],
      connect: (app) => {
        transport = connectEventConsumer(app, { kafka: bed.kafka, groupId: group, contracts: contracts.registry });
      },
    });
  });

  afterAll(async () => {
    await service?.shutdown('test over').catch(() => undefined);
    await bed?.close();
  });

  it('continues the HTTP request’s trace and baggage in the consumer span, through the outbox', async () => {
    const response = await fetch(`${service.url}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', baggage: 'tenant=acme', 'x-correlation-id': 'corr-nest-1' },
      body: JSON.stringify({ text: 'traced' }),
    });
    expect(response.status).toBe(201);
    const { aggregateId, traceId } = (await response.json()) as { aggregateId: string; traceId: string };
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);

    const consumerSpan = await spans.waitFor(
      (span) => span.kind === SpanKind.CONSUMER && span.attributes['messaging.destination.name'] === contracts.topic,
    );
    expect(consumerSpan.spanContext().traceId).toBe(traceId);
    const producerSpan = await spans.waitFor(
      (span) => span.kind === SpanKind.PRODUCER && span.spanContext().traceId === traceId,
    );
    expect(consumerSpan.parentSpanContext?.spanId).toBe(producerSpan.spanContext().spanId);

    await eventually('the note applied', async () =>
      (await appliedNotes(bed.dataSource)).some((row) => row.key === aggregateId),
    );
    const seen = seenInHandler.at(-1)!;
    expect(seen.traceId).toBe(traceId);
    expect(seen.tenant).toBe('acme');
    const [row] = (await appliedNotes(bed.dataSource)).filter((note) => note.key === aggregateId);
    expect(seen.idempotencyKey).toBe(row!.event_id);

    // The handler's log line carries the event's ids and the trace.
    const line = logLines.find((entry) => entry['message'] === 'note received');
    expect(line).toMatchObject({
      eventId: row!.event_id,
      eventType: contracts.noteAdded.type,
      correlationId: 'corr-nest-1',
      traceId,
    });
  });

  it("hands the handler's own error to the consumer: a PermanentEventError is dead-lettered at once, with its class", async () => {
    const response = await fetch(`${service.url}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'permanent' }),
    });
    const { aggregateId } = (await response.json()) as { aggregateId: string };
    const [dead] = await readMessages(bed.kafka, `${contracts.topic}.dlq`, 1);
    expect(String(dead!.key)).toBe(aggregateId);
    const headers = textHeaders(dead!);
    expect(headers[DeadLetterHeader.errorClass]).toBe('PermanentEventError');
    expect(headers[DeadLetterHeader.errorMessage]).toBe('this note can never be applied');
    expect(permanentCalls).toBe(1);
  });

  it('reports the consumer and the outbox as ready, and exports the messaging metrics', async () => {
    await eventually('ready', async () => (await fetch(`${service.managementUrl}/health/ready`)).status === 200);
    const health = (await (await fetch(`${service.managementUrl}/health`)).json()) as {
      details: Record<string, { status: string }>;
    };
    expect(health.details['kafka-consumer']?.status).toBe('up');
    expect(health.details['outbox']?.status).toBe('up');
    const metrics = await (await fetch(`${service.managementUrl}/metrics`)).text();
    expect(metrics).toMatch(
      new RegExp(
        `messaging_events_published_total\\{topic="${contracts.topic.replace(/\./g, '\\.')}",event_type="[^"]+"\\} [1-9]`,
      ),
    );
    expect(metrics).toMatch(/messaging_events_consumed_total\{[^}]*consumer_group="[^"]+"\} [1-9]/);
    expect(metrics).toMatch(/messaging_consumer_lag\{[^}]*partition="0"[^}]*\} 0/);
    expect(metrics).toContain('messaging_handler_duration_seconds_bucket');
  });

  it('finishes the event in flight and commits its offset before leaving the group on shutdown', async () => {
    const response = await fetch(`${service.url}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x', slow: true }),
    });
    const { aggregateId } = (await response.json()) as { aggregateId: string };
    await eventually('the slow handler started', async () =>
      logLines.some((entry) => entry['message'] === 'note received' && entry['text'] === 'slow'),
    );
    await service.shutdown('test: shutdown with an event in flight');
    expect(slowHandlerFinished).toBe(true);
    expect((await appliedNotes(bed.dataSource)).some((row) => row.key === aggregateId)).toBe(true);
    const admin = bed.kafka.admin();
    await admin.connect();
    const [committed] = await admin.fetchOffsets({ groupId: group, topics: [contracts.topic] });
    const end = await admin.fetchTopicOffsets(contracts.topic);
    await admin.disconnect();
    expect(committed?.partitions[0]?.offset).toBe(end[0]?.high);
  });
});
