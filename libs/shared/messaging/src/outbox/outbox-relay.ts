import { context, propagation, ROOT_CONTEXT, SpanKind, trace, type Context, type Span } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { KafkaHeader } from '@platform/contracts';
import { getLogger } from '@platform/logging';
import { extractTraceContext, headerSetter } from '@platform/observability';
import { fullJitterDelay } from '@platform/resilience';
import type { Kafka, Message, Producer } from 'kafkajs';
import pg from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { MessagingOptionsError } from '../errors/messaging-options.error.js';
import { ensureTopics } from '../kafka/ensure-topics.js';
import { RELIABLE_PRODUCER } from '../kafka/reliable-producer.js';
import type { TextHeaders } from '../events/event-headers.js';
import { messagingMetrics } from '../metrics/messaging-metrics.js';
import { retentionMetrics } from '../metrics/retention-metrics.js';
import { MessagingTable, OUTBOX_NOTIFY_CHANNEL } from '../schema/messaging-tables.js';
import { MESSAGING_TRACER } from '../tracing/messaging-tracer.js';
import type { OutboxWakeup } from './outbox.js';
import { outboxSignal } from './outbox-signal.js';

export interface OutboxRelayOptions {
  kafka: Kafka;
  dataSource: DataSource;
  /** Rows published per round trip; default 200. */
  batchSize?: number;
  /** Longest wait between looks at the table when nothing wakes the relay; default 500 ms. */
  pollIntervalMs?: number;
  /** `signal` (default) wakes on commits of this process; `notify` also LISTENs for other processes' commits. */
  wakeup?: OutboxWakeup;
  /** Published rows are deleted after this long; default 7 days. */
  retentionMs?: number;
  /**
   * Topics to create at start when missing (local runs and tests; in production topics are
   * provisioned and this stays empty). A failure is logged, and publishing retries as usual.
   */
  createTopics?: readonly string[];
  /** First and largest pause after a failed publish (full jitter in between); default 100 ms and 10 s. */
  backoff?: { baseDelayMs?: number; maxDelayMs?: number };
}

interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  headers: TextHeaders;
  payload: string;
}

/** What the relay reports to health checks and tests. */
export interface OutboxRelayStatus {
  running: boolean;
  /** Events this relay published since it was created. */
  publishedEvents: number;
  /** Consecutive failed publishes; 0 once one succeeds. */
  consecutiveFailures: number;
  lastError?: string;
  pendingEvents: number;
  oldestPendingAgeSeconds: number;
}

// First key of the advisory locks one relay holds per message key while it publishes that key's rows.
const KEY_LOCK_NAMESPACE = 0x6f7574; // "out"
const BACKLOG_REFRESH_MS = 5_000;
// Candidate rows looked at per batch: enough to fill a batch when other relays hold some keys.
const CLAIM_WINDOW_FACTOR = 4;
const CLEANUP_INTERVAL_MS = 60_000;
const DEFAULTS = {
  batchSize: 200,
  pollIntervalMs: 500,
  retentionMs: 7 * 24 * 3600_000,
  baseDelayMs: 100,
  maxDelayMs: 10_000,
};

/**
 * Publishes committed outbox rows to Kafka, in order per key, and marks them published.
 *
 * Several instances may run against one table: a relay takes a transaction-scoped advisory lock
 * per (topic, key) on the rows it claims (`FOR UPDATE SKIP LOCKED` on the rows, the advisory lock
 * on the key), so another relay skips the key entirely until this one commits, and a key's rows
 * are never published by two relays at once or out of order. Publishing is at least once: a crash
 * between Kafka's acknowledgement and the commit publishes those rows again, which the inbox absorbs.
 */
export class OutboxRelay {
  private readonly log = getLogger('OutboxRelay');
  private readonly metrics = messagingMetrics();
  private readonly settings: typeof DEFAULTS;
  private producer?: Producer;
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private woken = false;
  private unsubscribe?: () => void;
  private listener?: pg.Client;
  // The loop's own connection, held between batches (see publishOnOwnConnection).
  private ownConnection?: QueryRunner;
  private lastBacklogAt = 0;
  private lastCleanupAt = 0;
  private readonly state: OutboxRelayStatus = {
    running: false,
    publishedEvents: 0,
    consecutiveFailures: 0,
    pendingEvents: 0,
    oldestPendingAgeSeconds: 0,
  };

