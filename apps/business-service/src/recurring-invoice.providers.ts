import type { Provider } from '@nestjs/common';
import { CreateRecurringInvoiceUseCase } from './application/create-recurring-invoice.use-case.js';
import { EndRecurringInvoiceUseCase } from './application/end-recurring-invoice.use-case.js';
import { GetRecurringInvoiceUseCase } from './application/get-recurring-invoice.use-case.js';
import { ListRecurringInvoicesUseCase } from './application/list-recurring-invoices.use-case.js';
import type { RecurringInvoiceUseCaseDeps } from './application/recurring-invoice-changes.js';
import { UpdateRecurringInvoiceUseCase } from './application/update-recurring-invoice.use-case.js';
import { OutboxUnitOfWork } from './infrastructure/secondary-adapters/outbox/outbox-unit-of-work.js';

/** The recurring invoice API's part of the composition root: its use cases on the unit of work. */
export const recurringInvoiceProviders: Provider[] = [
  CreateRecurringInvoiceUseCase,
  ListRecurringInvoicesUseCase,
  GetRecurringInvoiceUseCase,
  UpdateRecurringInvoiceUseCase,
  EndRecurringInvoiceUseCase,
].map((UseCase: new (deps: RecurringInvoiceUseCaseDeps) => object): Provider => ({
  provide: UseCase,
  inject: [OutboxUnitOfWork],
  useFactory: (unitOfWork: OutboxUnitOfWork) => new UseCase({ unitOfWork }),
}));
