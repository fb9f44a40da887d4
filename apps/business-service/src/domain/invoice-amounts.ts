import { InvoiceAmountTooLargeError } from './invoice.errors.js';

/** What a line says: how many, at what unit price (minor units) and tax rate (basis points). */
export interface InvoiceLineInput {
  description: string;
  /** A positive integer. */
  quantity: number;
  /** Price of one unit before tax, in minor units of the invoice currency. */
  unitAmountMinor: number;
  /** 1900 is 19 %; 0 to 10 000. */
  taxRateBps: number;
}

/** A line with its amounts, as computed when it was last written (an issued invoice keeps them). */
export interface InvoiceLine extends InvoiceLineInput {
  /** quantity × unitAmountMinor. */
  subtotalMinor: number;
  /** Tax of this line, rounded by the rule below. */
  taxMinor: number;
  /** subtotalMinor + taxMinor. */
  totalMinor: number;
}

/** The amounts of a whole invoice, in minor units. */
export interface InvoiceTotals {
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
}

const BPS_PER_UNIT = 10_000n;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * THE rounding rule of invoices, the only one: tax is computed per line, as
 *
 *   taxMinor = round_half_away_from_zero(quantity × unitAmountMinor × taxRateBps / 10 000)
 *
 * in exact integer arithmetic (BigInt), and the invoice's tax is the sum of its lines' taxes (no
 * second rounding on the total). 1 × 5 minor units at 10 % is 0.5 → 1; at 9.99 % it is 0.4995 → 0.
 * Every amount, of a line or of the invoice, must stay within Number.MAX_SAFE_INTEGER so that it
 * is exact as a JSON number: beyond, the invoice is refused rather than rounded.
 */
export function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('the denominator must be positive');
  const magnitude = numerator < 0n ? -numerator : numerator;
  // (2|n| + d) / 2d, truncated, is |n|/d rounded with halves going up, i.e. away from zero.
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return numerator < 0n ? -rounded : rounded;
}

/** The amounts of one line, by the rule of `roundHalfAwayFromZero`. */
export function priceLine(line: InvoiceLineInput): InvoiceLine {
  const subtotal = BigInt(line.quantity) * BigInt(line.unitAmountMinor);
  const tax = roundHalfAwayFromZero(subtotal * BigInt(line.taxRateBps), BPS_PER_UNIT);
  return {
    description: line.description,
    quantity: line.quantity,
    unitAmountMinor: line.unitAmountMinor,
    taxRateBps: line.taxRateBps,
    subtotalMinor: safe(subtotal, 'line subtotal'),
    taxMinor: safe(tax, 'line tax'),
    totalMinor: safe(subtotal + tax, 'line total'),
  };
}

/** Sums of the lines' own amounts: the invoice's tax is the sum of rounded line taxes. */
export function totalOf(lines: readonly InvoiceLine[]): InvoiceTotals {
  let subtotal = 0n;
  let tax = 0n;
  for (const line of lines) {
    subtotal += BigInt(line.subtotalMinor);
    tax += BigInt(line.taxMinor);
  }
  return {
    subtotalMinor: safe(subtotal, 'invoice subtotal'),
    taxMinor: safe(tax, 'invoice tax'),
    totalMinor: safe(subtotal + tax, 'invoice total'),
  };
}

function safe(amount: bigint, what: string): number {
  if (amount > MAX_SAFE || amount < -MAX_SAFE) throw new InvoiceAmountTooLargeError(what);
  return Number(amount);
}
