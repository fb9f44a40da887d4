import type { EventEnvelope } from '@platform/contracts';
import { createTestDatabase, type TestDatabase } from '@platform/infra/testing';
import { captureLogs, type LogCapture } from '@platform/logging/testing';
import { Outbox } from '@platform/messaging';
import { DataSource } from 'typeorm';
import { ChangePasswordUseCase } from '../../src/application/change-password.use-case.js';
import { EraseUserUseCase } from '../../src/application/erase-user.use-case.js';
import type { ErasureOptions } from '../../src/application/erasure-options.js';
import { GetErasureUseCase } from '../../src/application/get-erasure.use-case.js';
import { GetMeUseCase } from '../../src/application/get-me.use-case.js';
import { ListUsersUseCase } from '../../src/application/list-users.use-case.js';
import { LogInUseCase } from '../../src/application/log-in.use-case.js';
import { LogOutEverywhereUseCase } from '../../src/application/log-out-everywhere.use-case.js';
import { LogOutUseCase } from '../../src/application/log-out.use-case.js';
import type { AuthPorts } from '../../src/application/ports/auth-ports.js';
import { PromoteToAdminUseCase } from '../../src/application/promote-to-admin.use-case.js';
import { RecordErasureConfirmationUseCase } from '../../src/application/record-erasure-confirmation.use-case.js';
import { RefreshSessionUseCase } from '../../src/application/refresh-session.use-case.js';
import { RegisterUserUseCase } from '../../src/application/register-user.use-case.js';
import { sessionOptions, type SessionOptions } from '../../src/application/session-options.js';
import type { UserSummary } from '../../src/application/user-summary.js';
import { ROLES, type Role } from '../../src/domain/role.js';
import { LoggerAuditLog } from '../../src/infrastructure/secondary-adapters/audit/logger-audit-log.js';
import { AccessTokenIssuer } from '../../src/infrastructure/secondary-adapters/crypto/access-token-issuer.js';
import { AccessTokenVerifier } from '@platform/identity';
import { Argon2PasswordHasher } from '../../src/infrastructure/secondary-adapters/crypto/argon2-password-hasher.js';
import { JwtKeyRing } from '../../src/infrastructure/secondary-adapters/crypto/jwt-key-ring.js';
import { RefreshTokenGenerator } from '../../src/infrastructure/secondary-adapters/crypto/refresh-token-generator.js';
import { OutboxUnitOfWork } from '../../src/infrastructure/secondary-adapters/outbox/outbox-unit-of-work.js';
import { authDataSourceOptions } from '../../src/infrastructure/secondary-adapters/persistence/auth-data-source.js';
import { TypeOrmErasureRepository } from '../../src/infrastructure/secondary-adapters/persistence/typeorm-erasure.repository.js';
import { TypeOrmRefreshTokenRepository } from '../../src/infrastructure/secondary-adapters/persistence/typeorm-refresh-token.repository.js';
import { TypeOrmUserRepository } from '../../src/infrastructure/secondary-adapters/persistence/typeorm-user.repository.js';
import { PrometheusErasureMetrics } from '../../src/infrastructure/secondary-adapters/metrics/prometheus-erasure-metrics.js';
import { PrometheusLoginMetrics } from '../../src/infrastructure/secondary-adapters/metrics/prometheus-login-metrics.js';
import {
  PostgresLoginThrottle,
  throttleHashKey,
  type PostgresLoginThrottleOptions,
} from '../../src/infrastructure/secondary-adapters/throttle/postgres-login-throttle.js';
import { SettableClock } from './settable-clock.js';

export const TEST_ISSUER = 'https://auth.platform.test';
export const TEST_AUDIENCE = 'platform-api';

/**
 * Cheap argon2id parameters: the same algorithm and code path as production, at a fraction of its
 * 46 MiB, so that a file can register dozens of users quickly.
 */
export const TEST_ARGON2 = { memoryKiB: 8192, iterations: 1, parallelism: 1 } as const;

/** A password the policy accepts; add a suffix to make several. */
export const GOOD_PASSWORD = 'correct horse battery staple';

export type ThrottleSettings = Omit<PostgresLoginThrottleOptions, 'clock'>;

export interface AuthTestBedOptions {
  throttle?: Partial<ThrottleSettings>;
  session?: Partial<SessionOptions>;
  erasure?: Partial<ErasureOptions>;
}

/** The erasure settings of a bed unless given: the two services of the defaults, a day to confirm. */
export const TEST_ERASURE: ErasureOptions = {
  confirmingServices: ['business-service', 'notification-service'],
  deadlineMs: 24 * 3600 * 1000,
};

/** Every use case of auth-service, built on the real adapters. */
export interface AuthUseCases {
  register: RegisterUserUseCase;
  logIn: LogInUseCase;
  refresh: RefreshSessionUseCase;
  logOut: LogOutUseCase;
  logOutEverywhere: LogOutEverywhereUseCase;
  getMe: GetMeUseCase;
  changePassword: ChangePasswordUseCase;
  listUsers: ListUsersUseCase;
  promoteToAdmin: PromoteToAdminUseCase;
  eraseUser: EraseUserUseCase;
  getErasure: GetErasureUseCase;
  recordErasureConfirmation: RecordErasureConfirmationUseCase;
}

/** A row of `messaging_outbox` with its envelope parsed. */
export interface OutboxRecord {
  eventId: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  envelope: EventEnvelope;
}

