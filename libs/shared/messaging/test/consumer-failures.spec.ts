import { uniqueGroupId, eventually } from '@platform/infra/testing';
import { DeadLetterHeader, EventConsumer, Outbox, PermanentEventError, type DeliveredEvent } from '../src/index.js';
import { createMessagingTestBed, testContracts, type MessagingTestBed } from '../src/testing/index.js';
import type { KafkaMessage } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { produceEnvelopes, produceRaw, readMessages, textHeaders } from './support/kafka.js';
import { appliedNotes, createNotesTable, noteHandler } from './support/notes.js';

describe('consumer: duplicates, retries, dead letters', () => {
  const contracts = testContracts();
  const group = uniqueGroupId('failures');
  let bed: MessagingTestBed;
  let consumer: EventConsumer;
  let outbox: Outbox;
  // Per key: what the handler does with it. Keys not listed are applied.
  const behaviour = new Map<string, (event: DeliveredEvent) => void>();
  const note = (aggregateId: string, text: string, sequence = 0) =>
    outbox.event(contracts.noteAdded, { aggregateId, payload: { text, sequence } });
  const notesOf = async (key: string) => (await appliedNotes(bed.dataSource)).filter((row) => row.key === key);

  beforeAll(async () => {
    bed = await createMessagingTestBed();
    await createNotesTable(bed.dataSource);
    await bed.createTopic(contracts.topic, 1);
    outbox = new Outbox(bed.dataSource, { source: 'test-service', contracts: contracts.registry });
    consumer = new EventConsumer({
      kafka: bed.kafka,
      dataSource: bed.dataSource,
      groupId: group,
      contracts: contracts.registry,
      retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 50 },
      parkedPollIntervalMs: 20,
      handlers: [noteHandler(contracts.noteAdded.type, (event) => behaviour.get(event.key)?.(event))],
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await bed?.close();
  });

  it('applies an event delivered twice (same event id) exactly once', async () => {
    const event = note(uuidv7(), 'twice');
    await produceEnvelopes(bed.kafka, contracts.topic, [event, event]);
    const marker = note(uuidv7(), 'after the duplicate');
    await produceEnvelopes(bed.kafka, contracts.topic, [marker]);
    await eventually('the marker applied', async () => (await notesOf(marker.aggregateId)).length === 1);
    expect(await notesOf(event.aggregateId)).toHaveLength(1);
  });

  it('retries a handler that fails twice and then succeeds', async () => {
    const key = uuidv7();
    behaviour.set(key, (event) => {
      if (event.attempt < 3) throw new Error(`flaky dependency, attempt ${event.attempt}`);
    });
    await produceEnvelopes(bed.kafka, contracts.topic, [note(key, 'flaky')]);
    await eventually('the flaky note applied', async () => (await notesOf(key)).length === 1);
    const [row] = await notesOf(key);
    expect(row?.attempt).toBe(3);
    const parked = await bed.dataSource.query(`SELECT 1 FROM messaging_parked_event WHERE key = $1`, [key]);
    expect(parked).toHaveLength(0);
  });

  it('dead-letters an event that always fails, with every header, and goes on with the partition', async () => {
    const failing = uuidv7();
    const next = uuidv7();
    behaviour.set(failing, () => {
      throw new Error('the handler is broken for this note; password=hunter2');
    });
    const event = note(failing, 'always fails');
    const before = Date.now();
    await produceEnvelopes(bed.kafka, contracts.topic, [event, note(next, 'next on the partition')]);
    await eventually('the next message handled', async () => (await notesOf(next)).length === 1);

    let dead: KafkaMessage | undefined;
    await eventually('the failing event dead-lettered', async () => {
      dead = (await deadLetters()).find((message) => String(message.key) === failing);
      return dead !== undefined;
    });
    expect(dead).toBeDefined();
    const headers = textHeaders(dead!);
    expect(String(dead!.key)).toBe(failing);
    expect(JSON.parse(String(dead!.value))).toEqual(JSON.parse(JSON.stringify(event)));
    expect(headers['event-type']).toBe(contracts.noteAdded.type);
    expect(headers[DeadLetterHeader.originalTopic]).toBe(contracts.topic);
    expect(headers[DeadLetterHeader.originalPartition]).toBe('0');
    expect(Number(headers[DeadLetterHeader.originalOffset])).toBeGreaterThanOrEqual(0);
    expect(headers[DeadLetterHeader.consumerGroup]).toBe(group);
    expect(headers[DeadLetterHeader.attempts]).toBe('3');
    expect(headers[DeadLetterHeader.reason]).toBe('retries-exhausted');
    expect(headers[DeadLetterHeader.errorClass]).toBe('Error');
    expect(headers[DeadLetterHeader.errorMessage]).toContain('the handler is broken');
    expect(headers[DeadLetterHeader.errorMessage]).not.toContain('hunter2');
    expect(Date.parse(headers[DeadLetterHeader.failedAt]!)).toBeGreaterThanOrEqual(before - 1000);
    expect(JSON.parse(headers[DeadLetterHeader.history]!)).toHaveLength(1);
    expect(await notesOf(failing)).toHaveLength(0);
  });

  it('dead-letters at once, without retrying, what no retry can fix', async () => {
    const permanent = uuidv7();
    let calls = 0;
    behaviour.set(permanent, () => {
      calls += 1;
      throw new PermanentEventError('this note can never be applied');
    });
    await produceEnvelopes(bed.kafka, contracts.topic, [note(permanent, 'permanent')]);
    await eventually('the permanent failure dead-lettered', async () => {
      return (await deadLetters()).some((message) => String(message.key) === permanent);
    });
    expect(calls).toBe(1);
  });

  it('sends malformed messages to the DLQ at once, and never to the handler', async () => {
    const notJson = uuidv7();
    const badPayload = uuidv7();
    const invalid = { ...note(badPayload, 'x'), payload: { text: 42, sequence: -1 } };
    await produceRaw(bed.kafka, contracts.topic, [
      { key: notJson, value: '{not json', headers: { 'event-type': contracts.noteAdded.type } },
      { key: badPayload, value: JSON.stringify(invalid) },
    ]);
    const keys = new Set([notJson, badPayload]);
    let malformed: Record<string, string>[] = [];
    await eventually('both malformed messages dead-lettered', async () => {
      malformed = (await deadLetters()).filter((message) => keys.has(String(message.key))).map(textHeaders);
      return malformed.length === 2;
    });
    for (const headers of malformed) {
      expect(headers[DeadLetterHeader.reason]).toBe('malformed');
      expect(headers[DeadLetterHeader.attempts]).toBe('0');
      expect(headers[DeadLetterHeader.errorClass]).toBe('MalformedEventError');
    }
    expect(await notesOf(notJson)).toHaveLength(0);
    expect(await notesOf(badPayload)).toHaveLength(0);
  });

  // Everything in the DLQ so far.
  async function deadLetters(): Promise<KafkaMessage[]> {
    const topic = `${contracts.topic}.dlq`;
    const admin = bed.kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    const total = offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
    return total === 0 ? [] : readMessages(bed.kafka, topic, total);
  }
});
