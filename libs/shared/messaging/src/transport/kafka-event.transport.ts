import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import type { EntityManager } from 'typeorm';
import type { DeliveredEvent, EventHandler } from '../consumer/event-handler.js';
import { EventConsumer, type EventConsumerOptions } from '../consumer/event-consumer.js';
import { MessagingOptionsError } from '../errors/messaging-options.error.js';
import { EventContext } from './event-context.js';

/** Options of the transport: the consumer's, without the handlers, which come from `@EventPattern`s. */
export type KafkaEventTransportOptions = Omit<EventConsumerOptions, 'handlers'>;

/** `@EventPattern(type, { batch: true })` makes a handler receive an array of envelopes. */
export interface EventPatternExtras {
  batch?: boolean;
}

/** Unique id of this transport among Nest's. */
export const KAFKA_EVENT_TRANSPORT = Symbol('platform.kafka-events');

/**
 * A Nest transport strategy for Kafka events: each `@EventPattern('business.invoice.issued')`
 * handler becomes an EventHandler of an EventConsumer (inbox, parking retries, DLQ). Handlers get
 * the validated envelope (`@Payload()`) and an EventContext (`@Ctx()`).
 */
export class KafkaEventTransport extends Server implements CustomTransportStrategy {
  override readonly transportId = KAFKA_EVENT_TRANSPORT;
  private consumer?: EventConsumer;

  constructor(private readonly options: KafkaEventTransportOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      this.consumer = new EventConsumer({ ...this.options, handlers: this.eventHandlers() });
      await this.consumer.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await this.consumer?.stop();
  }

  /** The running consumer, for readiness checks. */
  eventConsumer(): EventConsumer | undefined {
    return this.consumer;
  }

  on(): never {
    throw new MessagingOptionsError(
      'KafkaEventTransport has no events to listen to; read status() from eventConsumer()',
    );
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private eventHandlers(): EventHandler[] {
    const handlers: EventHandler[] = [];
    for (const [pattern, head] of this.messageHandlers) {
      if (!head.isEventHandler) {
        throw new MessagingOptionsError(
          `@MessagePattern('${pattern}') is not supported: events are one-way, use @EventPattern`,
        );
      }
      const batch = (head.extras as EventPatternExtras | undefined)?.batch === true;
      handlers.push({
        eventType: pattern,
        batch,
        handle: (events, manager) => this.invoke(head, batch, events, manager),
      });
    }
    return handlers;
  }

  // Several classes may handle one pattern; Nest chains them through `next`, and each one runs.
  private async invoke(
    head: MessageHandler,
    batch: boolean,
    events: DeliveredEvent[],
    manager: EntityManager,
  ): Promise<void> {
    const context = new EventContext([events, manager]);
    const data = batch ? events.map((event) => event.envelope) : events[0]!.envelope;
    for (let handler: MessageHandler | undefined = head; handler; handler = handler.next) {
      const result: unknown = await handler(data, context);
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    }
  }
}
