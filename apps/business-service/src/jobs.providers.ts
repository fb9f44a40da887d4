import type { Provider } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import { defineJob, type JobDefinition, type JobsModuleOptions } from '@platform/jobs';
import type { DataSource } from 'typeorm';
import { CreateRecurringPeriodInvoicesUseCase } from './application/create-recurring-period-invoices.use-case.js';
import { MarkOverdueInvoicesUseCase } from './application/mark-overdue-invoices.use-case.js';
import type { SummaryCacheInvalidation } from './application/ports/summary-cache.port.js';
import { ReconcilePendingPaymentsUseCase } from './application/reconcile-pending-payments.use-case.js';
import { SendInvoiceRemindersUseCase } from './application/send-invoice-reminders.use-case.js';
import { SUMMARY_CACHE } from './business-summary.providers.js';
import { BusinessConfig } from './business.config.js';
import { BUSINESS_JOB_NAMES, batchJob } from './infrastructure/primary-adapters/jobs/business-jobs.js';
import { businessRetentionJobs } from './infrastructure/primary-adapters/jobs/retention-jobs.js';
import { parseOffsetDays } from './jobs.config.js';
import { OutboxUnitOfWork } from './infrastructure/secondary-adapters/outbox/outbox-unit-of-work.js';

/** The scheduled jobs' use cases, on the unit of work (and the summary cache for new invoices). */
export const jobUseCaseProviders: Provider[] = [
  {
    provide: MarkOverdueInvoicesUseCase,
    inject: [OutboxUnitOfWork],
    useFactory: (unitOfWork: OutboxUnitOfWork) => new MarkOverdueInvoicesUseCase({ unitOfWork }),
  },
  {
    provide: SendInvoiceRemindersUseCase,
    inject: [OutboxUnitOfWork, BusinessConfig],
    useFactory: (unitOfWork: OutboxUnitOfWork, config: BusinessConfig) =>
      new SendInvoiceRemindersUseCase({ unitOfWork }, parseOffsetDays(config.JOBS_REMINDER_OFFSETS_DAYS)),
  },
  {
    provide: CreateRecurringPeriodInvoicesUseCase,
    inject: [OutboxUnitOfWork, SUMMARY_CACHE],
    useFactory: (unitOfWork: OutboxUnitOfWork, summaryCache: SummaryCacheInvalidation) =>
      new CreateRecurringPeriodInvoicesUseCase({ unitOfWork, summaryCache }),
  },
];

/**
 * The JobsModule options of the business-service. The use cases are looked up when a batch runs
 * (the runner starts once the application is up): JobsModule is built before AppModule's providers.
 */
export function businessJobsOptions(
  moduleRef: ModuleRef,
  config: BusinessConfig,
  dataSource: DataSource,
): JobsModuleOptions {
  const get = <T>(type: new (...args: never[]) => T): T => moduleRef.get(type, { strict: false });
  const jobs: JobDefinition<unknown>[] = [
    batchJob(
      BUSINESS_JOB_NAMES.overdue,
      config.JOBS_OVERDUE_EVERY_MS,
      (after, limit) => get(MarkOverdueInvoicesUseCase).batch(after, limit),
      () => get(MarkOverdueInvoicesUseCase).pending(),
    ),
    batchJob(
      BUSINESS_JOB_NAMES.reminders,
      config.JOBS_REMINDERS_EVERY_MS,
      (after, limit) => get(SendInvoiceRemindersUseCase).batch(after, limit),
      () => get(SendInvoiceRemindersUseCase).pending(),
    ),
    batchJob(
      BUSINESS_JOB_NAMES.recurring,
      config.JOBS_RECURRING_INVOICES_EVERY_MS,
      (after, limit) => get(CreateRecurringPeriodInvoicesUseCase).batch(after, limit),
      () => get(CreateRecurringPeriodInvoicesUseCase).pending(),
    ),
    defineJob<string>({
      name: BUSINESS_JOB_NAMES.reconciliation,
      everyMs: config.JOBS_RECONCILIATION_EVERY_MS,
      staleAfterMs: 3 * config.JOBS_RECONCILIATION_EVERY_MS,
      // Payments younger than the minimum age are left to their webhook.
      batch: ({ after, limit }) =>
        get(ReconcilePendingPaymentsUseCase).runBatch(
          after,
          limit,
          new Date(Date.now() - config.JOBS_RECONCILIATION_MIN_AGE_MS),
        ),
    }),
    ...businessRetentionJobs(dataSource, config),
  ] as JobDefinition<unknown>[];
  return { jobs, schedule: config.JOBS_ENABLED, runRetentionMs: config.RETENTION_JOB_RUNS_DAYS * 86_400_000 };
}
