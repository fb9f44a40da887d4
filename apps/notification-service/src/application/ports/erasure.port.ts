import type { EventContract, PayloadOf } from '@platform/contracts';

/** What the notification-service holds of a person, erased in the consumer's transaction. */
export interface PersonalRecords {
  /**
   * Erases `userId` unless it was erased before: deletes every notification to them (by user id,
   * and by their address when it is known; any channel and status, so queued and retrying ones are
   * never sent), the preferences of their address, their user and membership rows, the requests
   * they made under an Idempotency-Key, and keeps a tombstone of the id (erased at `at`). Waits
   * for transactions that hold the user (`RecipientDirectory.isErased`) to end first, so nothing
   * they write about the user survives.
   * Resolves the rows deleted, or `undefined` when the tombstone was there already: then nothing changes.
   */
  erase(userId: string, at: Date): Promise<number | undefined>;
}

/** Publishes events in the caller's transaction (the outbox): they leave only if it commits. */
export interface EventPublisher {
  publish<TContract extends EventContract>(
    contract: TContract,
    event: { aggregateId: string; payload: PayloadOf<TContract> },
  ): Promise<void>;
}

/** What the erasure's use case writes to, in the transaction that records the event in the inbox. */
export interface ErasureTransaction {
  records: PersonalRecords;
  events: EventPublisher;
}