  constructor(private readonly options: OutboxRelayOptions) {
    this.settings = {
      batchSize: options.batchSize ?? DEFAULTS.batchSize,
      pollIntervalMs: options.pollIntervalMs ?? DEFAULTS.pollIntervalMs,
      retentionMs: options.retentionMs ?? DEFAULTS.retentionMs,
      baseDelayMs: options.backoff?.baseDelayMs ?? DEFAULTS.baseDelayMs,
      maxDelayMs: options.backoff?.maxDelayMs ?? DEFAULTS.maxDelayMs,
    };
    for (const [name, value] of Object.entries(this.settings)) {
      if (!Number.isInteger(value) || value <= 0) {
        throw new MessagingOptionsError(`OutboxRelay option ${name} must be a positive integer, received ${value}`);
      }
    }
  }

  /** Starts publishing in the background; returns at once, even when Kafka is not reachable yet. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.state.running = true;
    this.unsubscribe = outboxSignal(this.options.dataSource).subscribe(() => this.wake());
    if (this.options.wakeup === 'notify') await this.listen();
    if (this.options.createTopics?.length) {
      await ensureTopics(this.options.kafka, this.options.createTopics).then(
        (created) => created.length > 0 && this.log.info('Created missing topics', { topics: created }),
        (error: unknown) => this.log.warn('Could not create the outbox topics; publishing will retry', { error }),
      );
    }
    this.loop = this.run();
  }

  /**
   * Stops after the batch in flight, then disconnects the producer. Also on a relay that was never
   * started: a direct `publishPending()` connects a producer too.
   */
  async stop(): Promise<void> {
    if (this.running) {
      this.running = false;
      this.state.running = false;
      this.unsubscribe?.();
      this.wake();
      await this.loop;
      await this.releaseOwnConnection();
      await this.listener?.end().catch(() => undefined);
      this.listener = undefined;
    }
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  /** Makes the relay look at the table now instead of at its next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** The relay's state, for readiness and tests. */
  status(): OutboxRelayStatus {
    return { ...this.state };
  }

  /**
   * Publishes one batch of pending rows and returns how many were published. The loop calls it;
   * tests and tools may call it directly on a relay that was not started.
   */
  async publishPending(): Promise<number> {
    return this.publishBatch((work) => this.options.dataSource.transaction(work));
  }

  /**
   * `publishPending` on the loop's own connection, taken from the pool once and held: a claim
   * then never waits in the pool's queue behind the service's own transactions (under a burst of
   * writers that queue holds a claim for as long as the burst lasts; see tools/bench, bench:outbox).
   * After a database error the connection is released and the next batch takes a fresh one.
   */
  private async publishOnOwnConnection(): Promise<number> {
    if (!this.ownConnection || this.ownConnection.isReleased) {
      const runner = this.options.dataSource.createQueryRunner();
      await runner.connect();
      this.ownConnection = runner;
    }
    const runner = this.ownConnection;
    try {
      // A manager bound to a query runner runs the transaction on it and leaves it connected.
      return await this.publishBatch((work) => runner.manager.transaction(work));
    } catch (error) {
      if (!(error instanceof RelayPublishError)) await this.releaseOwnConnection();
      throw error;
    }
  }

  private async releaseOwnConnection(): Promise<void> {
    const runner = this.ownConnection;
    this.ownConnection = undefined;
    if (runner && !runner.isReleased) await runner.release().catch(() => undefined);
  }

  // One batch in a transaction that `inTransaction` opens and commits.
  private async publishBatch(
    inTransaction: <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>,
  ): Promise<number> {
    const producer = await this.connectedProducer();
    // The claim marks its rows published; a failed send puts them back, recorded, in the same
    // transaction, which still commits; then it is thrown. A crash before the commit rolls the
    // mark back, so the rows are published again (at least once).
    const outcome = await inTransaction(async (manager) => {
      const rows = await this.claim(manager);
      if (rows.length === 0) return { published: 0 };
      const parents = rows.map((row) => extractTraceContext(row.headers, ROOT_CONTEXT));
      const spans = rows.map((row, index) => this.startSpan(row, parents[index]!));
      try {
        const messages = rows.map((row, index) => this.toMessage(row, spans[index]!, parents[index]!));
        await context.with(suppressTracing(ROOT_CONTEXT), () =>
          producer.sendBatch({ topicMessages: groupByTopic(rows, messages), acks: -1 }),
        );
      } catch (error) {
        for (const span of spans) endSpan(span, error);
        await manager.query(
          `UPDATE ${MessagingTable.outbox} SET published_at = NULL, last_error = $2 WHERE id = ANY($1::bigint[])`,
          [rows.map((row) => row.id), String((error as Error).message).slice(0, 1000)],
        );
        for (const topic of new Set(rows.map((row) => row.topic))) {
          this.metrics.inc('messaging_publish_failures_total', { topic });
        }
        return { published: 0, error };
      }
      for (const span of spans) endSpan(span);
      for (const row of rows) {
        const eventType = row.headers[KafkaHeader.eventType] ?? 'unknown';
        this.metrics.inc('messaging_events_published_total', { topic: row.topic, event_type: eventType });
      }
      return { published: rows.length };
    });
    if ('error' in outcome) throw new RelayPublishError(outcome.error);
    this.state.publishedEvents += outcome.published;
    return outcome.published;
  }

  /** Pending rows and the age of the oldest, read from the table (also exported as gauges). */
  async backlog(): Promise<{ pendingEvents: number; oldestPendingAgeSeconds: number }> {
    const [row] = (await this.options.dataSource.query(
      `SELECT count(*)::int AS pending, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float AS age
         FROM ${MessagingTable.outbox} WHERE published_at IS NULL`,
    )) as { pending: number; age: number }[];
    this.state.pendingEvents = row?.pending ?? 0;
    this.state.oldestPendingAgeSeconds = row?.age ?? 0;
    this.metrics.set('messaging_outbox_pending_events', {}, this.state.pendingEvents);
    this.metrics.set('messaging_outbox_oldest_pending_age_seconds', {}, this.state.oldestPendingAgeSeconds);
    return { pendingEvents: this.state.pendingEvents, oldestPendingAgeSeconds: this.state.oldestPendingAgeSeconds };
  }

  /** Deletes rows published longer ago than the retention; returns how many. */
  async deletePublished(): Promise<number> {
    const result = (await this.options.dataSource.query(
      `DELETE FROM ${MessagingTable.outbox} WHERE published_at < now() - make_interval(secs => $1)`,
      [this.settings.retentionMs / 1000],
    )) as [unknown, number];
    const deleted = result[1] ?? 0;
    if (deleted > 0) retentionMetrics().inc('retention_rows_deleted_total', { table: MessagingTable.outbox }, deleted);
    return deleted;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      try {
        published = await this.publishOnOwnConnection();
        if (this.state.consecutiveFailures > 0)
          this.log.info('Outbox relay publishing again', { failuresBefore: this.state.consecutiveFailures });
        this.state.consecutiveFailures = 0;
        this.state.lastError = undefined;
        await this.housekeeping();
      } catch (error) {
        await this.backOff(error);
        continue;
      }
      // A full batch means there is probably more: go on without waiting.
      if (published < this.settings.batchSize) await this.idle();
    }
  }

