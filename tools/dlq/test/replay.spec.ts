import { context, propagation, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { KafkaHeader } from '@platform/contracts';
import { testInfra, uniqueGroupId, uniqueName, eventually } from '@platform/infra/testing';
import {
  DeadLetterHeader,
  EventConsumer,
  Outbox,
  OutboxRelay,
  deadLetterTopicOf,
  type DeadLetterHistoryEntry,
} from '@platform/messaging';
import { createMessagingTestBed, testContracts, type MessagingTestBed } from '@platform/messaging/testing';
import { randomBytes } from 'node:crypto';
import { Partitioners, type Admin, type KafkaMessage, type Producer } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAuditTrail, type AuditRecord } from '../src/audit-trail.js';
import { headersAsText, type DeadLetterRecord } from '../src/dead-letter-record.js';
import { readDeadLetters } from '../src/read-dead-letters.js';
import { readTopicToEnd } from '../src/read-topic.js';
import { replayDeadLetters, type ReplayOptions } from '../src/replay.js';
import { runDlqCli } from './support/cli.js';
import { createNotesTable, noteHandler, notesOf } from './support/notes.js';

/**
 * The story of the issue, in order: an event fails until it is dead-lettered; the handler is
 * fixed; the replay brings the event back and it is applied once, however often it is replayed.
 * Each `it` builds on the ones before it.
 */
