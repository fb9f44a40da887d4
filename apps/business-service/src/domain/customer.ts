/** A billing address, stored as given. */
export interface Address {
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/**
 * A customer of one business. Never deleted once invoices name it: archived instead, which keeps it
 * out of new invoices and lists of active customers.
 */
export interface Customer {
  /** UUID v7. */
  id: string;
  businessId: string;
  name: string;
  /** Lower-cased; where invoices are sent. */
  email: string;
  address: Address | null;
  taxId: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}
