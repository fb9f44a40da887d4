import { type ContractRegistry, type EventEnvelope } from '@platform/contracts';
import { getLogger } from '@platform/logging';
import type { Producer } from 'kafkajs';
import type { DataSource, QueryRunner } from 'typeorm';
import { publishDeadLetter } from '../dead-letter/dead-letter-publisher.js';
import type { DeadLetterReason } from '../dead-letter/dead-letter-headers.js';
import { decodeEnvelope, validatePayload } from '../events/decode-event.js';
import { claimInbox } from '../inbox/inbox.js';
import { inProcessScope } from '../tracing/process-scope.js';
import type { MessagingMetrics } from '../metrics/messaging-metrics.js';
import { claimRun } from './claim-run.js';
import type { DeliveredEvent, EventHandler } from './event-handler.js';
import {
  isKeyParked,
  lockDueHead,
  parkEvent,
  removeParked,
  rescheduleParked,
  type ParkedEvent,
  type RawMessage,
} from './parked-events.js';
import { isRetryable, retryDelayMs, type RetryPolicy } from './retry-policy.js';

/** What became of a message. */
export type Outcome = 'handled' | 'duplicate' | 'parked' | 'retry-scheduled' | 'dead-lettered' | 'ignored';

export interface EventProcessorOptions {
  dataSource: DataSource;
  group: string;
  handlers: ReadonlyMap<string, EventHandler>;
  contracts: ContractRegistry;
  retry: RetryPolicy;
  /** Sends dead letters; connected by the consumer. */
  producer: () => Producer;
  metrics: MessagingMetrics;
}

type Attempt = { ok: true; duplicate: boolean } | { ok: false; error: unknown };

/** How a run of events went: all committed, or rolled back because of the events at `failedAt`. */
export type RunResult = { ok: true } | { ok: false; failedAt: number; failedCount: number; error: unknown };

/** An event read from Kafka, decoded, with the handler it goes to. */
export type HandleableEvent = DeliveredEvent & RawMessage & { handler: EventHandler };

/** Consecutive events of one batch handler go together; every other event alone. */
function segmentsOf(events: HandleableEvent[]): { handler: EventHandler; events: HandleableEvent[] }[] {
  const segments: { handler: EventHandler; events: HandleableEvent[] }[] = [];
  for (const event of events) {
    const last = segments.at(-1);
    if (last && event.handler.batch && last.handler === event.handler) last.events.push(event);
    else segments.push({ handler: event.handler, events: [event] });
  }
  return segments;
}

const ERROR_TEXT_LIMIT = 1000;

function errorText(error: unknown): string {
  return (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, ERROR_TEXT_LIMIT);
}

/**
 * Takes one message from "read" to "done": decoded and validated, handled with its inbox row in
 * one transaction, or parked behind its key, or dead-lettered. Every path ends in a durable state,
 * so the consumer may commit the offset afterwards.
 */
export class EventProcessor {
  private readonly log = getLogger('EventConsumer');
  private readonly knownTypes: ReadonlySet<string>;

  constructor(private readonly options: EventProcessorOptions) {
    this.knownTypes = new Set(options.contracts.contracts.map((contract) => contract.type));
  }

  /** The event of a message just read from Kafka, or what became of a message this group cannot handle. */
  async decode(
    message: RawMessage,
  ): Promise<{ envelope: EventEnvelope; handler: EventHandler } | 'ignored' | 'dead-lettered'> {
    let envelope: EventEnvelope;
    try {
      envelope = await decodeEnvelope(message.value);
    } catch (error) {
      await this.deadLetter(message, 'unknown', 0, 'malformed', error);
      return 'dead-lettered';
    }
    const handler = this.options.handlers.get(envelope.type);
    // Other event types of the same family share the topic; this group simply has no use for them.
    if (!handler) return 'ignored';
    try {
      return { envelope: await validatePayload(envelope, this.options.contracts), handler };
    } catch (error) {
      await this.deadLetter(message, envelope.type, 0, 'malformed', error);
      return 'dead-lettered';
    }
  }