  private async housekeeping(): Promise<void> {
    const now = Date.now();
    if (now - this.lastBacklogAt >= BACKLOG_REFRESH_MS) {
      this.lastBacklogAt = now;
      await this.backlog();
    }
    if (now - this.lastCleanupAt >= CLEANUP_INTERVAL_MS) {
      this.lastCleanupAt = now;
      const deleted = await this.deletePublished();
      if (deleted > 0) this.log.debug('Deleted published outbox rows past retention', { deleted });
    }
  }

  private async backOff(error: unknown): Promise<void> {
    this.state.consecutiveFailures += 1;
    const cause = error instanceof RelayPublishError ? error.cause : error;
    this.state.lastError = cause instanceof Error ? cause.message : String(cause);
    const delayMs = Math.max(
      this.settings.baseDelayMs,
      fullJitterDelay(this.state.consecutiveFailures, this.settings.baseDelayMs, this.settings.maxDelayMs, Math.random),
    );
    // The first failure of a streak is a warning with the cause; the rest only at debug, so an outage does not flood the log.
    const level = this.state.consecutiveFailures === 1 ? 'warn' : 'debug';
    this.log[level]('Outbox relay could not publish; the rows stay pending and are retried', {
      attempt: this.state.consecutiveFailures,
      delayMs,
      error: cause,
    });
    await this.sleep(delayMs, false);
  }

  private idle(): Promise<void> {
    return this.sleep(this.settings.pollIntervalMs, true);
  }

