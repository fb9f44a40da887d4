import type { Provider } from '@nestjs/common';
import { ApplyProviderEventUseCase } from './application/apply-provider-event.use-case.js';
import { ListPaymentsUseCase } from './application/list-payments.use-case.js';
import type { PaymentUseCaseDeps } from './application/payment-settlement.js';
import type { SummaryCacheInvalidation } from './application/ports/summary-cache.port.js';
import { ReconcilePendingPaymentsUseCase } from './application/reconcile-pending-payments.use-case.js';
import { RecordManualPaymentUseCase } from './application/record-manual-payment.use-case.js';
import { StartPaymentUseCase } from './application/start-payment.use-case.js';
import { BusinessConfig } from './business.config.js';
import { SUMMARY_CACHE } from './business-summary.providers.js';
import { PAYMENT_WEBHOOK_SECRET } from './infrastructure/primary-adapters/http/payment-webhooks.http.controller.js';
import { SandboxPaymentProvider } from './infrastructure/secondary-adapters/http/sandbox-payment-provider.js';
import { PrometheusPaymentMetrics } from './infrastructure/secondary-adapters/metrics/payment.metrics.js';
import { OutboxUnitOfWork } from './infrastructure/secondary-adapters/outbox/outbox-unit-of-work.js';
import { OtelPaymentTraces } from './infrastructure/secondary-adapters/tracing/otel-payment-traces.js';

const PAYMENT_USE_CASE_DEPS = Symbol('PaymentUseCaseDeps');

const useCase = (type: new (deps: PaymentUseCaseDeps) => unknown): Provider => ({
  provide: type,
  inject: [PAYMENT_USE_CASE_DEPS],
  useFactory: (deps: PaymentUseCaseDeps) => new type(deps),
});

/** The payment provider of the configuration; undefined when PAYMENT_PROVIDER_* are unset (all or none). */
export function paymentProviderOf(config: BusinessConfig): SandboxPaymentProvider | undefined {
  if (!config.PAYMENT_PROVIDER_URL || !config.PAYMENT_PROVIDER_CLIENT_ID || !config.PAYMENT_PROVIDER_CLIENT_SECRET) {
    return undefined;
  }
  return new SandboxPaymentProvider({
    baseUrl: config.PAYMENT_PROVIDER_URL,
    clientId: config.PAYMENT_PROVIDER_CLIENT_ID,
    clientSecret: config.PAYMENT_PROVIDER_CLIENT_SECRET,
    timeoutMs: config.PAYMENT_PROVIDER_TIMEOUT_MS,
  });
}

/** The payments' part of the composition root. */
export const paymentProviders: Provider[] = [
  {
    provide: PAYMENT_USE_CASE_DEPS,
    inject: [BusinessConfig, OutboxUnitOfWork, SUMMARY_CACHE],
    useFactory: (
      config: BusinessConfig,
      unitOfWork: OutboxUnitOfWork,
      summaryCache: SummaryCacheInvalidation,
    ): PaymentUseCaseDeps => ({
      unitOfWork,
      summaryCache,
      provider: paymentProviderOf(config),
      webhookUrl: config.PAYMENT_WEBHOOK_URL,
      metrics: new PrometheusPaymentMetrics(),
      traces: new OtelPaymentTraces(),
    }),
  },
  {
    provide: PAYMENT_WEBHOOK_SECRET,
    inject: [BusinessConfig],
    useFactory: (c: BusinessConfig) => c.PAYMENT_WEBHOOK_SECRET,
  },
  useCase(StartPaymentUseCase),
  useCase(ListPaymentsUseCase),
  useCase(RecordManualPaymentUseCase),
  useCase(ApplyProviderEventUseCase),
  useCase(ReconcilePendingPaymentsUseCase),
];
