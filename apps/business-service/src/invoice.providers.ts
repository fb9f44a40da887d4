import type { Provider } from '@nestjs/common';
import { CreateInvoiceUseCase } from './application/create-invoice.use-case.js';
import { DeleteInvoiceUseCase } from './application/delete-invoice.use-case.js';
import { GetInvoiceUseCase } from './application/get-invoice.use-case.js';
import type { InvoiceUseCaseDeps } from './application/invoice-changes.js';
import { IssueInvoiceUseCase } from './application/issue-invoice.use-case.js';
import { ListInvoicesUseCase } from './application/list-invoices.use-case.js';
import type { SummaryCacheInvalidation } from './application/ports/summary-cache.port.js';
import { UpdateInvoiceUseCase } from './application/update-invoice.use-case.js';
import { VoidInvoiceUseCase } from './application/void-invoice.use-case.js';
import { SUMMARY_CACHE } from './business-summary.providers.js';
import { OutboxUnitOfWork } from './infrastructure/secondary-adapters/outbox/outbox-unit-of-work.js';

const INVOICE_USE_CASE_DEPS = Symbol('InvoiceUseCaseDeps');

const useCase = (type: new (deps: InvoiceUseCaseDeps) => unknown): Provider => ({
  provide: type,
  inject: [INVOICE_USE_CASE_DEPS],
  useFactory: (deps: InvoiceUseCaseDeps) => new type(deps),
});

/** The invoices' part of the composition root: the use cases on the unit of work and the summary cache. */
export const invoiceProviders: Provider[] = [
  {
    provide: INVOICE_USE_CASE_DEPS,
    inject: [OutboxUnitOfWork, SUMMARY_CACHE],
    useFactory: (unitOfWork: OutboxUnitOfWork, summaryCache: SummaryCacheInvalidation): InvoiceUseCaseDeps => ({
      unitOfWork,
      summaryCache,
    }),
  },
  useCase(CreateInvoiceUseCase),
  useCase(ListInvoicesUseCase),
  useCase(GetInvoiceUseCase),
  useCase(UpdateInvoiceUseCase),
  useCase(DeleteInvoiceUseCase),
  useCase(IssueInvoiceUseCase),
  useCase(VoidInvoiceUseCase),
];
