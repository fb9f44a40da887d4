import type { EventContract, PayloadOf } from '@platform/contracts';
import type { ErasureRepository } from './erasure-repository.port.js';
import type { PublishedEvents } from './published-events.port.js';
import type { StoredRequests } from './stored-requests.port.js';
import type { RefreshTokenRepository } from './refresh-token-repository.port.js';
import type { UserRepository } from './user-repository.port.js';

/** An event a use case publishes; the adapter fills in the rest of the envelope. */
export interface PublishedEvent<TContract extends EventContract> {
  /** The user the event is about; also the Kafka key, so one user's events stay in order. */
  aggregateId: string;
  payload: PayloadOf<TContract>;
  /** When it happened, by the use case's clock; now by default. */
  occurredAt?: Date;
}

/** What a use case can do inside one transaction. */
export interface Transaction {
  users: UserRepository;
  refreshTokens: RefreshTokenRepository;
  erasures: ErasureRepository;
  /** The events stored for publication (to scrub an erased user from them). */
  publishedEvents: PublishedEvents;
  /** The requests answered under an Idempotency-Key (to forget an erased user's). */
  storedRequests: StoredRequests;
  /** Adds an event to the transaction: written with the state change, published after commit. */
  publish<TContract extends EventContract>(contract: TContract, event: PublishedEvent<TContract>): Promise<void>;
}

/**
 * One database transaction with a transactional outbox.
 *
 * Contract:
 * - `run` opens a transaction, calls `work` with repositories bound to it, and commits when
 *   `work` resolves: the state changes and the published events are committed together, and
 *   the events reach Kafka afterwards (at least once), however long Kafka is away.
 * - When `work` throws, everything is rolled back, events included, and `run` rejects with
 *   the same error.
 * - An event whose payload breaks its contract fails the transaction (a producer bug).
 * - `run` does not retry `work`; a serialisation failure or deadlock rejects with the
 *   database's error. Repositories of a transaction must not be used after `run` settles.
 * - Keep `work` short: no password hashing or other slow work inside, it holds row locks.
 */
export interface UnitOfWork {
  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}