  /** Handles a decoded message on its first delivery; a failure parks it (or dead-letters it when retrying cannot help). */
  async processDecoded(message: RawMessage, envelope: EventEnvelope, handler: EventHandler): Promise<Outcome> {
    const event: DeliveredEvent = { ...message, envelope, attempt: 1 };
    let failure: unknown;
    const outcome = await this.inTransaction(async (runner) => {
      // A key with parked events keeps its order: this event waits behind them, unhandled.
      if (await isKeyParked(runner, this.options.group, message.topic, message.key)) {
        await parkEvent(runner, this.options.group, message, this.identity(envelope), { attempts: 0, delayMs: 0 });
        this.count('messaging_events_parked_behind_total', message.topic, envelope);
        return 'parked' as const;
      }
      const attempt = await this.attempt(runner, handler, [event]);
      if (attempt.ok) return attempt.duplicate ? ('duplicate' as const) : ('handled' as const);
      failure = attempt.error;
      return this.scheduleRetry(runner, message, envelope, attempt.error);
    });
    if (outcome === 'dead-lettered') await this.deadLetterFirstFailure(message, envelope, failure);
    return outcome;
  }

  /**
   * What follows a failed first attempt that already happened (in a run that was rolled back):
   * the event is parked for a retry, or dead-lettered, without calling its handler again.
   */
  async processFailed(message: RawMessage, envelope: EventEnvelope, error: unknown): Promise<Outcome> {
    const outcome = await this.inTransaction((runner) => this.scheduleRetry(runner, message, envelope, error));
    if (outcome === 'dead-lettered') await this.deadLetterFirstFailure(message, envelope, error);
    return outcome;
  }

  // Parks a first failure with a backoff, in the caller's transaction; or says it goes to the DLQ.
  private async scheduleRetry(
    runner: QueryRunner,
    message: RawMessage,
    envelope: EventEnvelope,
    error: unknown,
  ): Promise<'retry-scheduled' | 'dead-lettered'> {
    if (!isRetryable(error) || this.options.retry.maxAttempts <= 1) return 'dead-lettered';
    const delayMs = retryDelayMs(this.options.retry, 1);
    await parkEvent(runner, this.options.group, message, this.identity(envelope), {
      attempts: 1,
      delayMs,
      lastError: errorText(error),
    });
    this.count('messaging_events_retried_total', message.topic, envelope);
    this.log.warn('Event handler failed; the event is parked and will be retried', {
      eventId: envelope.eventId,
      eventType: envelope.type,
      attempt: 1,
      retryInMs: delayMs,
      error,
    });
    return 'retry-scheduled';
  }

  private deadLetterFirstFailure(message: RawMessage, envelope: EventEnvelope, error: unknown): Promise<void> {
    const reason = isRetryable(error) ? 'retries-exhausted' : 'not-retryable';
    return this.deadLetter(message, envelope.type, 1, reason, error);
  }

