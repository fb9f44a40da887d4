import { BaseRpcContext } from '@nestjs/microservices';
import type { EventEnvelope } from '@platform/contracts';
import type { EntityManager } from 'typeorm';
import type { DeliveredEvent } from '../consumer/event-handler.js';

/**
 * What an `@EventPattern` handler gets with `@Ctx()`: the transaction to make its effects in (the
 * one that records the event in the inbox) and the delivery details.
 */
export class EventContext extends BaseRpcContext<[DeliveredEvent[], EntityManager]> {
  /** The transaction's EntityManager: take repositories from it, so effects commit with the inbox row. */
  get manager(): EntityManager {
    return this.args[1];
  }

  /** The events being handled: one, or several for a batch handler. */
  get events(): readonly DeliveredEvent[] {
    return this.args[0];
  }

  /** The (first) event's envelope. */
  get envelope(): EventEnvelope {
    return this.args[0][0]!.envelope;
  }

  /**
   * Key for external side effects (e-mail, webhooks): the event id, the same on every delivery
   * and retry, so the receiving system can drop a repeat.
   */
  get idempotencyKey(): string {
    return this.envelope.eventId;
  }

  /** 1 on first delivery, then 2, 3... on retries. */
  get attempt(): number {
    return this.args[0][0]!.attempt;
  }
}
