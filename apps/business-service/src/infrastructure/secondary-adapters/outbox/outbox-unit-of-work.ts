import type { EventEnvelope } from '@platform/contracts';
import type { Outbox } from '@platform/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import type { Transaction, UnitOfWork } from '../../../application/ports/unit-of-work.port.js';
import { PostgresBusinessRoles } from '../persistence/postgres-business-roles.js';
import { PostgresBusinesses } from '../persistence/postgres-businesses.js';
import { PostgresCustomers } from '../persistence/postgres-customers.js';
import { PostgresInvoiceNumbers } from '../persistence/postgres-invoice-numbers.js';
import { PostgresInvoices } from '../persistence/postgres-invoices.js';
import { PostgresMembers } from '../persistence/postgres-members.js';
import { PostgresMemberDirectory } from '../persistence/postgres-member-directory.js';
import { PostgresPayments } from '../persistence/postgres-payments.js';
import { PostgresProviderEvents } from '../persistence/postgres-provider-events.js';
import { PostgresRecurringInvoices } from '../persistence/postgres-recurring-invoices.js';
import { PostgresScheduledWork } from '../persistence/postgres-scheduled-work.js';
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
      directory: new PostgresMemberDirectory(manager),
      roles: new PostgresBusinessRoles(manager),
      businesses: new PostgresBusinesses(manager),
      members: new PostgresMembers(manager),
      customers: new PostgresCustomers(manager),
      invoices: new PostgresInvoices(manager),
      invoiceNumbers: new PostgresInvoiceNumbers(manager),
      payments: new PostgresPayments(manager),
      providerEvents: new PostgresProviderEvents(manager),
      scheduledWork: new PostgresScheduledWork(manager),
      recurringInvoices: new PostgresRecurringInvoices(manager),
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
