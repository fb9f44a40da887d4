import { getLogger } from '@platform/logging';
import type { Payment } from '../domain/payment.js';
import { applyProviderState, paymentClock, type PaymentUseCaseDeps } from './payment-settlement.js';

/** A provider event whose signature has been verified. */
export interface ProviderEventInput {
  provider: string;
  /** The provider's event id (`webhook-id`): each is applied once. */
  eventId: string;
  type: string;
  /** The provider's id of the payment the event is about. */
  providerPaymentId: string | null;
  /** Our payment id, as the reference we gave the provider (found even before we learnt its id). */
  reference: string | null;
  payload: unknown;
}

/** What became of an event: recorded and applied, a duplicate, or recorded for reconciliation to apply. */
export type ProviderEventResult = 'applied' | 'duplicate' | 'recorded' | 'unknown_payment';

/** An event durably recorded; `apply` brings its payment to the provider's current state (never throws). */
export interface RecordedProviderEvent {
  /** `duplicate` and `unknown_payment` need nothing more; `recorded` is applied by `apply`. */
  outcome: Exclude<ProviderEventResult, 'applied'>;
  apply(): Promise<ProviderEventResult>;
}

/**
 * Takes a provider event: records it (durably, once per event id), then applies it. Events may
 * come twice or out of order, so the event's own status is never trusted: the payment's CURRENT
 * state is asked from the provider and applied (pending → succeeded/failed, failed → succeeded;
 * a late `failed` never undoes a success). When the provider cannot be asked now, the event stays
 * recorded but unapplied: the reconciliation applies the payment's state later.
 */
export class ApplyProviderEventUseCase {
  private readonly log = getLogger('ApplyProviderEventUseCase');

  constructor(private readonly deps: PaymentUseCaseDeps) {}

  /** Records and applies, in one call. */
  async execute(input: ProviderEventInput): Promise<ProviderEventResult> {
    return (await this.record(input)).apply();
  }

  /**
   * Records the event in one transaction and returns how to apply it, so a webhook can be answered
   * as soon as the event is durable, without waiting for the provider lookup that applying needs.
   */
  async record(input: ProviderEventInput): Promise<RecordedProviderEvent> {
    const now = paymentClock(this.deps)();
    const { recorded, payment } = await this.deps.unitOfWork.run(async (tx) => {
      const recorded = await tx.providerEvents.record({
        provider: input.provider,
        eventId: input.eventId,
        type: input.type,
        providerPaymentId: input.providerPaymentId,
        payload: input.payload,
        receivedAt: now,
      });
      if (recorded.applied) return { recorded, payment: undefined };
      const payment = await this.paymentOf(
        input,
        (id) => tx.payments.findById(id),
        (pid) => tx.payments.findByProviderPaymentId(input.provider, pid),
      );
      // Not ours (another installation's, or forged upstream of the signature): kept, never applied.
      if (!payment) await tx.providerEvents.markApplied(input.provider, input.eventId, now);
      return { recorded, payment };
    });
    if (recorded.applied) return settled('duplicate');
    if (!payment) {
      this.log.warn('provider event for an unknown payment', { eventId: input.eventId, type: input.type });
      return settled('unknown_payment');
    }
    return { outcome: 'recorded', apply: () => this.applyToPayment(input, payment) };
  }

  private async applyToPayment(input: ProviderEventInput, payment: Payment): Promise<ProviderEventResult> {
    const provider = this.deps.provider;
    const providerPaymentId = payment.toState().providerPaymentId ?? input.providerPaymentId;
    if (!provider || !providerPaymentId) return 'recorded';
    try {
      const current = await provider.getPayment(providerPaymentId);
      await applyProviderState(this.deps, payment, current, (tx) =>
        tx.providerEvents.markApplied(input.provider, input.eventId, paymentClock(this.deps)()),
      );
      return 'applied';
    } catch (error) {
      // Recorded is enough for the provider (it got its 2xx): reconciliation asks again later.
      this.log.warn('provider event recorded, not applied yet', {
        eventId: input.eventId,
        paymentId: payment.id,
        error,
      });
      return 'recorded';
    }
  }

  private async paymentOf(
    input: ProviderEventInput,
    byId: (id: string) => Promise<Payment | undefined>,
    byProviderId: (providerPaymentId: string) => Promise<Payment | undefined>,
  ): Promise<Payment | undefined> {
    if (input.providerPaymentId) {
      const found = await byProviderId(input.providerPaymentId);
      if (found) return found;
    }
    return input.reference ? byId(input.reference) : undefined;
  }
}

const settled = (outcome: RecordedProviderEvent['outcome']): RecordedProviderEvent => ({
  outcome,
  apply: () => Promise.resolve(outcome),
});