/** auth-service assembled as the composition root does, on a migrated database of the test file's own. */
export interface AuthTestBed {
  database: TestDatabase;
  dataSource: DataSource;
  outbox: Outbox;
  ports: AuthPorts;
  unitOfWork: OutboxUnitOfWork;
  useCases: AuthUseCases;
  clock: SettableClock;
  throttle: PostgresLoginThrottle;
  throttleSettings: ThrottleSettings;
  passwordHasher: Argon2PasswordHasher;
  keys: JwtKeyRing;
  /** Verifies access tokens the way the gateway does, with the ring's public keys. */
  verifier: AccessTokenVerifier<Role>;
  /** Everything the process logged since the bed was created (the audit trail included). */
  logs: LogCapture;
  /** Registers a user through the use case; by default `user<n>@example.com`, unique within the bed. */
  registerUser(overrides?: { email?: string; displayName?: string; password?: string }): Promise<UserSummary>;
  /** The outbox rows, oldest first, optionally of one event type. */
  outboxRecords(type?: string): Promise<OutboxRecord[]>;
  /** Closes the DataSource and drops the database. */
  close(): Promise<void>;
}

const DEFAULT_THROTTLE: ThrottleSettings = {
  maxFailuresPerPair: 3,
  maxFailuresPerAddress: 5,
  windowSeconds: 300,
  accountFreeAttempts: 5,
  accountMaxDelaySeconds: 60,
  knownAddressDays: 90,
  hashKey: throttleHashKey('a test secret of the login throttle'),
};

/** Creates the database (`prefix` names it), migrates it and builds every adapter and use case. */
export async function createAuthTestBed(prefix: string, options: AuthTestBedOptions = {}): Promise<AuthTestBed> {
  const logs = captureLogs({ service: 'auth-service', level: 'info' });
  const database = await createTestDatabase(prefix);
  const dataSource = new DataSource(authDataSourceOptions(database.url));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
    throw error;
  }

  const clock = new SettableClock();
  const outbox = new Outbox(dataSource, { source: 'auth-service' });
  const keys = await JwtKeyRing.generate();
  const passwordHasher = new Argon2PasswordHasher(TEST_ARGON2);
  const throttleSettings = { ...DEFAULT_THROTTLE, ...options.throttle };
  const throttle = new PostgresLoginThrottle(dataSource, { ...throttleSettings, clock });
  const unitOfWork = new OutboxUnitOfWork(outbox, dataSource);
  const ports: AuthPorts = {
    users: new TypeOrmUserRepository(dataSource.manager, { lock: false }),
    refreshTokens: new TypeOrmRefreshTokenRepository(dataSource.manager, { lock: false }),
    erasures: new TypeOrmErasureRepository(dataSource.manager, { lock: false }),
    unitOfWork,
    passwordHasher,
    accessTokens: new AccessTokenIssuer({ signingKeys: keys, issuer: TEST_ISSUER, audience: TEST_AUDIENCE }),
    refreshTokenGenerator: new RefreshTokenGenerator(),
    loginThrottle: throttle,
    auditLog: new LoggerAuditLog(),
    clock,
  };
  const session = sessionOptions({ refreshTokenTtlSeconds: 3600, ...options.session });
  const erasure: ErasureOptions = { ...TEST_ERASURE, ...options.erasure };
  const useCases: AuthUseCases = {
    register: new RegisterUserUseCase(ports),
    logIn: new LogInUseCase(ports, session, new PrometheusLoginMetrics()),
    refresh: new RefreshSessionUseCase(ports, session),
    logOut: new LogOutUseCase(ports),
    logOutEverywhere: new LogOutEverywhereUseCase(ports),
    getMe: new GetMeUseCase(ports),
    changePassword: new ChangePasswordUseCase(ports),
    listUsers: new ListUsersUseCase(ports),
    promoteToAdmin: new PromoteToAdminUseCase(ports),
    eraseUser: new EraseUserUseCase(ports, erasure, new PrometheusErasureMetrics()),
    getErasure: new GetErasureUseCase(ports, erasure),
    recordErasureConfirmation: new RecordErasureConfirmationUseCase(),
  };
  const verifier = new AccessTokenVerifier<Role>({
    keys: keys.keyResolver(),
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
    knownRoles: ROLES,
  });

  let registered = 0;
  return {
    database,
    dataSource,
    outbox,
    ports,
    unitOfWork,
    useCases,
    clock,
    throttle,
    throttleSettings,
    passwordHasher,
    keys,
    verifier,
    logs,
    registerUser(overrides = {}) {
      registered += 1;
      return useCases.register.execute({
        email: overrides.email ?? `user${registered}@example.com`,
        displayName: overrides.displayName ?? `User ${registered}`,
        password: overrides.password ?? GOOD_PASSWORD,
      });
    },
    async outboxRecords(type) {
      const rows: { event_id: string; topic: string; key: string; headers: Record<string, string>; payload: string }[] =
        await dataSource.query(`SELECT event_id, topic, key, headers, payload FROM messaging_outbox ORDER BY id`);
      return rows
        .map((row) => ({
          eventId: row.event_id,
          topic: row.topic,
          key: row.key,
          headers: row.headers,
          envelope: JSON.parse(row.payload) as EventEnvelope,
        }))
        .filter((record) => type === undefined || record.envelope.type === type);
    },
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.drop();
    },
  };
}
