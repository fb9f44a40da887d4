import type { EventContract, EventEnvelope, PayloadOf } from '@platform/contracts';
import type { Outbox } from '@platform/messaging';
import type { EntityManager } from 'typeorm';
import type { EventPublisher } from '../../../application/ports/erasure.port.js';

/** Events as rows of the messaging outbox, written through `manager`'s open transaction; the relay publishes them. */
export class OutboxEventPublisher implements EventPublisher {
  constructor(
    private readonly outbox: Outbox,
    private readonly manager: EntityManager,
  ) {}

  async publish<TContract extends EventContract>(
    contract: TContract,
    event: { aggregateId: string; payload: PayloadOf<TContract> },
  ): Promise<void> {
    // The outbox checks envelope and payload against the contract: a breach fails the whole transaction.
    await this.outbox.add(this.manager, this.outbox.event(contract, event) as EventEnvelope);
  }
}
