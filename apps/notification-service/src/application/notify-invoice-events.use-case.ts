import type {
  InvoiceIssuedV1Contract,
  InvoiceIssuedV2Contract,
  InvoiceOverdueV1Contract,
  InvoicePaidV1Contract,
  InvoiceReminderDueV1Contract,
  InvoiceVoidedV1Contract,
  PaymentFailedV1Contract,
  PayloadOf,
} from '@platform/contracts';
import { getLogger } from '@platform/logging';
import { normaliseEmail } from '../domain/email-address.js';
import type { EventFacts } from './event-facts.js';
import { moneyView } from './money-view.js';
import type { EventTransaction } from './ports/notification-queue.port.js';
import type { KnownInvoice } from './ports/recipient-directory.port.js';
import { queueEmails, type EmailRequest, type QueuePolicy } from './queue-emails.js';

type Correspondence = Omit<KnownInvoice, 'customerEmail'> & { customerEmail: string };

const correspondenceOf = (payload: Correspondence): KnownInvoice => ({
  invoiceId: payload.invoiceId,
  businessId: payload.businessId,
  businessName: payload.businessName,
  number: payload.number,
  customerId: payload.customerId,
  customerName: payload.customerName,
  customerEmail: normaliseEmail(payload.customerEmail),
});

/** The e-mails of the invoice events: invoice, receipt and owner note, reminders, failed payments. */
export class NotifyInvoiceEventsUseCase {
  private readonly log = getLogger('NotifyInvoiceEvents');

  constructor(private readonly policy: QueuePolicy) {}

  /** `business.invoice.issued` v2: the invoice, to the customer; the invoice joins the read model. */
  async issued(payload: PayloadOf<typeof InvoiceIssuedV2Contract>, event: EventFacts, tx: EventTransaction) {
    const invoice = correspondenceOf(payload);
    await tx.directory.saveInvoice(invoice, new Date(payload.issuedAt));
    await queueEmails(tx.notifications, this.policy, event, [
      {
        template: 'invoice-issued',
        category: 'transactional',
        to: { email: invoice.customerEmail, name: payload.customerName },
        businessId: payload.businessId,
        data: {
          businessName: payload.businessName,
          customerName: payload.customerName,
          number: payload.number,
          dueDate: payload.dueDate,
          lines: payload.lines.map((line) => ({
            description: line.description,
            quantity: line.quantity,
            unitAmount: moneyView(line.unitAmount),
            total: moneyView(line.total),
          })),
          subtotal: moneyView(payload.subtotal),
          tax: moneyView(payload.tax),
          total: moneyView(payload.total),
        },
      },
    ]);
  }

  /** `business.invoice.issued` v1 (older publishers): number, address and total only. */
  async issuedV1(payload: PayloadOf<typeof InvoiceIssuedV1Contract>, event: EventFacts, tx: EventTransaction) {
    const invoice: KnownInvoice = {
      invoiceId: payload.invoiceId,
      businessId: payload.businessId,
      businessName: null,
      number: payload.number,
      customerId: null,
      customerName: null,
      customerEmail: normaliseEmail(payload.customerEmail),
    };
    await tx.directory.saveInvoice(invoice, new Date(payload.issuedAt));
    await queueEmails(tx.notifications, this.policy, event, [
      {
        template: 'invoice-issued',
        category: 'transactional',
        to: { email: invoice.customerEmail, name: null },
        businessId: payload.businessId,
        data: {
          number: payload.number,
          dueDate: payload.dueAt.slice(0, 10),
          total: moneyView(payload.total),
          lines: [],
        },
      },
    ]);
  }

  /**
   * `business.invoice.paid`: a receipt to the customer and a note to the business owner. The event
   * names neither, so both come from the read models (the invoice from its issued event, the
   * owner from business.business.created and the user's registration).
   */
  async paid(payload: PayloadOf<typeof InvoicePaidV1Contract>, event: EventFacts, tx: EventTransaction) {
    const invoice = await tx.directory.findInvoice(payload.invoiceId);
    const owner = await tx.directory.findOwner(payload.businessId);
    const data = {
      number: invoice?.number ?? null,
      businessName: invoice?.businessName ?? null,
      customerName: invoice?.customerName ?? null,
      amount: moneyView(payload.amount),
      paidAt: payload.paidAt,
    };
    const requests: EmailRequest[] = [];
    if (invoice) {
      requests.push({
        template: 'invoice-receipt',
        category: 'transactional',
        to: { email: invoice.customerEmail, name: invoice.customerName },
        businessId: payload.businessId,
        data,
      });
    } else {
      this.log.warn('paid invoice unknown here (issued before this service listened): no receipt', {
        invoiceId: payload.invoiceId,
        eventId: event.eventId,
      });
    }
    if (owner) {
      requests.push({
        template: 'invoice-paid-owner',
        category: 'transactional',
        to: { email: owner.email, name: owner.displayName, userId: owner.userId },
        businessId: payload.businessId,
        data: { ...data, ownerName: owner.displayName },
      });
    } else {
      this.log.warn("business owner's address unknown: no paid note", {
        businessId: payload.businessId,
        eventId: event.eventId,
      });
    }
    await queueEmails(tx.notifications, this.policy, event, requests);
  }

  /** `business.invoice.overdue` and `business.invoice.reminder-due`: a reminder (unsubscribable) to the customer. */
  async reminder(
    payload: PayloadOf<typeof InvoiceOverdueV1Contract> | PayloadOf<typeof InvoiceReminderDueV1Contract>,
    event: EventFacts,
    tx: EventTransaction,
  ) {
    const invoice = correspondenceOf(payload);
    const at = new Date('overdueAt' in payload ? payload.overdueAt : payload.remindedAt);
    await tx.directory.saveInvoice(invoice, at);
    await queueEmails(tx.notifications, this.policy, event, [
      {
        template: 'invoice-reminder',
        category: 'reminder',
        to: { email: invoice.customerEmail, name: payload.customerName },
        businessId: payload.businessId,
        data: {
          businessName: payload.businessName,
          customerName: payload.customerName,
          number: payload.number,
          dueDate: payload.dueDate,
          overdue: 'overdueAt' in payload || payload.offsetDays > 0,
          amountDue: moneyView(payload.amountDue),
          total: moneyView(payload.total),
        },
      },
    ]);
  }

  /** `business.payment.failed`: a note to the business owner. */
  async paymentFailed(payload: PayloadOf<typeof PaymentFailedV1Contract>, event: EventFacts, tx: EventTransaction) {
    await tx.directory.saveInvoice(correspondenceOf(payload), new Date(payload.failedAt));
    const owner = await tx.directory.findOwner(payload.businessId);
    if (!owner) {
      this.log.warn("business owner's address unknown: no payment-failed note", {
        businessId: payload.businessId,
        eventId: event.eventId,
      });
      return;
    }
    await queueEmails(tx.notifications, this.policy, event, [
      {
        template: 'payment-failed-owner',
        category: 'transactional',
        to: { email: owner.email, name: owner.displayName, userId: owner.userId },
        businessId: payload.businessId,
        data: {
          ownerName: owner.displayName,
          businessName: payload.businessName,
          customerName: payload.customerName,
          number: payload.number,
          amount: moneyView(payload.amount),
          reason: payload.reason,
        },
      },
    ]);
  }

  /** `business.invoice.voided`: no e-mail (a webhook only); the read model forgets it is due. */
  async voided(payload: PayloadOf<typeof InvoiceVoidedV1Contract>, tx: EventTransaction) {
    await tx.directory.markInvoiceVoided(payload.invoiceId, new Date(payload.voidedAt));
  }
}