  /**
   * Handles consecutive events of one partition in one transaction: one statement finds parked
   * keys and records the other events in the inbox (`claimRun`), then each handler (a batch
   * handler gets its consecutive events together), no savepoints. When a handler fails nothing is committed, and the result says
   * which events it was handling (`failedAt`, `failedCount` into `events`) and why.
   */
  async processTogether(events: HandleableEvent[]): Promise<RunResult> {
    if (events.length === 0) return { ok: true };
    const { group } = this.options;
    const topic = events[0]!.topic;
    let failure: RunResult | undefined;
    const handled = await this.inTransaction(async (runner): Promise<RunResult> => {
      const { parkedKeys, fresh } = await claimRun(
        runner,
        group,
        topic,
        events.map((event) => ({ eventId: event.envelope.eventId, eventType: event.envelope.type, key: event.key })),
      );
      const toHandle: HandleableEvent[] = [];
      for (const event of events) {
        if (parkedKeys.has(event.key)) {
          await parkEvent(runner, group, event, this.identity(event.envelope), { attempts: 0, delayMs: 0 });
          this.count('messaging_events_parked_behind_total', topic, event.envelope);
        } else if (fresh.delete(event.envelope.eventId)) {
          // Deleting as we go: an event delivered twice within the run is handled once.
          toHandle.push(event);
        } else {
          this.reportDuplicate(event);
        }
      }
      for (const segment of segmentsOf(toHandle)) {
        const started = Date.now();
        try {
          await inProcessScope(segment.events, this.options.group, () =>
            segment.handler.handle(segment.events, runner.manager),
          );
        } catch (error) {
          failure = {
            ok: false,
            failedAt: events.indexOf(segment.events[0]!),
            failedCount: segment.events.length,
            error,
          };
          this.observeDuration(segment.events[0]!, 'failure', started);
          // Rolls the whole transaction back: nothing of this run is committed.
          throw error;
        }
        this.observeDuration(segment.events[0]!, 'success', started);
      }
      for (const event of toHandle) this.count('messaging_events_consumed_total', topic, event.envelope);
      return { ok: true };
    }).catch((error: unknown): RunResult => {
      if (failure) return failure;
      throw error;
    });
    return handled;
  }

  /** Retries the first due parked event, if any; returns false when none is due. */
  async processParkedHead(): Promise<boolean> {
    let deadLetter: { parked: ParkedEvent; attempts: number; reason: DeadLetterReason; error: unknown } | undefined;
    const found = await this.inTransaction(async (runner) => {
      const parked = await lockDueHead(runner, this.options.group);
      if (!parked) return false;
      const decoded = await this.decodeParked(parked);
      if (decoded instanceof Error) {
        deadLetter = { parked, attempts: parked.attempts, reason: 'malformed', error: decoded };
      } else if (decoded === undefined) {
        this.log.warn('Parked event has no handler any more; dropping it', {
          eventId: parked.eventId,
          eventType: parked.eventType,
        });
      } else {
        const attemptNumber = parked.attempts + 1;
        const event: DeliveredEvent = { ...parked, envelope: decoded.envelope, attempt: attemptNumber };
        const attempt = await this.attempt(runner, decoded.handler, [event]);
        if (!attempt.ok) {
          if (!isRetryable(attempt.error) || attemptNumber >= this.options.retry.maxAttempts) {
            const reason = isRetryable(attempt.error) ? 'retries-exhausted' : 'not-retryable';
            deadLetter = { parked, attempts: attemptNumber, reason, error: attempt.error };
          } else {
            const delayMs = retryDelayMs(this.options.retry, attemptNumber);
            await rescheduleParked(runner, parked.id, attemptNumber, delayMs, errorText(attempt.error));
            this.count('messaging_events_retried_total', parked.topic, decoded.envelope);
            this.log.warn('Event handler failed again; retrying later', {
              eventId: parked.eventId,
              eventType: parked.eventType,
              attempt: attemptNumber,
              retryInMs: delayMs,
              error: attempt.error,
            });
            return true;
          }
        }
      }
      // Sent before the row is deleted and committed: a crash in between sends it twice, never zero times.
      if (deadLetter) {
        await this.deadLetter(
          deadLetter.parked,
          deadLetter.parked.eventType,
          deadLetter.attempts,
          deadLetter.reason,
          deadLetter.error,
        );
      }
      await removeParked(runner, parked.id);
      return true;
    });
    return found;
  }

  private async decodeParked(
    parked: ParkedEvent,
  ): Promise<{ envelope: EventEnvelope; handler: EventHandler } | Error | undefined> {
    try {
      const envelope = await decodeEnvelope(parked.value);
      const handler = this.options.handlers.get(envelope.type);
      if (!handler) return undefined;
      return { envelope: await validatePayload(envelope, this.options.contracts), handler };
    } catch (error) {
      return error as Error;
    }
  }

