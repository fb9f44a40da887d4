import type { Erasure, ErasureConfirmation } from '../../domain/erasure.js';

/**
 * Erasures and the services' confirmations of them.
 *
 * Contract:
 * - `add` inserts a new erasure (one per user: the account is erased in the same transaction).
 * - `findById` resolves `undefined` for an unknown id (also one that is not a UUID), never throws
 *   for it; the erasure comes with every confirmation, oldest first.
 * - `recordConfirmation` stores a service's confirmation of an existing erasure once: a second one
 *   from the same service changes nothing and resolves false (the first one stands).
 * - `countOverdue` counts the erasures whose deadline is at or before `now` and that lack a
 *   confirmation from at least one of `confirmingServices`.
 */
export interface ErasureRepository {
  add(erasure: Erasure): Promise<void>;
  findById(id: string): Promise<Erasure | undefined>;
  recordConfirmation(erasureId: string, confirmation: ErasureConfirmation): Promise<boolean>;
  countOverdue(now: Date, confirmingServices: readonly string[]): Promise<number>;
}
