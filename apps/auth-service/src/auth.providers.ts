import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Provider } from '@nestjs/common';
import { getLogger } from '@platform/logging';
import { Outbox } from '@platform/messaging';
import { DataSource } from 'typeorm';
import { ChangePasswordUseCase } from './application/change-password.use-case.js';
import { EraseUserUseCase } from './application/erase-user.use-case.js';
import { parseConfirmingServices, type ErasureOptions } from './application/erasure-options.js';
import { GetErasureUseCase } from './application/get-erasure.use-case.js';
import { GetMeUseCase } from './application/get-me.use-case.js';
import { ListUsersUseCase } from './application/list-users.use-case.js';
import { LogInUseCase } from './application/log-in.use-case.js';
import { LogOutEverywhereUseCase } from './application/log-out-everywhere.use-case.js';
import { LogOutUseCase } from './application/log-out.use-case.js';
import type { AuthPorts } from './application/ports/auth-ports.js';
import { PromoteToAdminUseCase } from './application/promote-to-admin.use-case.js';
import { RecordErasureConfirmationUseCase } from './application/record-erasure-confirmation.use-case.js';
import { RefreshSessionUseCase } from './application/refresh-session.use-case.js';
import { RegisterUserUseCase } from './application/register-user.use-case.js';
import { sessionOptions } from './application/session-options.js';
import { AuthConfig } from './auth.config.js';
import { LoggerAuditLog } from './infrastructure/secondary-adapters/audit/logger-audit-log.js';
import { SystemClock } from './infrastructure/secondary-adapters/clock/system-clock.js';
import { AccessTokenIssuer } from './infrastructure/secondary-adapters/crypto/access-token-issuer.js';
import { Argon2PasswordHasher } from './infrastructure/secondary-adapters/crypto/argon2-password-hasher.js';
import { JwtKeyRing } from './infrastructure/secondary-adapters/crypto/jwt-key-ring.js';
import { RefreshTokenGenerator } from './infrastructure/secondary-adapters/crypto/refresh-token-generator.js';
import { OutboxUnitOfWork } from './infrastructure/secondary-adapters/outbox/outbox-unit-of-work.js';
import { TypeOrmErasureRepository } from './infrastructure/secondary-adapters/persistence/typeorm-erasure.repository.js';
import { TypeOrmRefreshTokenRepository } from './infrastructure/secondary-adapters/persistence/typeorm-refresh-token.repository.js';
import { TypeOrmUserRepository } from './infrastructure/secondary-adapters/persistence/typeorm-user.repository.js';
import { ErasuresOverdueGauge } from './infrastructure/secondary-adapters/metrics/erasures-overdue.gauge.js';
import { PrometheusErasureMetrics } from './infrastructure/secondary-adapters/metrics/prometheus-erasure-metrics.js';
import { PrometheusLoginMetrics } from './infrastructure/secondary-adapters/metrics/prometheus-login-metrics.js';
import {
  PostgresLoginThrottle,
  throttleHashKey,
} from './infrastructure/secondary-adapters/throttle/postgres-login-throttle.js';

/** Injection token of the ports object every use case takes a part of. */
export const AUTH_PORTS = Symbol('auth.ports');

function useCase<T>(type: new (...args: never[]) => T, build: (ports: AuthPorts, config: AuthConfig) => T): Provider {
  return { provide: type, inject: [AUTH_PORTS, AuthConfig], useFactory: build };
}

