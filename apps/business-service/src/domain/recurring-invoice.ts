import { addDays, addMonths, isCalendarDay } from './calendar-day.js';
import { Invoice, type InvoiceLineInput } from './invoice.js';
import { InvalidInvoiceError } from './invoice.errors.js';
import { InvalidRecurringInvoiceError, RecurringInvoiceEndedError } from './recurring-invoice.errors.js';

/** How often a schedule invoices. */
export const RECURRING_CADENCES = ['monthly', 'weekly'] as const;
export type RecurringCadence = (typeof RECURRING_CADENCES)[number];

/** active: invoices each period; paused: skips periods until resumed; ended: final. */
export const RECURRING_STATUSES = ['active', 'paused', 'ended'] as const;
export type RecurringStatus = (typeof RECURRING_STATUSES)[number];

export const MAX_PAYMENT_TERM_DAYS = 365;

/** Everything a recurring invoice schedule is, as stored. */
export interface RecurringInvoiceState {
  /** UUID v7. */
  id: string;
  businessId: string;
  customerId: string;
  /** ISO 4217: every invoice of the schedule is in it. */
  currency: string;
  lines: readonly InvoiceLineInput[];
  cadence: RecurringCadence;
  /** Day of the month a monthly schedule keeps to (the day of its first date; the month's last when shorter). */
  anchorDay: number;
  /** The next period to invoice, a calendar day `YYYY-MM-DD`. */
  nextDate: string;
  /** Issue each period's invoice (number, `business.invoice.issued`), or leave it a draft. */
  autoIssue: boolean;
  /** The invoice of a period is due this many days after the period's date. */
  paymentTermDays: number;
  status: RecurringStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What a new schedule is made of. */
export interface NewRecurringInvoice {
  id: string;
  businessId: string;
  customerId: string;
  currency: string;
  lines: readonly InvoiceLineInput[];
  cadence: RecurringCadence;
  startDate: string;
  autoIssue: boolean;
  paymentTermDays: number;
}

/** Changes to a schedule; a field left out stays as it is. */
export interface RecurringInvoiceChanges {
  customerId?: string;
  lines?: readonly InvoiceLineInput[];
  cadence?: RecurringCadence;
  /** Moves the next period (and, monthly, the anchor day). */
  nextDate?: string;
  autoIssue?: boolean;
  paymentTermDays?: number;
  status?: 'active' | 'paused';
}

/** What the invoice of one period is made of. */
export interface PeriodInvoice {
  periodDate: string;
  dueDate: string;
}

/**
 * A recurring invoice schedule. Immutable, like Invoice. The job invoices the period `nextDate`
 * and then `advance`s it; the period's row (schedule, period date) is what makes it once.
 */
export class RecurringInvoice {
  private constructor(private readonly state: Readonly<RecurringInvoiceState>) {}

