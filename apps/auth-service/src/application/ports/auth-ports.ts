import type { AccessTokenIssuer } from './access-token-issuer.port.js';
import type { AuditLog } from './audit-log.port.js';
import type { Clock } from './clock.port.js';
import type { ErasureRepository } from './erasure-repository.port.js';
import type { LoginThrottle } from './login-throttle.port.js';
import type { PasswordHasher } from './password-hasher.port.js';
import type { RefreshTokenGenerator } from './refresh-token-generator.port.js';
import type { RefreshTokenRepository } from './refresh-token-repository.port.js';
import type { UnitOfWork } from './unit-of-work.port.js';
import type { UserRepository } from './user-repository.port.js';

/**
 * Every port of auth-service by name. The composition root builds one of these; each use case
 * takes the `Pick` it needs, so its constructor says what it touches.
 */
export interface AuthPorts {
  /** Reads outside a transaction: no locks, last committed state. */
  users: UserRepository;
  /** Reads and single writes outside a transaction. */
  refreshTokens: RefreshTokenRepository;
  /** Reads outside a transaction. */
  erasures: ErasureRepository;
  unitOfWork: UnitOfWork;
  passwordHasher: PasswordHasher;
  accessTokens: AccessTokenIssuer;
  refreshTokenGenerator: RefreshTokenGenerator;
  loginThrottle: LoginThrottle;
  auditLog: AuditLog;
  clock: Clock;
}