/** The composition root: adapters behind the ports, and the use cases built on them. */
export const authProviders: Provider[] = [
  {
    provide: JwtKeyRing,
    inject: [AuthConfig],
    useFactory: (config: AuthConfig) =>
      JwtKeyRing.load({
        privateJwks: config.JWT_PRIVATE_JWKS,
        nodeEnv: config.NODE_ENV,
        devKeyDirectory: path.resolve(config.JWT_DEV_KEY_DIR),
        maxTokenLifetimeSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      }),
  },
  {
    provide: OutboxUnitOfWork,
    inject: [Outbox, DataSource],
    useFactory: (outbox: Outbox, dataSource: DataSource) => new OutboxUnitOfWork(outbox, dataSource),
  },
  {
    provide: AUTH_PORTS,
    inject: [AuthConfig, DataSource, OutboxUnitOfWork, JwtKeyRing],
    useFactory: async (config: AuthConfig, dataSource: DataSource, unitOfWork: OutboxUnitOfWork, keys: JwtKeyRing) => {
      const clock = new SystemClock();
      const log = getLogger('PasswordHasher');
      const passwordHasher = new Argon2PasswordHasher({
        // Hashing is CPU-bound: leave a core to serve everything else during a log-in flood.
        maxConcurrent: config.PASSWORD_HASH_CONCURRENCY ?? Math.max(1, availableParallelism() - 1),
        onUnusableHash: (reason: unknown) => log.warn('stored password hash is unusable', { reason }),
      });
      // The dummy hash for unknown e-mails is made now, not on the first log-in.
      await passwordHasher.warmUp();
      const ports: AuthPorts = {
        users: new TypeOrmUserRepository(dataSource.manager, { lock: false }),
        refreshTokens: new TypeOrmRefreshTokenRepository(dataSource.manager, { lock: false }),
        erasures: new TypeOrmErasureRepository(dataSource.manager, { lock: false }),
        unitOfWork,
        passwordHasher,
        accessTokens: new AccessTokenIssuer({
          signingKeys: keys,
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          lifetimeSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
        }),
        refreshTokenGenerator: new RefreshTokenGenerator(),
        loginThrottle: new PostgresLoginThrottle(dataSource, {
          maxFailuresPerPair: config.LOGIN_MAX_FAILURES_PER_PAIR,
          maxFailuresPerAddress: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
          windowSeconds: config.LOGIN_WINDOW_SECONDS,
          accountFreeAttempts: config.LOGIN_ACCOUNT_FREE_ATTEMPTS,
          accountMaxDelaySeconds: config.LOGIN_ACCOUNT_MAX_DELAY_SECONDS,
          knownAddressDays: config.LOGIN_KNOWN_ADDRESS_DAYS,
          // A secret the database does not hold, so its rows cannot be turned back into e-mails and IPs.
          hashKey: throttleHashKey(config.IDENTITY_SIGNING_KEY),
          clock,
        }),
        auditLog: new LoggerAuditLog(),
        clock,
      };
      return ports;
    },
  },
  useCase(RegisterUserUseCase, (ports) => new RegisterUserUseCase(ports)),
  useCase(
    LogInUseCase,
    (ports, config) => new LogInUseCase(ports, sessionOptionsOf(config), new PrometheusLoginMetrics()),
  ),
  useCase(RefreshSessionUseCase, (ports, config) => new RefreshSessionUseCase(ports, sessionOptionsOf(config))),
  useCase(LogOutUseCase, (ports) => new LogOutUseCase(ports)),
  useCase(LogOutEverywhereUseCase, (ports) => new LogOutEverywhereUseCase(ports)),
  useCase(GetMeUseCase, (ports) => new GetMeUseCase(ports)),
  useCase(ChangePasswordUseCase, (ports) => new ChangePasswordUseCase(ports)),
  useCase(ListUsersUseCase, (ports) => new ListUsersUseCase(ports)),
  useCase(PromoteToAdminUseCase, (ports) => new PromoteToAdminUseCase(ports)),
  useCase(
    EraseUserUseCase,
    (ports, config) => new EraseUserUseCase(ports, erasureOptionsOf(config), new PrometheusErasureMetrics()),
  ),
  useCase(GetErasureUseCase, (ports, config) => new GetErasureUseCase(ports, erasureOptionsOf(config))),
  { provide: RecordErasureConfirmationUseCase, useFactory: () => new RecordErasureConfirmationUseCase() },
  {
    provide: ErasuresOverdueGauge,
    inject: [AUTH_PORTS, AuthConfig],
    useFactory: (ports: AuthPorts, config: AuthConfig) =>
      new ErasuresOverdueGauge(ports.erasures, ports.clock, erasureOptionsOf(config).confirmingServices),
  },
];

function erasureOptionsOf(config: AuthConfig): ErasureOptions {
  return {
    confirmingServices: parseConfirmingServices(config.ERASURE_CONFIRMING_SERVICES),
    deadlineMs: config.ERASURE_CONFIRMATION_DEADLINE_MS,
  };
}

function sessionOptionsOf(config: AuthConfig) {
  return sessionOptions({ refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_DAYS * 24 * 3600 });
}