  // Runs the handler and the inbox insert inside a savepoint, so a failure undoes exactly them and
  // the transaction can still record what happens next (parking, rescheduling).
  private async attempt(runner: QueryRunner, handler: EventHandler, events: DeliveredEvent[]): Promise<Attempt> {
    await runner.query('SAVEPOINT event_handler');
    const first = events[0]!;
    const labels = this.labels(first.topic, first.envelope);
    const stopTimer = Date.now();
    try {
      const fresh: DeliveredEvent[] = [];
      for (const event of events) {
        if (await claimInbox(runner.manager, this.options.group, event.envelope.eventId, event.envelope.type)) {
          fresh.push(event);
        } else {
          this.reportDuplicate(event);
        }
      }
      if (fresh.length > 0)
        await inProcessScope(fresh, this.options.group, () => handler.handle(fresh, runner.manager));
      await runner.query('RELEASE SAVEPOINT event_handler');
      for (const event of fresh) this.count('messaging_events_consumed_total', event.topic, event.envelope);
      this.options.metrics.observe(
        'messaging_handler_duration_seconds',
        { ...labels, outcome: 'success' },
        (Date.now() - stopTimer) / 1000,
      );
      return { ok: true, duplicate: fresh.length === 0 };
    } catch (error) {
      await runner.query('ROLLBACK TO SAVEPOINT event_handler');
      this.options.metrics.observe(
        'messaging_handler_duration_seconds',
        { ...labels, outcome: 'failure' },
        (Date.now() - stopTimer) / 1000,
      );
      return { ok: false, error };
    }
  }

  private async inTransaction<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    const runner = this.options.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      try {
        const result = await work(runner);
        await runner.commitTransaction();
        return result;
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.release();
    }
  }

  private async deadLetter(
    message: RawMessage,
    eventType: string,
    attempts: number,
    reason: DeadLetterReason,
    error: unknown,
  ): Promise<void> {
    await publishDeadLetter(this.options.producer(), {
      ...message,
      consumerGroup: this.options.group,
      attempts,
      reason,
      error,
    });
    this.options.metrics.inc('messaging_events_dead_lettered_total', {
      topic: message.topic,
      event_type: this.knownType(eventType),
      consumer_group: this.options.group,
      reason,
    });
    this.log.error('Event sent to the dead-letter topic', {
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      eventType,
      attempts,
      reason,
      error,
    });
  }

  private reportDuplicate(event: DeliveredEvent): void {
    this.count('messaging_events_duplicate_total', event.topic, event.envelope);
    this.log.debug('Event already handled by this group; skipped', {
      eventId: event.envelope.eventId,
      eventType: event.envelope.type,
    });
  }

  private observeDuration(event: DeliveredEvent, outcome: 'success' | 'failure', startedAt: number): void {
    this.options.metrics.observe(
      'messaging_handler_duration_seconds',
      { ...this.labels(event.topic, event.envelope), outcome },
      (Date.now() - startedAt) / 1000,
    );
  }

  private identity(envelope: EventEnvelope): { eventId: string; eventType: string } {
    return { eventId: envelope.eventId, eventType: envelope.type };
  }

  private labels(topic: string, envelope: EventEnvelope) {
    return { topic, event_type: this.knownType(envelope.type), consumer_group: this.options.group };
  }

  // Label values stay bounded: a type no contract declares (from a malformed message) is `unknown`.
  private knownType(type: string): string {
    return this.knownTypes.has(type) ? type : 'unknown';
  }

  private count(
    name:
      | 'messaging_events_consumed_total'
      | 'messaging_events_duplicate_total'
      | 'messaging_events_retried_total'
      | 'messaging_events_parked_behind_total',
    topic: string,
    envelope: EventEnvelope,
  ): void {
    this.options.metrics.inc(name, this.labels(topic, envelope));
  }
}