describe('dlq replay, end to end', () => {
  const contracts = testContracts();
  const topic = contracts.topic;
  const groupId = uniqueGroupId('dlq_notes');
  const auditTopic = uniqueName('dlq_audit').replace(/_/g, '.');
  const brokenKeys = new Set<string>();
  /** Every run of this file, to find in the audit trail at the end. */
  const runs: Partial<AuditRecord>[] = [];
  let bed: MessagingTestBed;
  let outbox: Outbox;
  let relay: OutboxRelay;
  let consumer: EventConsumer;
  let admin: Admin;
  let producer: Producer;

  const poisonKey = uuidv7();
  let poison: { eventId: string; traceparent: string };

  function startConsumer(): Promise<void> {
    consumer = new EventConsumer({
      kafka: bed.kafka,
      dataSource: bed.dataSource,
      groupId,
      contracts: contracts.registry,
      handlers: [noteHandler(contracts.noteAdded.type, brokenKeys)],
      retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20 },
      parkedPollIntervalMs: 20,
    });
    return consumer.start();
  }

  /** Publishes a note through the outbox inside a trace (with baggage) of its own; returns its event id and traceparent. */
  async function publishNote(key: string, text: string): Promise<{ eventId: string; traceparent: string }> {
    const spanContext = {
      traceId: randomBytes(16).toString('hex'),
      spanId: randomBytes(8).toString('hex'),
      traceFlags: TraceFlags.SAMPLED,
    };
    const traced = propagation.setBaggage(
      trace.setSpanContext(ROOT_CONTEXT, spanContext),
      propagation.createBaggage({ tenant: { value: 'acme' } }),
    );
    const envelope = await context.with(traced, () =>
      outbox.transaction((tx) => tx.publish(contracts.noteAdded, { aggregateId: key, payload: { text, sequence: 0 } })),
    );
    return { eventId: envelope.eventId, traceparent: `00-${spanContext.traceId}-${spanContext.spanId}-01` };
  }

  async function deadLettersOf(eventId: string): Promise<DeadLetterRecord[]> {
    return (await readDeadLetters(bed.kafka, topic, { eventId })).letters;
  }

  async function topicMessages(name: string): Promise<{ partition: number; message: KafkaMessage }[]> {
    const messages: { partition: number; message: KafkaMessage }[] = [];
    await readTopicToEnd(bed.kafka, name, (message, partition) => messages.push({ partition, message }));
    return messages;
  }

  async function endOffsets(name: string): Promise<string[]> {
    return (await admin.fetchTopicOffsets(name))
      .sort((a, b) => a.partition - b.partition)
      .map((partition) => partition.high);
  }

  /** The consumer group has committed every message of the topic: all of them were handled (or found duplicate). */
  async function groupCaughtUp(): Promise<boolean> {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return ends.every(
      (end) =>
        end.high === '0' ||
        committed?.partitions.find((partition) => partition.partition === end.partition)?.offset === end.high,
    );
  }

  async function replay(options: Partial<ReplayOptions>) {
    const report = await replayDeadLetters({
      kafka: bed.kafka,
      topic,
      filters: {},
      actor: 'dlq-test',
      auditTopic,
      ...options,
    });
    runs.push({
      replayId: report.record.replayId,
      actor: report.record.actor,
      reason: report.record.reason,
      outcome: report.record.outcome,
      dryRun: report.record.dryRun,
    });
    return report;
  }

  const cliEnv = () => ({
    KAFKA_BROKERS: testInfra().kafkaBrokers.join(','),
    DLQ_AUDIT_TOPIC: auditTopic,
    USER: 'cli-user',
  });

  beforeAll(async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(
      new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
    );
    bed = await createMessagingTestBed();
    await createNotesTable(bed.dataSource);
    await bed.createTopic(topic, 2);
    admin = bed.kafka.admin();
    await admin.connect();
    producer = bed.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    outbox = new Outbox(bed.dataSource, { source: 'test-service', contracts: contracts.registry });
    relay = new OutboxRelay({ kafka: bed.kafka, dataSource: bed.dataSource });
    await relay.start();
    await startConsumer();
  });

  afterAll(async () => {
    await consumer?.stop();
    await relay?.stop();
    await producer?.disconnect();
    await admin?.deleteTopics({ topics: [auditTopic] }).catch(() => undefined);
    await admin?.disconnect();
    await bed?.close();
    context.disable();
    propagation.disable();
  });

  it('dead-letters an event whose handler keeps failing: the original message plus every dlq-* header', async () => {
    brokenKeys.add(poisonKey);
    const healthy = await publishNote(uuidv7(), 'fine');
    poison = await publishNote(poisonKey, 'poison');
    await eventually(
      'the healthy note applied',
      async () => (await notesOf(bed.dataSource, healthy.eventId)).length === 1,
    );
    await eventually('the poison note dead-lettered', async () => (await deadLettersOf(poison.eventId)).length === 1);

    const [letter] = await deadLettersOf(poison.eventId);
    const headers = headersAsText(letter!.headers);
    expect(headers).toMatchObject({
      [DeadLetterHeader.originalTopic]: topic,
      [DeadLetterHeader.consumerGroup]: groupId,
      [DeadLetterHeader.attempts]: '2',
      [DeadLetterHeader.reason]: 'retries-exhausted',
      [DeadLetterHeader.errorClass]: 'NoteRejectedError',
      [DeadLetterHeader.errorMessage]: `note ${poisonKey} rejected by the buggy handler`,
      [KafkaHeader.traceparent]: poison.traceparent,
      [KafkaHeader.baggage]: 'tenant=acme',
      [KafkaHeader.eventType]: contracts.noteAdded.type,
      [KafkaHeader.eventVersion]: '1',
      [KafkaHeader.contentType]: 'application/json',
    });
    expect(headers[DeadLetterHeader.originalPartition]).toMatch(/^[01]$/);
    expect(headers[DeadLetterHeader.originalOffset]).toMatch(/^\d+$/);
    expect(new Date(headers[DeadLetterHeader.failedAt]!).toISOString()).toBe(headers[DeadLetterHeader.failedAt]);
    expect(headers[DeadLetterHeader.replayId]).toBeUndefined();
    const history = JSON.parse(headers[DeadLetterHeader.history]!) as DeadLetterHistoryEntry[];
    expect(history).toEqual([
      {
        failedAt: headers[DeadLetterHeader.failedAt],
        reason: 'retries-exhausted',
        errorClass: 'NoteRejectedError',
        errorMessage: `note ${poisonKey} rejected by the buggy handler`,
        attempts: 2,
      },
    ]);
    expect(letter!.key?.toString()).toBe(poisonKey);
    expect(letter!.eventId).toBe(poison.eventId);
    expect(letter!.envelope?.correlationId).toBe(headers[KafkaHeader.correlationId]);

    // The same key, value and headers as the message the consumer failed on.
    const original = (await topicMessages(topic)).find(
      ({ partition, message }) => partition === letter!.originalPartition && message.offset === letter!.originalOffset,
    );
    expect(original?.message.key?.toString()).toBe(poisonKey);
    expect(original?.message.value?.equals(letter!.value!)).toBe(true);
    const originalHeaders = Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith('dlq-')));
    expect(headersAsText(original!.message.headers ?? {})).toEqual(originalHeaders);
    expect(await notesOf(bed.dataSource, poison.eventId)).toEqual([]);
  });

  it('lists the dead letter through the CLI, as JSON lines with the count on stderr', async () => {
    const result = await runDlqCli(['list', '--topic', topic, '--json'], cliEnv());
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({
        eventId: poison.eventId,
        type: contracts.noteAdded.type,
        originalTopic: topic,
        consumerGroup: groupId,
        reason: 'retries-exhausted',
        attempts: 2,
        errorClass: 'NoteRejectedError',
        key: poisonKey,
      }),
    ]);
    expect(result.stderr).toBe(`1 dead letter selected of 1 in ${deadLetterTopicOf(topic)}\n`);
  });

  it('a dry run says what it would replay and publishes nothing', async () => {
    const before = await endOffsets(topic);
    const report = await replay({ filters: { eventId: poison.eventId }, dryRun: true });
    expect(report.accepted.map((letter) => letter.eventId)).toEqual([poison.eventId]);
    expect(report.record).toMatchObject({ dryRun: true, replayed: 0, reason: null, outcome: 'ok', refused: [] });
    expect(await endOffsets(topic)).toEqual(before);
  });

  it('after the fix, replays the event to its topic unchanged, and the new consumer applies it exactly once', async () => {
    await eventually('the consumer past the poison event', groupCaughtUp);
    await consumer.stop();
    brokenKeys.delete(poisonKey);
    await startConsumer();

    const report = await replay({ filters: { eventId: poison.eventId }, reason: 'note handler fixed (NOTE-12)' });
    const { record } = report;
    const [letter] = report.accepted;
    expect(record).toMatchObject({
      topic,
      actor: 'dlq-test',
      reason: 'note handler fixed (NOTE-12)',
      dryRun: false,
      forced: false,
      filters: { eventId: poison.eventId },
      selected: [
        {
          eventId: poison.eventId,
          type: contracts.noteAdded.type,
          dlqPartition: letter!.dlqPartition,
          dlqOffset: Number(letter!.dlqOffset),
        },
      ],
      replayed: 1,
      refused: [],
      outcome: 'ok',
    });
    expect(record.replayId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);

    await eventually(
      'the replayed note applied',
      async () => (await notesOf(bed.dataSource, poison.eventId)).length > 0,
    );
    await eventually('the consumer past the replayed event', groupCaughtUp);
    expect(await notesOf(bed.dataSource, poison.eventId)).toEqual([
      { event_id: poison.eventId, key: poisonKey, text: 'poison', replay_id: record.replayId },
    ]);

    // On the topic: the same key and value, the original headers, the history, and the replay id.
    const copies = (await topicMessages(topic)).filter(({ message }) => message.value?.equals(letter!.value!));
    expect(copies).toHaveLength(2);
    const replayed = copies.find(({ message }) => message.headers?.[DeadLetterHeader.replayId] !== undefined)!;
    expect(replayed.message.key?.toString()).toBe(poisonKey);
    const letterHeaders = headersAsText(letter!.headers);
    expect(headersAsText(replayed.message.headers ?? {})).toEqual({
      ...Object.fromEntries(Object.entries(letterHeaders).filter(([name]) => !name.startsWith('dlq-'))),
      [DeadLetterHeader.history]: letterHeaders[DeadLetterHeader.history],
      [DeadLetterHeader.replayId]: record.replayId,
    });
    expect(headersAsText(replayed.message.headers ?? {})[KafkaHeader.traceparent]).toBe(poison.traceparent);
  });

  it('the same replay again (through the CLI) is recognised by the inbox: still exactly one applied row', async () => {
    const result = await runDlqCli(
      ['replay', '--topic', topic, '--event-id', poison.eventId, '--reason', 'once more', '--json'],
      cliEnv(),
    );
    expect(result.stderr).toMatch(
      /^replay [0-9a-f-]{36}: 1 dead letter selected of 1 in .*, 1 replayed, 0 refused; outcome ok; audited in /,
    );
    expect(result.code).toBe(0);
    const record = JSON.parse(result.stdout) as AuditRecord;
    expect(record).toMatchObject({ actor: 'cli-user', reason: 'once more', replayed: 1, outcome: 'ok' });
    runs.push({ replayId: record.replayId, actor: 'cli-user', reason: 'once more', outcome: 'ok', dryRun: false });

    await eventually('the replayed copy in the topic', async () => {
      const copies = (await topicMessages(topic)).filter(
        ({ message }) => message.headers?.[DeadLetterHeader.replayId]?.toString() === record.replayId,
      );
      return copies.length === 1;
    });
    await eventually('the consumer past the second replay', groupCaughtUp);
    const notes = await notesOf(bed.dataSource, poison.eventId);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.replay_id).not.toBe(record.replayId);
  });

  it('an event whose handler still fails goes back to the DLQ with both failures and the replay id in its history', async () => {
    const stuckKey = uuidv7();
    brokenKeys.add(stuckKey);
    const stuck = await publishNote(stuckKey, 'still broken');
    await eventually('the stuck note dead-lettered', async () => (await deadLettersOf(stuck.eventId)).length === 1);

    const report = await replay({ filters: { eventId: stuck.eventId }, reason: 'maybe fixed' });
    expect(report.record.replayed).toBe(1);
    await eventually(
      'the stuck note dead-lettered again',
      async () => (await deadLettersOf(stuck.eventId)).length === 2,
    );

    const [first, again] = await deadLettersOf(stuck.eventId);
    expect(again!.history).toHaveLength(2);
    expect(again!.history[0]).toEqual(first!.history[0]);
    expect(again!.history[0]).not.toHaveProperty('replayId');
    expect(again!.history[1]).toMatchObject({
      reason: 'retries-exhausted',
      attempts: 2,
      errorClass: 'NoteRejectedError',
      replayId: report.record.replayId,
    });
    expect(headersAsText(again!.headers)[KafkaHeader.traceparent]).toBe(stuck.traceparent);
    expect(await notesOf(bed.dataSource, stuck.eventId)).toEqual([]);

    // Both dead letters selected: the event is replayed once, from the later one.
    const dryRun = await replay({ filters: { eventId: stuck.eventId }, dryRun: true });
    expect(dryRun.accepted).toEqual([
      expect.objectContaining({ dlqPartition: again!.dlqPartition, dlqOffset: again!.dlqOffset }),
    ]);
    expect(dryRun.record.refused).toEqual([
      { eventId: stuck.eventId, why: expect.stringMatching(/a later dead letter of the same event/) },
    ]);
  });

  it('refuses an event older than the inbox retention unless forced', async () => {
    const key = uuidv7();
    const occurredAt = new Date(Date.now() - 10 * 24 * 3600_000);
    const eventId = uuidv7({ msecs: occurredAt.getTime() });
    const failedAt = new Date(Date.now() - 9 * 24 * 3600_000).toISOString();
    const envelope = {
      eventId,
      type: contracts.noteAdded.type,
      version: 1,
      occurredAt: occurredAt.toISOString(),
      source: 'test-service',
      aggregateId: key,
      correlationId: uuidv7(),
      payload: { text: 'old', sequence: 0 },
    };
    const history: DeadLetterHistoryEntry[] = [
      { failedAt, reason: 'retries-exhausted', errorClass: 'Error', errorMessage: 'old failure', attempts: 2 },
    ];
    await producer.send({
      topic: deadLetterTopicOf(topic),
      acks: -1,
      messages: [
        {
          key,
          value: JSON.stringify(envelope),
          headers: {
            [KafkaHeader.contentType]: 'application/json',
            [KafkaHeader.eventType]: envelope.type,
            [KafkaHeader.eventVersion]: '1',
            [KafkaHeader.correlationId]: envelope.correlationId,
            [KafkaHeader.traceparent]: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`,
            [DeadLetterHeader.originalTopic]: topic,
            [DeadLetterHeader.originalPartition]: '0',
            [DeadLetterHeader.originalOffset]: '0',
            [DeadLetterHeader.consumerGroup]: groupId,
            [DeadLetterHeader.attempts]: '2',
            [DeadLetterHeader.reason]: 'retries-exhausted',
            [DeadLetterHeader.errorClass]: 'Error',
            [DeadLetterHeader.errorMessage]: 'old failure',
            [DeadLetterHeader.failedAt]: failedAt,
            [DeadLetterHeader.history]: JSON.stringify(history),
          },
        },
      ],
    });

    const before = await endOffsets(topic);
    const refused = await replay({ filters: { eventId }, reason: 'old one' });
    expect(refused.record).toMatchObject({ replayed: 0, forced: false, outcome: 'failed', refused: [{ eventId }] });
    expect(refused.record.refused[0]?.why).toMatch(
      /more than the 7-day inbox retention: consumers that already applied it may no longer recognise it/,
    );
    expect(await endOffsets(topic)).toEqual(before);

    const longerRetention = await replay({ filters: { eventId }, dryRun: true, inboxRetentionDays: 30 });
    expect(longerRetention.accepted.map((letter) => letter.eventId)).toEqual([eventId]);

    const forced = await replay({ filters: { eventId }, reason: 'old one, applying twice is harmless', force: true });
    expect(forced.record).toMatchObject({ replayed: 1, forced: true, outcome: 'ok', refused: [] });
    await eventually('the old note applied', async () => (await notesOf(bed.dataSource, eventId)).length === 1);
  });

  it('records every run, dry runs flagged, in the audit topic (one partition) with actor, reason and outcome', async () => {
    const records = await readAuditTrail(bed.kafka, auditTopic);
    expect(records.map((record) => record.replayId)).toEqual(runs.map((run) => run.replayId));
    for (const run of runs) expect(records.find((record) => record.replayId === run.replayId)).toMatchObject(run);
    expect(runs.map((run) => run.outcome)).toEqual(['ok', 'ok', 'ok', 'ok', 'partial', 'failed', 'ok', 'ok']);
    expect(runs.filter((run) => run.dryRun)).toHaveLength(3);
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [auditTopic] })).topics;
    expect(metadata?.partitions).toHaveLength(1);

    const cli = await runDlqCli(['audit', '--limit', '2'], cliEnv());
    expect(cli.code).toBe(0);
    const lines = cli.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(runs.at(-2)!.replayId);
    expect(lines[1]).toMatch(
      new RegExp(
        `${runs.at(-1)!.replayId}  dlq-test  ${topic.replace(/\./g, '\\.')}  ok \\(forced\\)  replayed 1/1, refused 0  "old one, applying twice is harmless"`,
      ),
    );
    expect(lines[2]).toBe(`2 replay runs from ${auditTopic}`);
  });
});
