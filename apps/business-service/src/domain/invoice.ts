import { isISO4217CurrencyCode } from 'class-validator';
import { priceLine, totalOf, type InvoiceLine, type InvoiceLineInput } from './invoice-amounts.js';
import { InvalidInvoiceError, InvoiceNotDraftError, InvoiceTransitionError } from './invoice.errors.js';

export type { InvoiceLine, InvoiceLineInput } from './invoice-amounts.js';

/** Where an invoice is in its life. */
export const INVOICE_STATUSES = ['draft', 'issued', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/**
 * The state machine: a draft is issued (and gets its number), an issued invoice is paid or voided;
 * paid and void are final. Edits and deletion are not transitions: only a draft allows them.
 */
const TRANSITIONS: Record<InvoiceStatus, readonly InvoiceStatus[]> = {
  draft: ['issued'],
  issued: ['paid', 'void'],
  paid: [],
  void: [],
};

/** Whether the state machine allows `from` → `to`. */
export function canTransition(from: InvoiceStatus, to: InvoiceStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export const MAX_LINES = 100;
export const MAX_QUANTITY = 1_000_000;
export const MAX_UNIT_AMOUNT_MINOR = 100_000_000_000;
export const MAX_TAX_RATE_BPS = 10_000;
export const MAX_DESCRIPTION_LENGTH = 500;
export const MAX_VOID_REASON_LENGTH = 500;

/** Everything an invoice is, as stored. */
export interface InvoiceState {
  /** UUID v7. */
  id: string;
  businessId: string;
  customerId: string;
  /** `<prefix>-<year>-<seq>`; null while a draft, kept when voided. */
  number: string | null;
  status: InvoiceStatus;
  /** ISO 4217, one per invoice. */
  currency: string;
  /** A calendar day, `YYYY-MM-DD`. */
  dueDate: string;
  lines: readonly InvoiceLine[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  issuedAt: Date | null;
  voidedAt: Date | null;
  voidReason: string | null;
  /** The sum of its succeeded payments, in minor units (may exceed the total: an overpayment). */
  paidMinor: number;
  /** When the overdue job marked it (issued past its due date, still `issued`); null otherwise. */
  overdueAt: Date | null;
  /** 1 for a new draft, +1 on every change: the optimistic-concurrency token. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What a new draft is made of. */
export interface NewDraft {
  id: string;
  businessId: string;
  customerId: string;
  currency: string;
  dueDate: string;
  lines: readonly InvoiceLineInput[];
}

/** Changes to a draft: a field left out stays as it is; `lines` replaces every line. */
export interface DraftChanges {
  customerId?: string;
  currency?: string;
  dueDate?: string;
  lines?: readonly InvoiceLineInput[];
}

/**
 * The invoice aggregate. Immutable: every change returns a new Invoice whose version is one more,
 * so the repository can write it only over the version it was read at.
 */
export class Invoice {
  private constructor(private readonly state: Readonly<InvoiceState>) {}

  /** A new draft at version 1; no number. */
  static draft(input: NewDraft, now: Date): Invoice {
    const lines = priceLines(input.lines);
    return new Invoice({
      id: input.id,
      businessId: input.businessId,
      customerId: input.customerId,
      number: null,
      status: 'draft',
      currency: checkCurrency(input.currency),
      dueDate: checkDueDate(input.dueDate),
      lines,
      ...totalOf(lines),
      issuedAt: null,
      voidedAt: null,
      voidReason: null,
      paidMinor: 0,
      overdueAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
  }

  /** An invoice as the repository stored it; amounts are taken as stored, not recomputed. */
  static restore(state: InvoiceState): Invoice {
    return new Invoice({ ...state, lines: [...state.lines] });
  }

  get id(): string {
    return this.state.id;
  }
  get businessId(): string {
    return this.state.businessId;
  }
  get customerId(): string {
    return this.state.customerId;
  }
  get status(): InvoiceStatus {
    return this.state.status;
  }
  get version(): number {
    return this.state.version;
  }
  get number(): string | null {
    return this.state.number;
  }

  /** A copy of the whole state, for repositories and answers. */
  toState(): InvoiceState {
    return { ...this.state, lines: [...this.state.lines] };
  }

  /** The draft with `changes` applied. Only a draft can be edited. */
  edit(changes: DraftChanges, now: Date): Invoice {
    if (this.state.status !== 'draft') throw new InvoiceNotDraftError(this.state.id, this.state.status, 'edit');
    const lines = changes.lines === undefined ? this.state.lines : priceLines(changes.lines);
    return this.next(
      {
        customerId: changes.customerId ?? this.state.customerId,
        currency: changes.currency === undefined ? this.state.currency : checkCurrency(changes.currency),
        dueDate: changes.dueDate === undefined ? this.state.dueDate : checkDueDate(changes.dueDate),
        lines,
        ...totalOf(lines),
      },
      now,
    );
  }

  /** Refuses unless the invoice may be deleted: drafts only (an issued invoice is voided instead). */
  assertDeletable(): void {
    if (this.state.status !== 'draft') throw new InvoiceNotDraftError(this.state.id, this.state.status, 'delete');
  }

  /** draft → issued, with the number taken for it and the issue instant. */
  issue(number: string, now: Date): Invoice {
    this.assertTransition('issued');
    if (number.length === 0) throw new InvalidInvoiceError('number', 'An issued invoice needs a number.');
    return this.next({ status: 'issued', number, issuedAt: now }, now);
  }

  /** issued → void; the number stays, and the reason (optional) is kept. */
  void(reason: string | undefined, now: Date): Invoice {
    this.assertTransition('void');
    const trimmed = reason?.trim();
    if (trimmed !== undefined && [...trimmed].length > MAX_VOID_REASON_LENGTH) {
      throw new InvalidInvoiceError('reason', `A void reason has at most ${MAX_VOID_REASON_LENGTH} characters.`);
    }
    return this.next({ status: 'void', voidedAt: now, voidReason: trimmed || null }, now);
  }

  /** What is still owed: the total less the succeeded payments, never below 0. */
  amountDueMinor(): number {
    return Math.max(0, this.state.totalMinor - this.state.paidMinor);
  }

  /**
   * A succeeded payment of `amountMinor` added to `paidMinor`; an issued invoice that is now
   * covered becomes paid. A payment that succeeds late (the payer retried) is still counted on a
   * paid or void invoice: the money arrived, the books must say so.
   */
  recordPayment(amountMinor: number, now: Date): Invoice {
    if (this.state.status === 'draft') throw new InvoiceTransitionError(this.state.id, 'draft', 'paid');
    const paid = this.next({ paidMinor: this.state.paidMinor + amountMinor }, now);
    if (this.state.status !== 'issued' || paid.amountDueMinor() > 0) return paid;
    return Invoice.restore({ ...paid.toState(), status: 'paid' });
  }

  /** issued → paid; recorded by payments (next issue), no route of its own. */
  markPaid(now: Date): Invoice {
    this.assertTransition('paid');
    return this.next({ status: 'paid' }, now);
  }

  /** Whether the overdue job is to mark it on `today` (UTC day): issued, due before today, not marked yet. */
  isOverdueOn(today: string): boolean {
    return this.state.status === 'issued' && this.state.dueDate < today && this.state.overdueAt === null;
  }

  /** The issued invoice marked overdue at `now`; the status stays `issued`. Only once. */
  markOverdue(today: string, now: Date): Invoice {
    if (!this.isOverdueOn(today)) throw new InvoiceTransitionError(this.state.id, this.state.status, 'overdue');
    return this.next({ overdueAt: now }, now);
  }

  /** Refuses unless the state machine allows this invoice to become `to` (checked before costly work, e.g. taking a number). */
  assertTransition(to: InvoiceStatus): void {
    if (!canTransition(this.state.status, to)) throw new InvoiceTransitionError(this.state.id, this.state.status, to);
  }

  private next(changes: Partial<InvoiceState>, now: Date): Invoice {
    return new Invoice({ ...this.state, ...changes, version: this.state.version + 1, updatedAt: now });
  }
}

function priceLines(lines: readonly InvoiceLineInput[]): InvoiceLine[] {
  if (lines.length < 1 || lines.length > MAX_LINES) {
    throw new InvalidInvoiceError('lines', `An invoice has 1 to ${MAX_LINES} lines.`);
  }
  return lines.map((line, index) => priceLine(checkLine(line, `lines[${index}]`)));
}

function checkLine(line: InvoiceLineInput, path: string): InvoiceLineInput {
  const description = line.description.trim();
  if (description.length === 0 || [...description].length > MAX_DESCRIPTION_LENGTH) {
    throw new InvalidInvoiceError(
      `${path}.description`,
      `A line description has 1 to ${MAX_DESCRIPTION_LENGTH} characters.`,
    );
  }
  integerIn(line.quantity, 1, MAX_QUANTITY, `${path}.quantity`);
  integerIn(line.unitAmountMinor, 0, MAX_UNIT_AMOUNT_MINOR, `${path}.unitAmountMinor`);
  integerIn(line.taxRateBps, 0, MAX_TAX_RATE_BPS, `${path}.taxRateBps`);
  return { ...line, description };
}

function integerIn(value: number, min: number, max: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new InvalidInvoiceError(field, `${field} must be an integer from ${min} to ${max}.`);
  }
}

function checkCurrency(currency: string): string {
  // The event contracts check ISO 4217 the same way: an invoice they would refuse is refused here.
  if (!/^[A-Z]{3}$/.test(currency) || !isISO4217CurrencyCode(currency)) {
    throw new InvalidInvoiceError('currency', `${currency} is not an ISO 4217 currency code.`);
  }
  return currency;
}

function checkDueDate(dueDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dueDate);
  const day = match ? new Date(`${dueDate}T00:00:00.000Z`) : undefined;
  // Year 0 is a calendar date to RFC 3339 but not to PostgreSQL's `date`.
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== dueDate || dueDate < '0001') {
    throw new InvalidInvoiceError('dueDate', 'dueDate must be a calendar day YYYY-MM-DD.');
  }
  return dueDate;
}
