import { publishedContracts, type ContractRegistry } from '@platform/contracts';
import { getLogger } from '@platform/logging';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { deadLetterTopicOf } from '../dead-letter/dead-letter-headers.js';
import { MessagingOptionsError } from '../errors/messaging-options.error.js';
import { ensureTopics } from '../kafka/ensure-topics.js';
import { RELIABLE_PRODUCER } from '../kafka/reliable-producer.js';
import { headersToText } from '../events/event-headers.js';
import { purgeInbox } from '../inbox/inbox.js';
import { messagingMetrics, type MessagingMetrics } from '../metrics/messaging-metrics.js';
import type { EventHandler } from './event-handler.js';
import { EventProcessor, type HandleableEvent } from './event-processor.js';
import type { RawMessage } from './parked-events.js';
import { retryPolicy, type RetryPolicyOptions } from './retry-policy.js';

export interface EventConsumerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  /** Consumer group, usually the service name: offsets, inbox rows and parked events belong to it. */
  groupId: string;
  handlers: readonly EventHandler[];
  /** Where topics and payload classes come from; the published contracts by default. */
  contracts?: ContractRegistry;
  retry?: RetryPolicyOptions;
  /** Partitions handled at the same time; default 3. */
  partitionsConsumedConcurrently?: number;
  /** Most events a batch handler receives at once; default 100. */
  maxBatchSize?: number;
  /** How often parked events are looked at for a due retry; default 250 ms. */
  parkedPollIntervalMs?: number;
  /** Inbox rows are kept this long (and redeliveries recognised); default 7 days. */
  inboxRetentionMs?: number;
  /** Kafka session timeout; default 30 s. A handler may run longer: the consumer heartbeats meanwhile. */
  sessionTimeoutMs?: number;
  /** Create missing topics and their `.dlq` topics at start (partitions of new topics: 3); default true. */
  createTopics?: boolean;
}

/** Where the consumer is in its life, for readiness. */
export type ConsumerState = 'stopped' | 'starting' | 'rebalancing' | 'running' | 'crashed';

export interface ConsumerStatus {
  state: ConsumerState;
  /** Since when it is in this state (ISO). */
  since: string;
  groupId: string;
  topics: string[];
  /** How long the broker waits for this member's heartbeat before its partitions go to the others. */
  sessionTimeoutMs: number;
  /** The group member id of the last join. */
  memberId?: string;
  /** Times this consumer joined its group; more than one means it rebalanced or lost its session. */
  joins: number;
  /** Partitions assigned to this member, by topic. */
  assigned: Record<string, number[]>;
  /** Messages behind the end of each assigned partition, as of the last batch (`topic/partition`). */
  lag: Record<string, number>;
  lastError?: string;
}

const INBOX_PURGE_INTERVAL_MS = 10 * 60_000;
const DEFAULT_SESSION_TIMEOUT_MS = 30_000;

// A heartbeat at least every third of the session timeout (Kafka's advice), at most every 3 s.
function heartbeatIntervalOf(sessionTimeoutMs: number): number {
  return Math.min(3_000, Math.floor(sessionTimeoutMs / 3));
}

/**
 * Consumes events with an inbox, per-key parking retries and a DLQ (docs/decisions/0006).
 * Offsets are committed only for messages that reached a durable end: handled, parked or
 * dead-lettered. Application code gives handlers; it never sees kafkajs.
 */
export class EventConsumer {
  private readonly log = getLogger('EventConsumer');
  private readonly metrics: MessagingMetrics = messagingMetrics();
  private readonly contracts: ContractRegistry;
  private readonly handlers: Map<string, EventHandler>;
  private readonly topics: string[];
  private readonly sessionTimeoutMs: number;
  private readonly heartbeatIntervalMs: number;
  private readonly processor: EventProcessor;
  private consumer?: Consumer;
  private producer?: Producer;
  private workerRunning = false;
  private worker?: Promise<void>;
  private wakeWorker?: () => void;
  private lastPurgeAt = 0;
  private readonly current: ConsumerStatus;

