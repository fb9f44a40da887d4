import type { Customer } from '../../domain/customer.js';
import type { Page, PageRequest } from './page.js';

/** Filters of the customer list. */
export interface CustomerFilter {
  /** true: archived only; false: active only; undefined: all. */
  archived?: boolean;
}

/**
 * The customers of businesses; every method is scoped to one business. Contract:
 * - `find` resolves undefined for a customer of another business, or an id that is not a UUID;
 *   with `{ forUpdate: true }` the row stays locked against other updates until the transaction ends.
 * - `list` pages newest first; a cursor it did not issue throws InvalidCursorError.
 */
export interface CustomerRepository {
  insert(customer: Customer): Promise<void>;
  find(businessId: string, customerId: string, options?: { forUpdate?: boolean }): Promise<Customer | undefined>;
  update(customer: Customer): Promise<void>;
  list(businessId: string, filter: CustomerFilter, page: PageRequest): Promise<Page<Customer>>;
}
