import type { Provider } from '@nestjs/common';
import { redisConnection } from '@platform/tls';
import { DataSource } from 'typeorm';
import { GetBusinessSummaryUseCase } from './application/get-business-summary.use-case.js';
import type { SummaryCache } from './application/ports/summary-cache.port.js';
import { BusinessConfig } from './business.config.js';
import { RedisSummaryCache } from './infrastructure/secondary-adapters/cache/redis-summary-cache.js';
import { UncachedSummaries } from './infrastructure/secondary-adapters/cache/uncached-summary-cache.js';
import { PostgresBusinessRoles } from './infrastructure/secondary-adapters/persistence/postgres-business-roles.js';
import { PostgresBusinessSummaries } from './infrastructure/secondary-adapters/persistence/postgres-business-summary.js';

/**
 * Injection token of the SummaryCache (a SummaryCacheInvalidation too): use cases that change
 * invoices inject it and call `invalidate(businessId)` after their commit.
 */
export const SUMMARY_CACHE = Symbol('SummaryCache');

/** The summary's part of the composition root: the cache (Redis with REDIS_URL, else none) and the use case. */
export const businessSummaryProviders: Provider[] = [
  {
    provide: SUMMARY_CACHE,
    inject: [BusinessConfig],
    useFactory: (config: BusinessConfig): SummaryCache =>
      config.REDIS_URL
        ? new RedisSummaryCache(redisConnection(config.REDIS_URL, config.REDIS_CA_FILE))
        : new UncachedSummaries(),
  },
  {
    provide: GetBusinessSummaryUseCase,
    inject: [DataSource, SUMMARY_CACHE],
    // Reads, outside any transaction: the tenant check and the aggregate are one statement each.
    useFactory: (dataSource: DataSource, cache: SummaryCache) =>
      new GetBusinessSummaryUseCase(
        new PostgresBusinessRoles(dataSource.manager),
        new PostgresBusinessSummaries(dataSource.manager),
        cache,
      ),
  },
];
