import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { publishedContracts, type ContractRegistry, type EventEnvelope } from '@platform/contracts';
import { getLogger } from '@platform/logging';
import type { Admin, Consumer, EachBatchPayload, Kafka, KafkaMessage, RetryOptions } from 'kafkajs';
import type { DeliveredEvent } from '../consumer/event-handler.js';
import { MessagingOptionsError } from '../errors/messaging-options.error.js';
import { decodeEnvelope, validatePayload } from '../events/decode-event.js';
import { headersToText } from '../events/event-headers.js';
import { ensureTopics } from '../kafka/ensure-topics.js';
import { inProcessScope } from '../tracing/process-scope.js';
import { eventFeedMetrics, type EventFeedMetrics } from './event-feed-metrics.js';

/** Application code a feed calls for each event; must be idempotent (events may come twice). */
export type EventFeedHandler = (event: DeliveredEvent) => Promise<void>;

export interface EventFeedOptions {
  /**
   * Best a client of the feed's own with short retries (`extra: { retry: { retries: 2 } }`): the
   * feed retries with backoff itself, and `stop` waits for a connection attempt in progress.
   */
  kafka: Kafka;
  /**
   * Names the feed in logs, metrics (`feed` label) and its consumer group, e.g.
   * `gateway-revocations`: lower-case letters, digits, `.`, `_` and `-`.
   */
  name: string;
  /** The event types handed to the handler; their topics are read, other types on them are passed over. */
  eventTypes: readonly string[];
  handler: EventFeedHandler;
  /** At start, events from this many ms back are replayed (by Kafka message timestamp). */
  lookbackMs: number;
  /** Where topics and payload classes come from; the published contracts by default. */
  contracts?: ContractRegistry;
  /** How often the handled position is compared with the end of the topics; default 500 ms. */
  progressIntervalMs?: number;
  /** Longest time the broker holds a fetch that has nothing new; default 1000 ms (bounds a stop). */
  maxWaitTimeMs?: number;
  /** Create missing topics at start (3 partitions); default true. */
  createTopics?: boolean;
}

/** Where the feed is in its life. */
export type EventFeedState = 'stopped' | 'starting' | 'running' | 'reconnecting';

export interface EventFeedStatus {
  name: string;
  state: EventFeedState;
  /** The consumer group of this instance alone. */
  groupId: string;
  topics: string[];
  /** True once the start-up replay has caught up; it stays true. */
  replayed: boolean;
  /** The latest instant (ISO) as of which every event on the topics had been handled. */
  caughtUpAsOf?: string;
  /** Seconds since `caughtUpAsOf`, or since the start while never caught up. */
  stalenessSeconds: number;
  /** Events between the handled position and the end of each partition (`topic/partition`), as of the last check. */
  lag: Record<string, number>;
  lastError?: string;
}

const DEFAULT_PROGRESS_INTERVAL_MS = 500;
const DEFAULT_MAX_WAIT_MS = 1_000;
const MAX_BACKOFF_MS = 5_000;
const NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;
// Short Kafka retries: the feed retries on its own with backoff, and a stop must not wait out
// kafkajs's default of half a minute against an unreachable broker.
const CLIENT_RETRY: RetryOptions = { retries: 2, initialRetryTime: 200, maxRetryTime: 1_000 };

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

function backoffMs(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, 100 * 2 ** Math.max(0, failures - 1));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Every event of some types, to every instance: a broadcast subscription for state each process
 * keeps for itself (caches, deny lists), where EventConsumer shares the work of one group and
 * keeps an inbox. Each instance reads with a consumer group of its own, starting from the events
 * published `lookbackMs` ago; envelopes and payloads are checked against the contracts as the
 * consumer checks them, malformed messages are logged and skipped, and each handler call runs in
 * a span that continues the producer's trace. A failing handler is retried until it succeeds:
 * the feed falls behind rather than lose an event.
 *
 * `lastCaughtUpAt()` is what makes the feed's freshness checkable: it is an instant as of which
 * every event on the topics had been handled. Every `progressIntervalMs` the feed reads the end
 * offsets of its partitions at an instant `t` and, when everything before them has been handled,
 * records `t`. Kafka unreachable, a stuck handler or a replay still running leave it in the past.
 */
