import type { EventEnvelope } from '@platform/contracts';
import type { Outbox } from '@platform/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import type { Transaction, UnitOfWork } from '../../../application/ports/unit-of-work.port.js';
import { TypeOrmErasureRepository } from '../persistence/typeorm-erasure.repository.js';
import { TypeOrmRefreshTokenRepository } from '../persistence/typeorm-refresh-token.repository.js';
import { TypeOrmUserRepository } from '../persistence/typeorm-user.repository.js';
import { PostgresStoredRequests } from '../persistence/postgres-stored-requests.js';
import { PostgresPublishedEvents } from './postgres-published-events.js';

/**
 * UnitOfWork on one PostgreSQL transaction of `dataSource`, with the messaging library's
 * transactional outbox: events are rows of `messaging_outbox` committed with the state change,
 * and the relay publishes them afterwards. `outbox` must be built on the same DataSource.
 */
export class OutboxUnitOfWork implements UnitOfWork {
  constructor(
    private readonly outbox: Outbox,
    private readonly dataSource: DataSource,
  ) {}

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(this.within(manager)));
  }

  /** The Transaction of a transaction already open: an event handler's, which also records the event in the inbox. */
  within(manager: EntityManager): Transaction {
    return {
      users: new TypeOrmUserRepository(manager, { lock: true }),
      refreshTokens: new TypeOrmRefreshTokenRepository(manager, { lock: true }),
      erasures: new TypeOrmErasureRepository(manager, { lock: true }),
      publishedEvents: new PostgresPublishedEvents(manager),
      storedRequests: new PostgresStoredRequests(manager),
      publish: async (contract, { aggregateId, payload, occurredAt }) => {
        // The outbox checks the envelope and payload against the contract: a breach fails the transaction.
        const envelope = this.outbox.event(contract, { aggregateId, payload, occurredAt });
        await this.outbox.add(manager, envelope as EventEnvelope);
      },
    };
  }
}
