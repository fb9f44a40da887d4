import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { gatewayIdentityProviders } from '@platform/identity';
import { IdempotentRequestsModule, MessagingModule, parseKafkaBrokers } from '@platform/messaging';
import { ModuleRef } from '@nestjs/core';
import { JobsModule } from '@platform/jobs';
import { DataSource } from 'typeorm';
import { businessJobsOptions, jobUseCaseProviders } from './jobs.providers.js';
import { recurringInvoiceProviders } from './recurring-invoice.providers.js';
import { AdminJobsHttpController } from './infrastructure/primary-adapters/http/admin-jobs.http.controller.js';
import { RecurringInvoicesHttpController } from './infrastructure/primary-adapters/http/recurring-invoices.http.controller.js';
import { BusinessConfig } from './business.config.js';
import { businessProviders } from './business.providers.js';
import { businessSummaryProviders } from './business-summary.providers.js';
import { businessHttpControllers } from './infrastructure/primary-adapters/http/business-http-controllers.js';
import { invoiceProviders } from './invoice.providers.js';
import { paymentProviders } from './payment.providers.js';
import { PaymentsHttpController } from './infrastructure/primary-adapters/http/payments.http.controller.js';
import { PaymentWebhooksHttpController } from './infrastructure/primary-adapters/http/payment-webhooks.http.controller.js';
import { InvoicesHttpController } from './infrastructure/primary-adapters/http/invoices.http.controller.js';
import { GetBusinessSummaryHttpController } from './infrastructure/primary-adapters/http/get-business-summary.http.controller.js';
import { UserRegisteredEventController } from './infrastructure/primary-adapters/events/user-registered.event.controller.js';
import { UserErasureRequestedEventController } from './infrastructure/primary-adapters/events/user-erasure-requested.event.controller.js';
import { businessDataSourceOptions } from './infrastructure/secondary-adapters/persistence/business-data-source.js';

/** The business-service: its database (migrations run at start-up), the outbox, the use cases and their adapters. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [BusinessConfig],
      useFactory: (config: BusinessConfig) => ({
        ...businessDataSourceOptions(config.DATABASE_URL),
        migrationsRun: true,
      }),
    }),
    // @IdempotentRoute(): a retry with the same Idempotency-Key gets the first answer (README of @platform/messaging).
    IdempotentRequestsModule.forRoot(),
    MessagingModule.forRootAsync({
      inject: [BusinessConfig],
      useFactory: (config: BusinessConfig) => ({
        service: 'business-service',
        brokers: parseKafkaBrokers(config.KAFKA_BROKERS),
      }),
    }),
    // The scheduled jobs on the shared runner (README "Scheduled jobs").
    JobsModule.forRootAsync({
      inject: [ModuleRef, BusinessConfig, DataSource],
      useFactory: (moduleRef: ModuleRef, config: BusinessConfig, dataSource: DataSource) =>
        businessJobsOptions(moduleRef, config, dataSource),
    }),
  ],
  controllers: [
    UserRegisteredEventController,
    UserErasureRequestedEventController,
    ...businessHttpControllers,
    GetBusinessSummaryHttpController,
    InvoicesHttpController,
    PaymentsHttpController,
    PaymentWebhooksHttpController,
    RecurringInvoicesHttpController,
    AdminJobsHttpController,
  ],
  providers: [
    ...businessProviders,
    ...businessSummaryProviders,
    ...invoiceProviders,
    ...paymentProviders,
    ...recurringInvoiceProviders,
    ...jobUseCaseProviders,
    ...gatewayIdentityProviders(BusinessConfig),
  ],
})
export class AppModule {}
