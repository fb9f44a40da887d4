import { InvalidCredentialsError } from '../domain/auth.errors.js';
import { Email } from '../domain/email.js';
import { normalisePassword } from '../domain/password-policy.js';
import { RefreshToken } from '../domain/refresh-token-family.js';
import type { User } from '../domain/user.js';
import { clientFields, type ClientContext } from './client-context.js';
import type { AuthPorts } from './ports/auth-ports.js';
import type { LoginMetrics } from './ports/login-metrics.port.js';
import { LoginThrottledError } from './ports/login-throttle.port.js';
import type { SessionOptions } from './session-options.js';
import { sessionTokens, type SessionTokens } from './session-tokens.js';

export interface LogInInput extends ClientContext {
  email: string;
  password: string;
}

type LogInPorts = Pick<
  AuthPorts,
  | 'users'
  | 'refreshTokens'
  | 'unitOfWork'
  | 'passwordHasher'
  | 'accessTokens'
  | 'refreshTokenGenerator'
  | 'loginThrottle'
  | 'auditLog'
  | 'clock'
>;

type Authentication =
  { user: User } | { user?: undefined; userId?: string; reason: 'unknown_email' | 'wrong_password' };

/**
 * Exchanges an e-mail address and password for an access token and the first refresh token of a
 * new session, within the login throttle's limits; counts every attempt's outcome.
 */
export class LogInUseCase {
  constructor(
    private readonly ports: LogInPorts,
    private readonly options: SessionOptions,
    private readonly metrics: LoginMetrics,
  ) {}

  async execute(input: LogInInput): Promise<SessionTokens> {
    const { loginThrottle, auditLog } = this.ports;
    const emailKey = Email.normalise(input.email);
    // Before any hashing: a refused attempt must not be able to make us spend CPU.
    await loginThrottle.check(emailKey, input.clientAddress).catch((error: unknown) => {
      if (error instanceof LoginThrottledError) this.metrics.record('throttled', error.scope);
      throw error;
    });
    const outcome = await this.authenticate(emailKey, input.password);
    if (!outcome.user) {
      this.metrics.record('invalid_credentials');
      await loginThrottle.recordFailure(emailKey, input.clientAddress);
      await auditLog.record('login_failed', {
        ...clientFields(input),
        userId: outcome.userId,
        email: emailKey,
        reason: outcome.reason,
      });
      throw new InvalidCredentialsError();
    }
    const { user } = outcome;
    await loginThrottle.recordSuccess(emailKey, input.clientAddress);
    await this.upgradeHashIfStale(user, input.password);
    const tokens = await this.openSession(user);
    this.metrics.record('success');
    await auditLog.record('login_succeeded', {
      ...clientFields(input),
      userId: user.id,
      email: emailKey,
      familyId: tokens.sessionId,
    });
    return tokens;
  }

  // An unknown address costs a dummy verification, so it takes as long as a wrong password.
  private async authenticate(emailKey: string, password: string): Promise<Authentication> {
    const { users, passwordHasher } = this.ports;
    const candidate = normalisePassword(password);
    const email = Email.tryParse(emailKey);
    const user = email && (await users.findByEmail(email));
    if (!user) {
      await passwordHasher.dummyVerify(candidate);
      return { reason: 'unknown_email' };
    }
    if (!(await passwordHasher.verify(user.passwordHash, candidate))) {
      return { userId: user.id, reason: 'wrong_password' };
    }
    return { user };
  }

  // Hashing parameters only ever go up; the password the user just proved is re-hashed with the current ones.
  private async upgradeHashIfStale(user: User, password: string): Promise<void> {
    const { passwordHasher, unitOfWork } = this.ports;
    if (!passwordHasher.needsRehash(user.passwordHash)) return;
    const newHash = await passwordHasher.hash(normalisePassword(password));
    await unitOfWork.run(async (tx) => {
      const current = await tx.users.findById(user.id);
      // A password changed meanwhile wins: its hash is not ours to replace.
      if (current?.passwordHash !== user.passwordHash) return;
      current.upgradePasswordHash(newHash);
      await tx.users.save(current);
    });
  }

  private async openSession(user: User): Promise<SessionTokens> {
    const { refreshTokens, accessTokens, refreshTokenGenerator, clock } = this.ports;
    const at = clock.now();
    // The access token first: if saving the refresh token fails, nothing usable was handed out.
    const access = await accessTokens.issue({ userId: user.id, roles: user.roles });
    const refresh = refreshTokenGenerator.generate();
    const record = RefreshToken.startFamily(user.id, {
      tokenHash: refresh.tokenHash,
      at,
      ttlSeconds: this.options.refreshTokenTtlSeconds,
    });
    await refreshTokens.save(record);
    return sessionTokens(user, access, refresh.token, record);
  }
}