  // Sleeps, waking early on stop (always) and on a commit signal (when `wakeable`).
  private async sleep(ms: number, wakeable: boolean): Promise<void> {
    if (wakeable && this.woken) {
      this.woken = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = () => {
        if (wakeable || !this.running) done();
      };
    });
    if (wakeable) this.woken = false;
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      // Idempotent and one request in flight: a retried send cannot duplicate or reorder a key's messages.
      const producer = this.options.kafka.producer(RELIABLE_PRODUCER);
      try {
        await producer.connect();
      } catch (error) {
        await producer.disconnect().catch(() => undefined);
        throw error;
      }
      this.producer = producer;
    }
    return this.producer;
  }

  private claim(manager: EntityManager): Promise<OutboxRow[]> {
    // 1. A window of the oldest pending rows, straight from the partial index (cheap even with
    //    stale statistics, and a prefix: a key's earlier rows are in it whenever a later one is).
    // 2. One advisory lock per key of the window, tried once, in order of the key's oldest row. Once
    //    per key matters: tried per row, a lock another relay releases mid-scan (after a failed
    //    send) would let this relay take a key's later rows while skipping its earlier ones.
    // 3. Row locks on the locked keys' rows, at most one batch; `published_at IS NULL` is checked
    //    again under the lock, so a row another relay published meanwhile is not sent twice.
    // 4. The claimed rows are marked published in the same statement (one round trip less per
    //    batch); the mark is only seen once the transaction commits, after Kafka acknowledged.
    return manager.query(
      `WITH candidate AS MATERIALIZED (
         SELECT id, topic, key FROM ${MessagingTable.outbox}
          WHERE published_at IS NULL ORDER BY id LIMIT $2
       ), window_keys AS MATERIALIZED (
         SELECT topic, key, min(id) AS first_id FROM candidate GROUP BY topic, key
       ), locked_keys AS MATERIALIZED (
         SELECT topic, key FROM (SELECT * FROM window_keys ORDER BY first_id OFFSET 0) ordered
          WHERE pg_try_advisory_xact_lock(${KEY_LOCK_NAMESPACE}, hashtext(topic || '/' || key))
       ), claimable AS MATERIALIZED (
         SELECT c.id FROM candidate c JOIN locked_keys l ON l.topic = c.topic AND l.key = c.key
          ORDER BY c.id LIMIT $1
       ), locked_rows AS MATERIALIZED (
         SELECT o.id FROM ${MessagingTable.outbox} o JOIN claimable c ON c.id = o.id
          WHERE o.published_at IS NULL
          ORDER BY o.id
            FOR UPDATE OF o SKIP LOCKED
       ), claimed AS (
         UPDATE ${MessagingTable.outbox} o SET published_at = now(), attempts = o.attempts + 1, last_error = NULL
           FROM locked_rows l WHERE o.id = l.id
         RETURNING o.id, o.topic, o.key, o.headers, o.payload
       )
       SELECT id, topic, key, headers, payload FROM claimed ORDER BY id`,
      [this.settings.batchSize, this.settings.batchSize * CLAIM_WINDOW_FACTOR],
    );
  }

  // The publish span continues the trace stored with the row (the request that wrote it).
  private startSpan(row: OutboxRow, parent: Context): Span {
    return trace.getTracer(MESSAGING_TRACER).startSpan(
      `send ${row.topic}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'send',
          'messaging.destination.name': row.topic,
          'messaging.kafka.message.key': row.key,
          'messaging.message.id': eventIdOf(row),
        },
      },
      parent,
    );
  }

  // The row's headers, with the trace context now that of the publish span (baggage kept).
  private toMessage(row: OutboxRow, span: Span, parent: Context): Message {
    const headers: TextHeaders = { ...row.headers };
    propagation.inject(trace.setSpan(parent, span), headers, headerSetter);
    return { key: row.key, value: row.payload, headers };
  }

  private async listen(): Promise<void> {
    const client = new pg.Client(connectionConfig(this.options.dataSource));
    client.on('notification', () => this.wake());
    client.on('error', (error) => this.log.warn('Outbox LISTEN connection failed; polling continues', { error }));
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
    this.listener = client;
  }
}

/** A failed publish, wrapped so the loop tells it from a database failure. */
class RelayPublishError extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** The pg settings of a TypeORM DataSource, for the one extra connection LISTEN needs. */
function connectionConfig(dataSource: DataSource): pg.ClientConfig {
  const options = dataSource.options as {
    url?: string;
    host?: string;
    port?: number;
    username?: string;
    password?: string;
    database?: string;
  };
  if (options.url) return { connectionString: options.url };
  return {
    host: options.host,
    port: options.port,
    user: options.username,
    password: options.password,
    database: options.database,
  };
}

function eventIdOf(row: OutboxRow): string {
  const match = /"eventId":"([^"]+)"/.exec(row.payload);
  return match?.[1] ?? '';
}

function endSpan(span: Span, error?: unknown): void {
  if (error !== undefined) {
    span.recordException(error as Error);
    span.setStatus({ code: 2, message: error instanceof Error ? error.message : String(error) });
  }
  span.end();
}

function groupByTopic(rows: OutboxRow[], messages: Message[]): { topic: string; messages: Message[] }[] {
  const byTopic = new Map<string, Message[]>();
  rows.forEach((row, index) => {
    const list = byTopic.get(row.topic) ?? [];
    list.push(messages[index]!);
    byTopic.set(row.topic, list);
  });
  return [...byTopic].map(([topic, list]) => ({ topic, messages: list }));
}