  /** A new active schedule whose first period is `startDate`. */
  static create(input: NewRecurringInvoice, now: Date): RecurringInvoice {
    const startDate = checkDay(input.startDate, 'startDate');
    return new RecurringInvoice({
      id: input.id,
      businessId: input.businessId,
      customerId: input.customerId,
      currency: input.currency,
      lines: checkLines(input.businessId, input.customerId, input.currency, input.lines),
      cadence: checkCadence(input.cadence),
      anchorDay: Number(startDate.slice(8, 10)),
      nextDate: startDate,
      autoIssue: input.autoIssue,
      paymentTermDays: checkTerm(input.paymentTermDays),
      status: 'active',
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
  }

  /** A schedule as the repository stored it. */
  static restore(state: RecurringInvoiceState): RecurringInvoice {
    return new RecurringInvoice({ ...state, lines: [...state.lines] });
  }

  get id(): string {
    return this.state.id;
  }
  get businessId(): string {
    return this.state.businessId;
  }
  get status(): RecurringStatus {
    return this.state.status;
  }
  get nextDate(): string {
    return this.state.nextDate;
  }

  toState(): RecurringInvoiceState {
    return { ...this.state, lines: [...this.state.lines] };
  }

  /**
   * The schedule with `changes`. Resuming a paused schedule whose next date has passed moves it to
   * the first period on or after `today`: the periods of the pause are skipped, not billed.
   */
  change(changes: RecurringInvoiceChanges, today: string, now: Date): RecurringInvoice {
    if (this.state.status === 'ended') throw new RecurringInvoiceEndedError(this.state.id);
    const customerId = changes.customerId ?? this.state.customerId;
    const lines =
      changes.lines === undefined
        ? this.state.lines
        : checkLines(this.state.businessId, customerId, this.state.currency, changes.lines);
    const nextDate = changes.nextDate === undefined ? this.state.nextDate : checkDay(changes.nextDate, 'nextDate');
    let next = this.next(
      {
        customerId,
        lines,
        cadence: changes.cadence === undefined ? this.state.cadence : checkCadence(changes.cadence),
        nextDate,
        anchorDay: changes.nextDate === undefined ? this.state.anchorDay : Number(nextDate.slice(8, 10)),
        autoIssue: changes.autoIssue ?? this.state.autoIssue,
        paymentTermDays:
          changes.paymentTermDays === undefined ? this.state.paymentTermDays : checkTerm(changes.paymentTermDays),
        status: changes.status ?? this.state.status,
      },
      now,
    );
    if (this.state.status === 'paused' && changes.status === 'active' && changes.nextDate === undefined) {
      next = next.skipTo(today, now);
    }
    return next;
  }

  /** paused|active → ended: final, no more invoices. */
  end(now: Date): RecurringInvoice {
    if (this.state.status === 'ended') throw new RecurringInvoiceEndedError(this.state.id);
    return this.next({ status: 'ended' }, now);
  }

  /** Whether the period `nextDate` is to be invoiced by `today`. */
  isDue(today: string): boolean {
    return this.state.status === 'active' && this.state.nextDate <= today;
  }

  /** The invoice of the current period: its date and due date. */
  currentPeriod(): PeriodInvoice {
    return { periodDate: this.state.nextDate, dueDate: addDays(this.state.nextDate, this.state.paymentTermDays) };
  }

  /** The schedule moved on to its next period, once the current one is invoiced. */
  advance(now: Date): RecurringInvoice {
    return this.next({ nextDate: this.periodAfter(this.state.nextDate) }, now);
  }

  private skipTo(today: string, now: Date): RecurringInvoice {
    let nextDate = this.state.nextDate;
    while (nextDate < today) nextDate = this.periodAfter(nextDate);
    return new RecurringInvoice({ ...this.state, nextDate, updatedAt: now });
  }

  private periodAfter(day: string): string {
    return this.state.cadence === 'weekly' ? addDays(day, 7) : addMonths(day, 1, this.state.anchorDay);
  }

  private next(changes: Partial<RecurringInvoiceState>, now: Date): RecurringInvoice {
    return new RecurringInvoice({ ...this.state, ...changes, version: this.state.version + 1, updatedAt: now });
  }
}

// The lines and currency follow the invoice's own rules: a draft is built from them as a probe, so
// a schedule that could not make its invoice is refused when it is written, not at the first period.
function checkLines(
  businessId: string,
  customerId: string,
  currency: string,
  lines: readonly InvoiceLineInput[],
): InvoiceLineInput[] {
  try {
    Invoice.draft(
      { id: '00000000-0000-7000-8000-000000000000', businessId, customerId, currency, dueDate: '2000-01-01', lines },
      new Date(0),
    );
  } catch (error) {
    if (error instanceof InvalidInvoiceError) {
      const field = String(error.details?.['field'] ?? 'lines');
      throw new InvalidRecurringInvoiceError(field, error.message);
    }
    throw error;
  }
  return lines.map((line) => ({ ...line, description: line.description.trim() }));
}

function checkDay(day: string, field: string): string {
  if (!isCalendarDay(day)) throw new InvalidRecurringInvoiceError(field, `${field} must be a calendar day YYYY-MM-DD.`);
  return day;
}

function checkCadence(cadence: string): RecurringCadence {
  if (!(RECURRING_CADENCES as readonly string[]).includes(cadence)) {
    throw new InvalidRecurringInvoiceError('cadence', `cadence is one of ${RECURRING_CADENCES.join(', ')}.`);
  }
  return cadence as RecurringCadence;
}

function checkTerm(days: number): number {
  if (!Number.isSafeInteger(days) || days < 0 || days > MAX_PAYMENT_TERM_DAYS) {
    throw new InvalidRecurringInvoiceError(
      'paymentTermDays',
      `paymentTermDays is an integer from 0 to ${MAX_PAYMENT_TERM_DAYS}.`,
    );
  }
  return days;
}
