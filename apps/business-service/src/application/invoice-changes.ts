import type { Invoice, InvoiceState } from '../domain/invoice.js';
import type { Customer } from '../domain/customer.js';
import {
  InvoiceCustomerNotAvailableError,
  InvoiceNotFoundError,
  InvoicePreconditionRequiredError,
  InvoiceVersionMismatchError,
} from '../domain/invoice.errors.js';
import type { SummaryCacheInvalidation } from './ports/summary-cache.port.js';
import type { Transaction, UnitOfWork } from './ports/unit-of-work.port.js';

/** What the invoice use cases are built on. */
export interface InvoiceUseCaseDeps {
  unitOfWork: UnitOfWork;
  /** Told after every commit that changed a business's invoices. */
  summaryCache: SummaryCacheInvalidation;
  /** The current instant; tests set it. */
  now?: () => Date;
}

/** An invoice as the use cases answer it: its whole state, the version included (the ETag). */
export type InvoiceView = InvoiceState;

/**
 * The versions the caller based a change on (HTTP: the ETags of `If-Match`): undefined when the
 * caller named none (refused: 428), empty when it named none that can be a version (412).
 */
export type ExpectedVersions = readonly number[] | undefined;

/**
 * The invoice to change, locked until the transaction ends, after the optimistic-concurrency
 * check: not found (404), no precondition (428), a version other than the caller's (412).
 */
export async function loadForChange(
  tx: Transaction,
  businessId: string,
  invoiceId: string,
  expected: ExpectedVersions,
): Promise<Invoice> {
  const invoice = await tx.invoices.find(businessId, invoiceId, { forUpdate: true });
  if (!invoice) throw new InvoiceNotFoundError(invoiceId);
  if (expected === undefined) throw new InvoicePreconditionRequiredError();
  if (!expected.includes(invoice.version)) {
    throw new InvoiceVersionMismatchError(invoiceId, expected[0] ?? -1, invoice.version);
  }
  return invoice;
}

/** Writes `next` over `previous`'s version; a concurrent change that got there first is a 412. */
export async function saveChange(tx: Transaction, previous: Invoice, next: Invoice): Promise<void> {
  if (!(await tx.invoices.update(next, previous.version))) {
    throw new InvoiceVersionMismatchError(previous.id, previous.version, undefined);
  }
}

/** A customer of this business that may be invoiced: not another business's, not archived (else 422). */
export async function invoiceableCustomer(tx: Transaction, businessId: string, customerId: string): Promise<Customer> {
  const customer = await tx.customers.find(businessId, customerId);
  if (!customer) throw new InvoiceCustomerNotAvailableError(customerId, 'not_found');
  if (customer.archivedAt) throw new InvoiceCustomerNotAvailableError(customerId, 'archived');
  return customer;
}

/**
 * Runs `work` in one transaction and, once it has committed, invalidates the business's summary
 * (never inside the transaction: a reader could cache the old state again before the commit).
 */
export async function changeInvoices<T>(
  deps: InvoiceUseCaseDeps,
  businessId: string,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  const result = await deps.unitOfWork.run(work);
  await deps.summaryCache.invalidate(businessId);
  return result;
}

export const clockOf = (deps: InvoiceUseCaseDeps): (() => Date) => deps.now ?? (() => new Date());