  constructor(private readonly options: EventConsumerOptions) {
    if (!options.groupId) throw new MessagingOptionsError('EventConsumer needs a groupId');
    this.contracts = options.contracts ?? publishedContracts;
    this.handlers = new Map();
    for (const handler of options.handlers) {
      if (this.handlers.has(handler.eventType)) {
        throw new MessagingOptionsError(`two handlers for ${handler.eventType} in group ${options.groupId}`);
      }
      this.handlers.set(handler.eventType, handler);
    }
    this.topics = this.topicsOf([...this.handlers.keys()]);
    for (const [name, value] of Object.entries({
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
      maxBatchSize: options.maxBatchSize,
      parkedPollIntervalMs: options.parkedPollIntervalMs,
      inboxRetentionMs: options.inboxRetentionMs,
      sessionTimeoutMs: options.sessionTimeoutMs,
    })) {
      if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
        throw new MessagingOptionsError(`EventConsumer option ${name} must be a positive integer, received ${value}`);
      }
    }
    this.sessionTimeoutMs = options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS;
    this.heartbeatIntervalMs = heartbeatIntervalOf(this.sessionTimeoutMs);
    this.processor = new EventProcessor({
      dataSource: options.dataSource,
      group: options.groupId,
      handlers: this.handlers,
      contracts: this.contracts,
      retry: retryPolicy(options.retry),
      producer: () => {
        if (!this.producer) throw new Error('the consumer is not started');
        return this.producer;
      },
      metrics: this.metrics,
    });
    this.current = {
      state: 'stopped',
      since: new Date().toISOString(),
      groupId: options.groupId,
      topics: this.topics,
      sessionTimeoutMs: this.sessionTimeoutMs,
      joins: 0,
      assigned: {},
      lag: {},
    };
  }

  /** Joins the group and starts handling; resolves once subscribed (the first rebalance may still be running). */
  async start(): Promise<void> {
    if (this.consumer) return;
    this.setState('starting');
    const { kafka } = this.options;
    const producer = kafka.producer(RELIABLE_PRODUCER);
    const consumer = kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: this.sessionTimeoutMs,
      heartbeatInterval: this.heartbeatIntervalMs,
      allowAutoTopicCreation: false,
    });
    this.watch(consumer);
    try {
      await producer.connect();
      this.producer = producer;
      if (this.options.createTopics ?? true) await this.createMissingTopics();
      await consumer.connect();
      await consumer.subscribe({ topics: this.topics, fromBeginning: true });
      this.consumer = consumer;
      await consumer.run({
        eachBatchAutoResolve: false,
        autoCommitInterval: 1_000,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
        eachBatch: (payload) => this.eachBatch(payload),
      });
    } catch (error) {
      this.setState('crashed', error);
      this.consumer = undefined;
      this.producer = undefined;
      await consumer.disconnect().catch(() => undefined);
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    this.startWorker();
  }

  /**
   * Leaves gracefully: the batch in progress finishes its current event, resolved offsets are
   * committed, then the member leaves the group (a rebalance hands its partitions to others at once).
   */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    if (!consumer) return;
    this.consumer = undefined;
    await this.stopWorker();
    await consumer.disconnect();
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = undefined;
    this.setState('stopped');
  }

  /** A snapshot for readiness checks and tests. */
  status(): ConsumerStatus {
    return structuredClone(this.current);
  }

  // Events of a fetched batch are handled in runs of up to maxBatchSize, one transaction each;
  // a run whose handler fails is handled again event by event (docs/decisions/0006).
  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    // A long handler must not cost the group membership: heartbeats go on while it runs. kafkajs
    // skips a heartbeat() called less than its interval after the previous one *answered*, so a
    // timer at the interval itself would send only every other tick: tick twice as often.
    const keepAlive = setInterval(() => void heartbeat().catch(() => undefined), this.heartbeatIntervalMs / 2);
    const maxRun = this.options.maxBatchSize ?? 100;
    let run: HandleableEvent[] = [];
    let lastOffset: string | undefined;
    const finishRun = async (): Promise<void> => {
      const events = run;
      run = [];
      await this.handleRun(events);
      if (lastOffset === undefined) return;
      resolveOffset(lastOffset);
      this.recordLag(batch.topic, batch.partition, Number(batch.highWatermark) - Number(lastOffset) - 1);
      await commitOffsetsIfNecessary();
    };
    try {
      for (const message of batch.messages) {
        if (!isRunning() || isStale()) break;
        const raw = toRawMessage(batch.topic, batch.partition, message);
        // Malformed messages are dead-lettered here, unknown types skipped; both just move the offset on.
        const decoded = await this.processor.decode(raw);
        if (typeof decoded !== 'string')
          run.push({ ...raw, envelope: decoded.envelope, handler: decoded.handler, attempt: 1 });
        lastOffset = message.offset;
        if (run.length >= maxRun) await finishRun();
      }
      await finishRun();
    } finally {
      clearInterval(keepAlive);
    }
  }

  /**
   * Handles a run together; when a handler fails, the events before it are handled together again,
   * the failing event is parked (or dead-lettered) without a second call, and the rest goes on.
   * A failing batch handler's events are tried one by one, so exactly the failing ones are parked.
   */
  private async handleRun(events: HandleableEvent[]): Promise<void> {
    let rest = events;
    while (rest.length > 0) {
      const result = await this.processor.processTogether(rest);
      if (result.ok) return;
      await this.handleRun(rest.slice(0, result.failedAt));
      const failing = rest.slice(result.failedAt, result.failedAt + result.failedCount);
      if (failing.length === 1) {
        await this.processor.processFailed(failing[0]!, failing[0]!.envelope, result.error);
      } else {
        for (const event of failing) await this.processor.processDecoded(event, event.envelope, event.handler);
      }
      rest = rest.slice(result.failedAt + result.failedCount);
    }
  }

  private recordLag(topic: string, partition: number, lag: number): void {
    const value = Math.max(0, lag);
    this.current.lag[`${topic}/${partition}`] = value;
    this.metrics.set(
      'messaging_consumer_lag',
      { topic, partition: String(partition), consumer_group: this.options.groupId },
      value,
    );
  }

  private startWorker(): void {
    this.workerRunning = true;
    this.worker = this.runWorker();
  }

  private async stopWorker(): Promise<void> {
    this.workerRunning = false;
    this.wakeWorker?.();
    await this.worker;
  }

  // Retries parked events when due, one key head at a time, and purges the inbox now and then.
  private async runWorker(): Promise<void> {
    const pollMs = this.options.parkedPollIntervalMs ?? 250;
    let failures = 0;
    while (this.workerRunning) {
      let worked = false;
      try {
        worked = await this.processor.processParkedHead();
        await this.purgeInboxNowAndThen();
        failures = 0;
      } catch (error) {
        failures += 1;
        if (failures === 1) this.log.warn('Retrying parked events failed; trying again shortly', { error });
      }
      if (!worked && this.workerRunning)
        await this.pause(failures > 0 ? Math.min(30_000, pollMs * 2 ** failures) : pollMs);
    }
  }

  private async purgeInboxNowAndThen(): Promise<void> {
    if (Date.now() - this.lastPurgeAt < INBOX_PURGE_INTERVAL_MS) return;
    this.lastPurgeAt = Date.now();
    const purged = await purgeInbox(
      this.options.dataSource.manager,
      this.options.inboxRetentionMs ?? 7 * 24 * 3600_000,
    );
    if (purged > 0) this.log.debug('Purged inbox rows past retention', { purged });
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeWorker = done;
    });
  }

  private watch(consumer: Consumer): void {
    const { events } = consumer;
    consumer.on(events.GROUP_JOIN, ({ payload }) => {
      this.current.joins += 1;
      this.current.memberId = payload.memberId;
      this.current.assigned = Object.fromEntries(
        Object.entries(payload.memberAssignment).map(([topic, partitions]) => [topic, [...partitions]]),
      );
      this.setState('running');
    });
    consumer.on(events.REBALANCING, () => this.setState('rebalancing'));
    consumer.on(events.CRASH, ({ payload }) => {
      this.setState('crashed', payload.error);
      this.log.error('Kafka consumer crashed', { error: payload.error, restart: payload.restart });
    });
    consumer.on(events.STOP, () => this.setState('stopped'));
  }

  private setState(state: ConsumerState, error?: unknown): void {
    if (this.current.state !== state) this.current.since = new Date().toISOString();
    this.current.state = state;
    if (error !== undefined) this.current.lastError = error instanceof Error ? error.message : String(error);
  }

  private topicsOf(eventTypes: string[]): string[] {
    const topics = new Set<string>();
    for (const type of eventTypes) {
      const contracts = this.contracts.contracts.filter((contract) => contract.type === type);
      if (contracts.length === 0) throw new MessagingOptionsError(`no contract declares event type "${type}"`);
      for (const contract of contracts) topics.add(contract.topic);
    }
    return [...topics].sort();
  }

  private async createMissingTopics(): Promise<void> {
    const created = await ensureTopics(this.options.kafka, this.topics);
    if (created.length > 0) this.log.info('Created missing topics', { topics: created });
    // A DLQ topic gets as many partitions as its topic, so dead letters keep their key's partition order.
    const admin = this.options.kafka.admin();
    await admin.connect();
    let partitions: Map<string, number>;
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: this.topics });
      partitions = new Map(metadata.topics.map((topic) => [deadLetterTopicOf(topic.name), topic.partitions.length]));
    } finally {
      await admin.disconnect();
    }
    await ensureTopics(this.options.kafka, [...partitions.keys()], (topic) => partitions.get(topic) ?? 1);
  }
}

function toRawMessage(topic: string, partition: number, message: KafkaMessage): RawMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? '',
    value: message.value,
    headers: headersToText(message.headers),
  };
}
