import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { redisConnection } from '@platform/tls';
import { GatewayConfig } from './gateway.config.js';
import {
  ACCESS_TOKEN_VERIFIER,
  AccessTokenGuard,
  TOKEN_REVOCATIONS,
} from './infrastructure/primary-adapters/http/access-token.guard.js';
import {
  AccountHttpController,
  AdminHttpController,
  AuthHttpController,
} from './infrastructure/primary-adapters/http/auth.http.controller.js';
import { BusinessesHttpController } from './infrastructure/primary-adapters/http/businesses.http.controller.js';
import { CustomersHttpController } from './infrastructure/primary-adapters/http/customers.http.controller.js';
import { DeprecationInterceptor } from './infrastructure/primary-adapters/http/deprecation.js';
import { InvoicesHttpController } from './infrastructure/primary-adapters/http/invoices.http.controller.js';
import { MembersHttpController } from './infrastructure/primary-adapters/http/members.http.controller.js';
import {
  BusinessNotificationsHttpController,
  MyNotificationsHttpController,
  UnsubscribeHttpController,
} from './infrastructure/primary-adapters/http/notifications.http.controller.js';
import { AdminJobsHttpController } from './infrastructure/primary-adapters/http/admin-jobs.http.controller.js';
import { RecurringInvoicesHttpController } from './infrastructure/primary-adapters/http/recurring-invoices.http.controller.js';
import { WebhookEndpointsHttpController } from './infrastructure/primary-adapters/http/webhook-endpoints.http.controller.js';
import {
  PaymentsHttpController,
  PaymentWebhooksHttpController,
} from './infrastructure/primary-adapters/http/payments.http.controller.js';
import {
  RATE_LIMIT_RULES,
  RATE_LIMIT_STORE,
  RateLimitGuard,
  type RateLimitRules,
} from './infrastructure/primary-adapters/http/rate-limit.guard.js';
import { MemoryRateLimitStore } from './infrastructure/secondary-adapters/rate-limit/memory-rate-limit.store.js';
import type { RateLimitStore } from './infrastructure/secondary-adapters/rate-limit/rate-limit-store.js';
import { RedisRateLimitStore } from './infrastructure/secondary-adapters/rate-limit/redis-rate-limit.store.js';
import { IDEMPOTENCY_STORE, UpstreamForwarder } from './infrastructure/primary-adapters/http/upstream-forwarder.js';
import type { IdempotencyStore } from './infrastructure/secondary-adapters/idempotency/idempotency-store.js';
import { MemoryIdempotencyStore } from './infrastructure/secondary-adapters/idempotency/memory-idempotency.store.js';
import { RedisIdempotencyStore } from './infrastructure/secondary-adapters/idempotency/redis-idempotency.store.js';
import { jwksAccessTokenVerifier } from './infrastructure/secondary-adapters/jwks-access-token-verifier.js';
import { MemoryRevokedSessionsStore } from './infrastructure/secondary-adapters/revocation/memory-revoked-sessions.store.js';
import { RedisRevokedSessionsStore } from './infrastructure/secondary-adapters/revocation/redis-revoked-sessions.store.js';
import { RevocationFeed } from './infrastructure/secondary-adapters/revocation/revocation-feed.js';
import {
  REVOKED_SESSIONS_STORE,
  type RevokedSessionsStore,
} from './infrastructure/secondary-adapters/revocation/revoked-sessions-store.js';
import { TokenRevocations } from './infrastructure/secondary-adapters/revocation/token-revocations.js';
import { Upstreams } from './infrastructure/secondary-adapters/upstreams.js';

