import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type {
  EventOf,
  InvoiceIssuedV1Contract,
  InvoiceIssuedV2Contract,
  InvoiceOverdueV1Contract,
  InvoicePaidV1Contract,
  InvoiceReminderDueV1Contract,
  InvoiceVoidedV1Contract,
  PaymentFailedV1Contract,
} from '@platform/contracts';
import { EventContext } from '@platform/messaging';
import { factsOf } from '../../../application/event-facts.js';
import { NotifyInvoiceEventsUseCase } from '../../../application/notify-invoice-events.use-case.js';
import { eventTransaction } from '../../secondary-adapters/persistence/event-transactions.js';

type Issued = EventOf<typeof InvoiceIssuedV1Contract> | EventOf<typeof InvoiceIssuedV2Contract>;

/** Invoice and payment events → the invoices read model and the customers' and owners' e-mails. */
@Controller()
export class InvoiceEventController {
  constructor(@Inject(NotifyInvoiceEventsUseCase) private readonly notify: NotifyInvoiceEventsUseCase) {}

  @EventPattern<string>('business.invoice.issued')
  issued(@Payload() event: Issued, @Ctx() context: EventContext) {
    const tx = eventTransaction(context.manager);
    // The consumer validated the payload against the contract of the envelope's version.
    return event.version === 1
      ? this.notify.issuedV1((event as EventOf<typeof InvoiceIssuedV1Contract>).payload, factsOf(event), tx)
      : this.notify.issued((event as EventOf<typeof InvoiceIssuedV2Contract>).payload, factsOf(event), tx);
  }

  @EventPattern<string>('business.invoice.paid')
  paid(@Payload() event: EventOf<typeof InvoicePaidV1Contract>, @Ctx() context: EventContext) {
    return this.notify.paid(event.payload, factsOf(event), eventTransaction(context.manager));
  }

  @EventPattern<string>('business.invoice.overdue')
  overdue(@Payload() event: EventOf<typeof InvoiceOverdueV1Contract>, @Ctx() context: EventContext) {
    return this.notify.reminder(event.payload, factsOf(event), eventTransaction(context.manager));
  }

  @EventPattern<string>('business.invoice.reminder-due')
  reminderDue(@Payload() event: EventOf<typeof InvoiceReminderDueV1Contract>, @Ctx() context: EventContext) {
    return this.notify.reminder(event.payload, factsOf(event), eventTransaction(context.manager));
  }

  @EventPattern<string>('business.payment.failed')
  paymentFailed(@Payload() event: EventOf<typeof PaymentFailedV1Contract>, @Ctx() context: EventContext) {
    return this.notify.paymentFailed(event.payload, factsOf(event), eventTransaction(context.manager));
  }

  @EventPattern<string>('business.invoice.voided')
  voided(@Payload() event: EventOf<typeof InvoiceVoidedV1Contract>, @Ctx() context: EventContext) {
    return this.notify.voided(event.payload, eventTransaction(context.manager));
  }
}
