import { randomBytes } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import { eventually, testInfra, uniqueName } from '@platform/infra/testing';
import { Partitioners, type IHeaders, type Kafka } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, createKafkaClient, EventFeed, eventFeedCheck, type DeliveredEvent } from '../src/index.js';
import { testContracts, type TestContracts, type TestNoteAddedV1 } from '../src/testing/index.js';
import { startTestTelemetry } from './support/telemetry.js';

const spans = startTestTelemetry('messaging-feed-test');
const MINUTE = 60_000;

interface Produced {
  key?: string;
  value: string;
  timestamp?: number;
  headers?: IHeaders;
}

describe('an event feed', () => {
  let kafka: Kafka;
  const topics: string[] = [];
  const feeds: EventFeed[] = [];

  beforeAll(() => {
    kafka = createKafkaClient({ brokers: testInfra().kafkaBrokers, clientId: uniqueName('feed_test') });
  });
  afterEach(async () => {
    await Promise.all(feeds.splice(0).map((feed) => feed.stop()));
  });
  afterAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
  });

  /** A topic family of the test's own, created with `partitions` partitions. */
  async function family(partitions = 2): Promise<TestContracts> {
    const contracts = testContracts();
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({
        topics: [{ topic: contracts.topic, numPartitions: partitions }],
        waitForLeaders: true,
      });
    } finally {
      await admin.disconnect();
    }
    topics.push(contracts.topic);
    return contracts;
  }

  function note(contracts: TestContracts, text: string, aggregateId = uuidv7()) {
    return createEvent(contracts.noteAdded, 'feed-test', { aggregateId, payload: { text, sequence: 0 } });
  }

  /** Produces as-is, acknowledged by every replica; resolves once Kafka has them. */
  async function produce(topic: string, messages: Produced[]): Promise<void> {
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      await producer.send({
        topic,
        acks: -1,
        messages: messages.map((message) => ({
          key: message.key ?? 'same-key',
          value: message.value,
          headers: message.headers,
          ...(message.timestamp === undefined ? {} : { timestamp: String(message.timestamp) }),
        })),
      });
    } finally {
      await producer.disconnect();
    }
  }

  function feedOf(contracts: TestContracts, handler: (event: DeliveredEvent) => Promise<void>, lookbackMs = MINUTE) {
    const feed = new EventFeed({
      kafka,
      name: 'feed-test',
      eventTypes: [contracts.noteAdded.type],
      contracts: contracts.registry,
      handler,
      lookbackMs,
      progressIntervalMs: 100,
      maxWaitTimeMs: 200,
    });
    feeds.push(feed);
    return feed;
  }

  const textOf = (event: DeliveredEvent) => (event.envelope.payload as unknown as TestNoteAddedV1).text;

  it('replays the events of the lookback at start, not older ones, and is then ready', async () => {
    const contracts = await family();
    const now = Date.now();
    await produce(contracts.topic, [
      { value: JSON.stringify(note(contracts, 'too old')), timestamp: now - 10 * MINUTE },
      { value: JSON.stringify(note(contracts, 'recent')), timestamp: now - MINUTE / 2 },
    ]);
    const handled: string[] = [];
    const feed = feedOf(contracts, async (event) => void handled.push(textOf(event)));
    const check = eventFeedCheck({ feed, name: 'notes' });
    const context = { signal: new AbortController().signal, moduleRef: undefined as never };
    await expect(check.check(context)).rejects.toThrow(/has not replayed/);

    feed.start();

    await eventually('the replay to catch up', () => feed.status().replayed);
    expect(handled).toEqual(['recent']);
    await expect(check.check(context)).resolves.toMatchObject({ replayed: true, lag: 0 });
    expect(feed.status()).toMatchObject({ state: 'running', topics: [contracts.topic] });
  });

  it('is caught up as of an instant only once every event acknowledged before it was handled', async () => {
    const contracts = await family();
    const handled: string[] = [];
    const feed = feedOf(contracts, async (event) => void handled.push(textOf(event)));
    feed.start();
    await eventually('the replay to catch up', () => feed.status().replayed);

    await produce(contracts.topic, [
      { key: 'a', value: JSON.stringify(note(contracts, 'live 1')) },
      { key: 'b', value: JSON.stringify(note(contracts, 'live 2')) },
    ]);
    const acknowledgedAt = Date.now();

    await eventually(
      'the feed to be caught up past the publication',
      () => (feed.lastCaughtUpAt() ?? 0) > acknowledgedAt,
    );
    expect(handled.sort()).toEqual(['live 1', 'live 2']);
    expect(feed.status().lag).toEqual({ [`${contracts.topic}/0`]: 0, [`${contracts.topic}/1`]: 0 });
  });

  it('stays behind while its handler fails, and hands the event over again until it succeeds', async () => {
    const contracts = await family(1);
    let failing = true;
    const attempts: number[] = [];
    const handled: string[] = [];
    const feed = feedOf(contracts, async (event) => {
      attempts.push(event.attempt);
      if (failing) throw new Error('store unavailable');
      handled.push(textOf(event));
    });
    feed.start();
    await eventually('the replay to catch up', () => feed.status().replayed);

    await produce(contracts.topic, [{ value: JSON.stringify(note(contracts, 'revocation')) }]);
    const acknowledgedAt = Date.now();
    await eventually('two failed attempts', () => attempts.length >= 2);
    // However long this takes, the feed must not claim to be caught up past an unhandled event.
    expect(feed.lastCaughtUpAt()! < acknowledgedAt).toBe(true);
    expect(feed.status()).toMatchObject({ lastError: 'store unavailable', lag: { [`${contracts.topic}/0`]: 1 } });

    failing = false;
    await eventually(
      'the feed to be caught up past the publication',
      () => (feed.lastCaughtUpAt() ?? 0) > acknowledgedAt,
    );
    expect(handled).toEqual(['revocation']);
    expect(attempts.slice(0, 2)).toEqual([1, 2]);
  });

  it('logs and skips malformed messages and passes over other types, and goes on', async () => {
    const contracts = await family(1);
    const handled: string[] = [];
    const feed = feedOf(contracts, async (event) => void handled.push(textOf(event)));
    feed.start();
    await eventually('the replay to catch up', () => feed.status().replayed);

    const badPayload = { ...note(contracts, 'x'), payload: { text: 42, sequence: -1 } };
    const otherType = { ...note(contracts, 'x'), type: `${contracts.domain}.note.removed` };
    await produce(contracts.topic, [
      { value: 'not json at all' },
      { value: JSON.stringify({ hello: 'an envelope this is not' }) },
      { value: JSON.stringify(badPayload) },
      { value: JSON.stringify(otherType) },
      { value: JSON.stringify(note(contracts, 'after the bad ones')) },
    ]);
    const acknowledgedAt = Date.now();

    await eventually(
      'the feed to be caught up past the publication',
      () => (feed.lastCaughtUpAt() ?? 0) > acknowledgedAt,
    );
    expect(handled).toEqual(['after the bad ones']);
  });

  it('continues the producer’s trace in a CONSUMER span around the handler', async () => {
    const contracts = await family(1);
    const feed = feedOf(contracts, async () => undefined);
    feed.start();
    await eventually('the replay to catch up', () => feed.status().replayed);
    const traceId = randomBytes(16).toString('hex');
    const parentSpanId = randomBytes(8).toString('hex');
    const event = note(contracts, 'traced');

    await produce(contracts.topic, [
      { value: JSON.stringify(event), headers: { traceparent: `00-${traceId}-${parentSpanId}-01` } },
    ]);

    const span = await spans.waitFor(
      (candidate) =>
        candidate.kind === SpanKind.CONSUMER && candidate.attributes['messaging.message.id'] === event.eventId,
    );
    expect(span.spanContext().traceId).toBe(traceId);
    expect(span.parentSpanContext?.spanId).toBe(parentSpanId);
    expect(span.attributes).toMatchObject({
      'messaging.destination.name': contracts.topic,
      'messaging.consumer.group.name': feed.groupId,
      'event.type': contracts.noteAdded.type,
    });
  });

  it('reads with a group of its own per instance, and deletes it when stopped', async () => {
    const contracts = await family(1);
    const seen: [string, string][] = [];
    const first = feedOf(contracts, async (event) => void seen.push(['first', textOf(event)]));
    const second = feedOf(contracts, async (event) => void seen.push(['second', textOf(event)]));
    first.start();
    second.start();
    await eventually('both replays to catch up', () => first.status().replayed && second.status().replayed);

    await produce(contracts.topic, [{ value: JSON.stringify(note(contracts, 'for everyone')) }]);

    await eventually('both to see the event', () => seen.length === 2);
    expect(seen.sort()).toEqual([
      ['first', 'for everyone'],
      ['second', 'for everyone'],
    ]);
    expect(first.groupId).not.toBe(second.groupId);
    await first.stop();
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { groups } = await admin.describeGroups([first.groupId]);
      expect(groups[0]!.state).toBe('Dead');
    } finally {
      await admin.disconnect();
    }
    expect(first.status().state).toBe('stopped');
  });

  it('resumes where its handler got to after a restart: nothing handled twice, nothing missed', async () => {
    const contracts = await family(2);
    const handled: string[] = [];
    const feed = feedOf(contracts, async (event) => void handled.push(textOf(event)));
    feed.start();
    await eventually('the replay to catch up', () => feed.status().replayed);
    await produce(contracts.topic, [{ key: 'a', value: JSON.stringify(note(contracts, 'before')) }]);
    await eventually('the first event', () => handled.length === 1);
    await feed.stop();

    await produce(contracts.topic, [{ key: 'b', value: JSON.stringify(note(contracts, 'while stopped')) }]);
    const acknowledgedAt = Date.now();
    feed.start();

    await eventually(
      'the feed to be caught up past the publication',
      () => (feed.lastCaughtUpAt() ?? 0) > acknowledgedAt,
    );
    expect(handled).toEqual(['before', 'while stopped']);
  });

  it('without Kafka: keeps trying, is never caught up nor ready, and still stops', async () => {
    const contracts = testContracts();
    const feed = new EventFeed({
      kafka: createKafkaClient({
        brokers: ['127.0.0.1:1'],
        clientId: uniqueName('feed_test_down'),
        extra: { retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 500 } },
      }),
      name: 'feed-test-down',
      eventTypes: [contracts.noteAdded.type],
      contracts: contracts.registry,
      handler: async () => undefined,
      lookbackMs: MINUTE,
    });
    feeds.push(feed);
    feed.start();

    await eventually('a failed attempt', () => feed.status().lastError !== undefined);
    expect(feed.lastCaughtUpAt()).toBeUndefined();
    expect(feed.status()).toMatchObject({ replayed: false });
    const context = { signal: new AbortController().signal, moduleRef: undefined as never };
    await expect(eventFeedCheck({ feed }).check(context)).rejects.toThrow(/has not replayed/);
    await feed.stop();
    expect(feed.status().state).toBe('stopped');
  });
});