/** The public entry: verifies access tokens, forwards /v1 routes to the services. */
@Module({
  controllers: [
    AuthHttpController,
    AccountHttpController,
    AdminHttpController,
    BusinessesHttpController,
    MembersHttpController,
    CustomersHttpController,
    InvoicesHttpController,
    PaymentsHttpController,
    PaymentWebhooksHttpController,
    RecurringInvoicesHttpController,
    AdminJobsHttpController,
    WebhookEndpointsHttpController,
    MyNotificationsHttpController,
    BusinessNotificationsHttpController,
    UnsubscribeHttpController,
  ],
  providers: [
    { provide: Upstreams, inject: [GatewayConfig], useFactory: (config: GatewayConfig) => new Upstreams(config) },
    {
      provide: ACCESS_TOKEN_VERIFIER,
      inject: [GatewayConfig],
      useFactory: (config: GatewayConfig) =>
        jwksAccessTokenVerifier({
          authServiceUrl: config.AUTH_SERVICE_URL,
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          timeoutMs: config.UPSTREAM_TIMEOUT_MS,
          cooldownSeconds: config.JWKS_COOLDOWN_SECONDS,
        }),
    },
    // Revoked sessions: learnt from auth.user.sessions-revoked, checked after the signature.
    {
      provide: REVOKED_SESSIONS_STORE,
      inject: [GatewayConfig],
      useFactory: (config: GatewayConfig): RevokedSessionsStore =>
        config.REDIS_URL
          ? new RedisRevokedSessionsStore(redisConnection(config.REDIS_URL, config.REDIS_CA_FILE))
          : new MemoryRevokedSessionsStore(),
    },
    {
      provide: RevocationFeed,
      inject: [GatewayConfig, REVOKED_SESSIONS_STORE],
      useFactory: (config: GatewayConfig, store: RevokedSessionsStore) =>
        new RevocationFeed({
          kafkaBrokers: config.KAFKA_BROKERS,
          store,
          maxTokenLifetimeSeconds: config.ACCESS_TOKEN_MAX_LIFETIME_SECONDS,
        }),
    },
    {
      provide: TOKEN_REVOCATIONS,
      inject: [GatewayConfig, REVOKED_SESSIONS_STORE, RevocationFeed],
      useFactory: (config: GatewayConfig, store: RevokedSessionsStore, feed: RevocationFeed) =>
        new TokenRevocations({
          store,
          feed,
          maxDelaySeconds: config.REVOCATION_MAX_DELAY_SECONDS,
          maxTokenLifetimeSeconds: config.ACCESS_TOKEN_MAX_LIFETIME_SECONDS,
        }),
    },
    AccessTokenGuard,
    UpstreamForwarder,
    { provide: APP_INTERCEPTOR, useClass: DeprecationInterceptor },
    {
      provide: RATE_LIMIT_STORE,
      inject: [GatewayConfig],
      useFactory: (config: GatewayConfig): RateLimitStore =>
        config.REDIS_URL
          ? new RedisRateLimitStore(redisConnection(config.REDIS_URL, config.REDIS_CA_FILE))
          : new MemoryRateLimitStore(),
    },
    {
      provide: RATE_LIMIT_RULES,
      inject: [GatewayConfig],
      useFactory: (config: GatewayConfig): RateLimitRules => ({
        global: { limit: config.RATE_LIMIT_PER_MINUTE, windowSeconds: 60 },
        auth: { limit: config.AUTH_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 },
      }),
    },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    {
      provide: IDEMPOTENCY_STORE,
      inject: [GatewayConfig],
      useFactory: (config: GatewayConfig): IdempotencyStore =>
        config.REDIS_URL
          ? new RedisIdempotencyStore(redisConnection(config.REDIS_URL, config.REDIS_CA_FILE))
          : new MemoryIdempotencyStore(),
    },
  ],
})
export class AppModule implements OnApplicationShutdown {
  constructor(
    @Inject(RATE_LIMIT_STORE) private readonly rateLimits: RateLimitStore,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
    @Inject(REVOKED_SESSIONS_STORE) private readonly revokedSessions: RevokedSessionsStore,
  ) {}

  // The revocation feed stopped before this (beforeApplicationShutdown): no write to a closed store.
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.rateLimits.close(), this.idempotency.close(), this.revokedSessions.close()]);
  }
}
