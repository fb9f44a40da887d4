import { InvoiceNotFoundError } from '../domain/invoice.errors.js';
import { requireAccess, type Actor } from './business-access.js';
import type { PaymentUseCaseDeps, PaymentView } from './payment-settlement.js';

export interface ListPaymentsInput {
  actor: Actor;
  businessId: string;
  invoiceId: string;
}

/** The payments of an invoice, oldest first, in every status. Any member may read them. */
export class ListPaymentsUseCase {
  constructor(private readonly deps: PaymentUseCaseDeps) {}

  execute(input: ListPaymentsInput): Promise<PaymentView[]> {
    return this.deps.unitOfWork.run(async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'business:read');
      const invoice = await tx.invoices.find(input.businessId, input.invoiceId);
      if (!invoice) throw new InvoiceNotFoundError(input.invoiceId);
      const payments = await tx.payments.listOfInvoice(input.businessId, input.invoiceId);
      return payments.map((payment) => payment.toState());
    });
  }
}
