/**
 * The number of an issued invoice: `<prefix>-<year>-<seq>`, the sequence zero-padded to 4 digits
 * (`ACME-2026-0007`; the 10 000th of a year is `ACME-2026-10000`). `seq` counts from 1 per business
 * and year, gapless: the persistence adapter hands it out under a row lock.
 */
export function formatInvoiceNumber(prefix: string, year: number, seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1)
    throw new RangeError(`invoice sequence must be a positive integer: ${seq}`);
  return `${prefix}-${year}-${String(seq).padStart(4, '0')}`;
}

/** The year an invoice issued at `instant` is numbered in: the UTC year. */
export function numberingYear(instant: Date): number {
  return instant.getUTCFullYear();
}
