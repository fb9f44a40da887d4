import type { EventContract, PayloadOf } from '@platform/contracts';
import type { BusinessRoles } from './business-roles.port.js';
import type { BusinessRepository } from './business-repository.port.js';
import type { CustomerRepository } from './customer-repository.port.js';
import type { InvoiceNumberSequence, InvoiceRepository } from './invoice-repository.port.js';
import type { MemberRepository } from './member-repository.port.js';
import type { MemberDirectory } from './member-directory.port.js';
import type { PaymentRepository, ProviderEventLog } from './payment-repository.port.js';
import type { PublishedEvents } from './published-events.port.js';
import type { StoredRequests } from './stored-requests.port.js';
import type { RecurringInvoiceRepository } from './recurring-invoice-repository.port.js';
import type { ScheduledWork } from './scheduled-work.port.js';

/** An event to publish with the transaction's changes. */
export interface EventToPublish<C extends EventContract> {
  /** The aggregate's id: the Kafka key, so one aggregate's events stay in order. */
  aggregateId: string;
  payload: PayloadOf<C>;
  occurredAt: Date;
}

/**
 * What a use case may do inside one transaction: read and change its aggregates, and publish
 * events that are committed with the changes (transactional outbox) or not at all.
 */
export interface Transaction {
  directory: MemberDirectory;
  roles: BusinessRoles;
  businesses: BusinessRepository;
  members: MemberRepository;
  customers: CustomerRepository;
  invoices: InvoiceRepository;
  invoiceNumbers: InvoiceNumberSequence;
  payments: PaymentRepository;
  providerEvents: ProviderEventLog;
  /** The scheduled jobs' scans and once-only marks. */
  scheduledWork: ScheduledWork;
  recurringInvoices: RecurringInvoiceRepository;
  /** The events already stored by this service, to anonymise an erased user in them. */
  publishedEvents: PublishedEvents;
  /** The requests answered under an Idempotency-Key (to forget an erased user's). */
  storedRequests: StoredRequests;
  publish<C extends EventContract>(contract: C, event: EventToPublish<C>): Promise<void>;
}

/** Runs work in one database transaction; a throw rolls back the changes and the events. */
export interface UnitOfWork {
  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}
