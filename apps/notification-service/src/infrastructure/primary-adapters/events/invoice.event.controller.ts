import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type {
  EventEnvelope,
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
import { QueueWebhookDeliveriesUseCase } from '../../../application/queue-webhook-deliveries.use-case.js';
import { eventTransaction } from '../../secondary-adapters/persistence/event-transactions.js';
import { PostgresWebhookDeliveryQueue } from '../../secondary-adapters/persistence/postgres-webhook-delivery-queue.js';

type Issued = EventOf<typeof InvoiceIssuedV1Contract> | EventOf<typeof InvoiceIssuedV2Contract>;

/** Invoice and payment events → the invoices read model, the customers' and owners' e-mails, the businesses' webhooks. */
@Controller()
export class InvoiceEventController {
  constructor(
    @Inject(NotifyInvoiceEventsUseCase) private readonly notify: NotifyInvoiceEventsUseCase,
    @Inject(QueueWebhookDeliveriesUseCase) private readonly webhooks: QueueWebhookDeliveriesUseCase,
  ) {}

  /** After the e-mails, in the same (inbox) transaction: the webhook deliveries of the event's business. */
  private async thenWebhooks(
    emails: Promise<void>,
    event: EventEnvelope<{ businessId: string }>,
    context: EventContext,
  ): Promise<void> {
    await emails;
    await this.webhooks.queue(
      factsOf(event),
      event.payload.businessId,
      event.payload,
      new PostgresWebhookDeliveryQueue(context.manager),
    );
  }

  @EventPattern<string>('business.invoice.issued')
  issued(@Payload() event: Issued, @Ctx() context: EventContext) {
    const tx = eventTransaction(context.manager);
    // The consumer validated the payload against the contract of the envelope's version.
    const emails =
      event.version === 1
        ? this.notify.issuedV1((event as EventOf<typeof InvoiceIssuedV1Contract>).payload, factsOf(event), tx)
        : this.notify.issued((event as EventOf<typeof InvoiceIssuedV2Contract>).payload, factsOf(event), tx);
    return this.thenWebhooks(emails, event, context);
  }

  @EventPattern<string>('business.invoice.paid')
  paid(@Payload() event: EventOf<typeof InvoicePaidV1Contract>, @Ctx() context: EventContext) {
    return this.thenWebhooks(
      this.notify.paid(event.payload, factsOf(event), eventTransaction(context.manager)),
      event,
      context,
    );
  }

  @EventPattern<string>('business.invoice.overdue')
  overdue(@Payload() event: EventOf<typeof InvoiceOverdueV1Contract>, @Ctx() context: EventContext) {
    return this.thenWebhooks(
      this.notify.reminder(event.payload, factsOf(event), eventTransaction(context.manager)),
      event,
      context,
    );
  }

  @EventPattern<string>('business.invoice.reminder-due')
  reminderDue(@Payload() event: EventOf<typeof InvoiceReminderDueV1Contract>, @Ctx() context: EventContext) {
    return this.thenWebhooks(
      this.notify.reminder(event.payload, factsOf(event), eventTransaction(context.manager)),
      event,
      context,
    );
  }

  @EventPattern<string>('business.payment.failed')
  paymentFailed(@Payload() event: EventOf<typeof PaymentFailedV1Contract>, @Ctx() context: EventContext) {
    return this.thenWebhooks(
      this.notify.paymentFailed(event.payload, factsOf(event), eventTransaction(context.manager)),
      event,
      context,
    );
  }

  @EventPattern<string>('business.invoice.voided')
  voided(@Payload() event: EventOf<typeof InvoiceVoidedV1Contract>, @Ctx() context: EventContext) {
    return this.thenWebhooks(this.notify.voided(event.payload, eventTransaction(context.manager)), event, context);
  }
}