export class EventFeed {
  readonly groupId: string;
  private readonly log = getLogger('EventFeed');
  private readonly metrics: EventFeedMetrics = eventFeedMetrics();
  private readonly contracts: ContractRegistry;
  private readonly types: ReadonlySet<string>;
  private readonly topics: string[];
  /** Next offset to hand over, per `topic/partition`: everything before it has been handled. */
  private readonly positions = new Map<string, number>();
  private lag: Record<string, number> = {};
  private state: EventFeedState = 'stopped';
  private startedAt = Date.now();
  private caughtUpAt?: number;
  private replayed = false;
  private lastError?: string;
  private abort = new AbortController();
  private loop?: Promise<void>;
  private ticker?: NodeJS.Timeout;
  private consumer?: Consumer;
  private admin?: Admin;

  constructor(private readonly options: EventFeedOptions) {
    if (!NAME_PATTERN.test(options.name)) {
      throw new MessagingOptionsError(`EventFeed name "${options.name}" must match ${NAME_PATTERN}`);
    }
    if (options.eventTypes.length === 0) throw new MessagingOptionsError('EventFeed needs at least one event type');
    for (const [name, value] of Object.entries({
      lookbackMs: options.lookbackMs,
      progressIntervalMs: options.progressIntervalMs,
      maxWaitTimeMs: options.maxWaitTimeMs,
    })) {
      if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
        throw new MessagingOptionsError(`EventFeed option ${name} must be a positive integer, received ${value}`);
      }
    }
    this.contracts = options.contracts ?? publishedContracts;
    this.types = new Set(options.eventTypes);
    const topics = new Set<string>();
    for (const type of this.types) {
      const declared = this.contracts.contracts.filter((contract) => contract.type === type);
      if (declared.length === 0) throw new MessagingOptionsError(`no contract declares event type "${type}"`);
      for (const contract of declared) topics.add(contract.topic);
    }
    this.topics = [...topics].sort();
    this.groupId = `${options.name}.${hostname()}.${randomUUID()}`;
  }

  /**
   * Starts reading in the background and returns at once: a broker that is away must not keep a
   * service from starting. Failures are retried with backoff until `stop`; `status` tells.
   */
  start(): void {
    if (this.loop) return;
    this.abort = new AbortController();
    this.startedAt = Date.now();
    this.setState('starting');
    this.ticker = setInterval(() => this.reportStaleness(), 1_000);
    this.ticker.unref();
    this.loop = this.run();
  }

  /** Stops reading, leaves and deletes its consumer group; resolves when done. */
  async stop(): Promise<void> {
    const loop = this.loop;
    if (!loop) return;
    this.abort.abort();
    await loop;
    this.loop = undefined;
    clearInterval(this.ticker);
    this.setState('stopped');
  }

  /** When (epoch ms) every event on the topics had last been handled; cheap, for hot paths. */
  lastCaughtUpAt(): number | undefined {
    return this.caughtUpAt;
  }

  /** A snapshot for readiness checks, logs and tests. */
  status(): EventFeedStatus {
    return {
      name: this.options.name,
      state: this.state,
      groupId: this.groupId,
      topics: [...this.topics],
      replayed: this.replayed,
      ...(this.caughtUpAt === undefined ? {} : { caughtUpAsOf: new Date(this.caughtUpAt).toISOString() }),
      stalenessSeconds: this.stalenessSeconds(),
      lag: { ...this.lag },
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
    };
  }

  private get stopping(): boolean {
    return this.abort.signal.aborted;
  }

  private stopped(): Promise<void> {
    const { signal } = this.abort;
    return new Promise((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }

  // Connects, reads until the consumer fails for good or the feed stops, and starts over.
  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        await this.readUntilFailure();
        failures = 0;
      } catch (error) {
        failures += 1;
        this.lastError = errorText(error);
        if (!this.stopping) {
          this.log.warn('Event feed could not read; trying again', { feed: this.options.name, failures, error });
        }
      }
      await this.disconnect();
      if (this.stopping) break;
      this.setState('reconnecting');
      await sleep(backoffMs(failures), this.abort.signal);
    }
  }

  private async readUntilFailure(): Promise<void> {
    const { kafka } = this.options;
    const admin = kafka.admin({ retry: CLIENT_RETRY });
    this.admin = admin;
    await admin.connect();
    if (this.options.createTopics ?? true) {
      const created = await ensureTopics(kafka, this.topics);
      if (created.length > 0) this.log.info('Created missing topics', { topics: created });
    }
    await this.findStartPositions(admin);
    // Progress is checked from here on: with nothing to replay, the feed is caught up before it
    // has even joined its group (which takes the broker's initial rebalance delay).
    let endProgress!: () => void;
    const failed = new Promise<void>((resolve) => (endProgress = resolve));
    const progress = this.checkProgressUntil(admin, failed);
    try {
      const consumer = kafka.consumer({
        groupId: this.groupId,
        maxWaitTimeInMs: this.options.maxWaitTimeMs ?? DEFAULT_MAX_WAIT_MS,
        allowAutoTopicCreation: false,
        retry: CLIENT_RETRY,
      });
      this.consumer = consumer;
      // Every join (the first, and those of a consumer kafkajs restarts by itself) starts each
      // partition where the handler got to; kafkajs applies a seek before its next fetch. Nothing
      // is committed, so the group vanishes with its member, a crashed one included.
      consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
        this.setState('running');
        for (const [topic, partitions] of Object.entries(payload.memberAssignment)) {
          for (const partition of partitions) {
            const position = this.positions.get(`${topic}/${partition}`);
            if (position !== undefined) consumer.seek({ topic, partition, offset: String(position) });
          }
        }
      });
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        this.lastError = errorText(payload.error);
        this.log.warn('Event feed consumer crashed', { feed: this.options.name, restart: payload.restart });
        if (!payload.restart) endProgress();
      });
      // A batch of transaction markers only moves the position on: kafkajs resolves it without a call.
      consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
        if (payload.batchSize === 0) this.advance(payload.topic, payload.partition, payload.lastOffset);
      });
      await consumer.connect();
      // A partition added later has no position: all its events are new, read them all.
      await consumer.subscribe({ topics: this.topics, fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.eachBatch(payload),
      });
      await Promise.race([failed, this.stopped()]);
    } finally {
      endProgress();
      await progress;
    }
  }

  /**
   * Where each partition starts: on the first start at the events of `now - lookbackMs` (by
   * message timestamp; the end when none is that recent), after a failure where the handler got to.
   */
  private async findStartPositions(admin: Admin): Promise<void> {
    const since = Date.now() - this.options.lookbackMs;
    for (const topic of this.topics) {
      for (const { partition, offset } of await admin.fetchTopicOffsetsByTimestamp(topic, since)) {
        const key = `${topic}/${partition}`;
        if (!this.positions.has(key)) this.positions.set(key, Number(offset));
      }
    }
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    for (const message of batch.messages) {
      if (!isRunning() || isStale() || this.stopping) return;
      const event = await this.decode(batch.topic, batch.partition, message);
      if (event && !(await this.deliver(event, payload))) return;
      resolveOffset(message.offset);
      this.advance(batch.topic, batch.partition, message.offset);
      await heartbeat();
    }
  }

  /** The event of a message, or undefined for a message to pass over (another type, malformed). */
  private async decode(topic: string, partition: number, message: KafkaMessage): Promise<DeliveredEvent | undefined> {
    let envelope: EventEnvelope | undefined;
    try {
      envelope = await decodeEnvelope(message.value);
      if (!this.types.has(envelope.type)) return undefined;
      envelope = await validatePayload(envelope, this.contracts);
    } catch (error) {
      // State built from a feed is idempotent and the next event supersedes it: no DLQ to replay from.
      const eventType = envelope && this.types.has(envelope.type) ? envelope.type : 'unknown';
      this.metrics.inc('messaging_feed_malformed_events_total', {
        feed: this.options.name,
        topic,
        event_type: eventType,
      });
      this.log.warn('Malformed event skipped', {
        feed: this.options.name,
        topic,
        partition,
        offset: message.offset,
        eventId: envelope?.eventId,
        error,
      });
      return undefined;
    }
    return {
      envelope,
      topic,
      partition,
      offset: message.offset,
      key: message.key?.toString() ?? '',
      headers: headersToText(message.headers),
      attempt: 1,
    };
  }

  /** Hands an event over until the handler succeeds; false when the feed or the batch stopped first. */
  private async deliver(event: DeliveredEvent, batch: EachBatchPayload): Promise<boolean> {
    const labels = { feed: this.options.name, event_type: event.envelope.type };
    for (let attempt = 1; ; attempt += 1) {
      try {
        await inProcessScope([{ ...event, attempt }], this.groupId, () => this.options.handler({ ...event, attempt }));
        this.metrics.inc('messaging_feed_events_total', labels);
        return true;
      } catch (error) {
        this.lastError = errorText(error);
        this.metrics.inc('messaging_feed_handler_failures_total', labels);
        // Every failure of a long outage would flood the log: the first, then at powers of two.
        if ((attempt & (attempt - 1)) === 0) {
          this.log.warn('Event feed handler failed; trying again', {
            feed: this.options.name,
            eventId: event.envelope.eventId,
            eventType: event.envelope.type,
            attempt,
            error,
          });
        }
      }
      await sleep(backoffMs(attempt), this.abort.signal);
      if (!batch.isRunning() || batch.isStale() || this.stopping) return false;
      await batch.heartbeat().catch(() => undefined);
    }
  }

  private advance(topic: string, partition: number, offset: string): void {
    const key = `${topic}/${partition}`;
    const next = Number(offset) + 1;
    if (next > (this.positions.get(key) ?? 0)) this.positions.set(key, next);
  }

  // Until the consumer fails or the feed stops: compares the handled position with the end offsets.
  private async checkProgressUntil(admin: Admin, failed: Promise<void>): Promise<void> {
    let over = false;
    void failed.then(() => (over = true));
    const interval = this.options.progressIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS;
    while (!over && !this.stopping) {
      try {
        await this.checkProgress(admin);
      } catch (error) {
        this.lastError = errorText(error);
      }
      await sleep(interval, this.abort.signal);
    }
  }

  /**
   * Reads every partition's end offset after noting the time `asOf`. An event acknowledged by
   * Kafka before `asOf` lies below those ends; when the handler has got past all of them, every
   * such event has been handled, and `asOf` becomes the instant the feed is caught up as of.
   */
  private async checkProgress(admin: Admin): Promise<void> {
    const asOf = Date.now();
    const lag: Record<string, number> = {};
    for (const topic of this.topics) {
      for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
        const key = `${topic}/${partition}`;
        // A partition added since the start: nothing of it handled, what is retained still to come.
        const position = this.positions.get(key) ?? Number(low);
        lag[key] = Math.max(0, Number(high) - position);
      }
    }
    this.lag = lag;
    if (Object.values(lag).some((behind) => behind > 0)) return;
    if (this.caughtUpAt === undefined || asOf > this.caughtUpAt) this.caughtUpAt = asOf;
    if (!this.replayed) {
      this.replayed = true;
      this.log.info('Event feed replayed and caught up', {
        feed: this.options.name,
        topics: this.topics,
        replayMs: asOf - this.startedAt,
      });
    }
    this.reportStaleness();
  }

  private stalenessSeconds(): number {
    return Math.max(0, (Date.now() - (this.caughtUpAt ?? this.startedAt)) / 1000);
  }

  private reportStaleness(): void {
    this.metrics.set('messaging_feed_staleness_seconds', { feed: this.options.name }, this.stalenessSeconds());
  }

  private async disconnect(): Promise<void> {
    const { consumer, admin } = this;
    this.consumer = undefined;
    this.admin = undefined;
    await consumer?.disconnect().catch(() => undefined);
    // The group belongs to this instance alone and has no offsets: Kafka drops it once empty.
    if (this.stopping) await admin?.deleteGroups([this.groupId]).catch(() => undefined);
    await admin?.disconnect().catch(() => undefined);
  }

  private setState(state: EventFeedState): void {
    this.state = state;
  }
}
