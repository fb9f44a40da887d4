import { isISO4217CurrencyCode } from 'class-validator';
import { UnknownCurrencyError } from './business.errors.js';

/** A business: the tenant that members, customers and invoices belong to. */
export interface Business {
  /** UUID v7, made by the service. */
  id: string;
  name: string;
  /** ISO 4217, the default currency of its invoices; it does not change. */
  currency: string;
  /** Starts every invoice number: `<prefix>-<year>-<sequence>`. */
  invoicePrefix: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The prefix when the creator names none, and when the name has no letters or digits to make one. */
export const FALLBACK_INVOICE_PREFIX = 'INV';
const INVOICE_PREFIX_MAX_LENGTH = 10;

/**
 * The invoice prefix a business gets when its creator names none: the name's ASCII letters and
 * digits in upper case, at most 10 (`Acme Consulting GmbH` → `ACMECONSUL`), or `INV` when the name
 * has none (`Café ☕` keeps `CAF`; `株式会社` gets `INV`).
 */
export function defaultInvoicePrefix(name: string): string {
  // NFKD splits accented letters into letter + mark, so `É` still gives `E`.
  const letters = name
    .normalize('NFKD')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  return letters.slice(0, INVOICE_PREFIX_MAX_LENGTH) || FALLBACK_INVOICE_PREFIX;
}

/**
 * Checks that `code` is a current ISO 4217 currency; UnknownCurrencyError (422) otherwise. The same
 * list as the event contracts check (validator.js's), so an accepted currency never fails an event.
 */
export function assertCurrency(code: string): void {
  if (!isISO4217CurrencyCode(code)) throw new UnknownCurrencyError(code);
}
