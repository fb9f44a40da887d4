import { Secret } from '@platform/bootstrap';
import { DEFAULT_ACCESS_TOKEN_AUDIENCE, DEFAULT_ACCESS_TOKEN_ISSUER, IsIdentitySigningKey } from '@platform/identity';
import { EventServiceConfig } from '@platform/messaging';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** The auth-service's settings, read from the environment and validated at start-up. */
export class AuthConfig extends EventServiceConfig {
  override PORT = 3001;
  override MANAGEMENT_PORT = 9001;
  /** Only the gateway on this host forwards client addresses, by default. */
  override TRUST_PROXY = '127.0.0.1,::1';

  /** Its own database, e.g. postgres://auth@127.0.0.1:5432/auth. */
  @Secret()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  /** `iss` of access tokens; the gateway checks it. */
  @IsString()
  JWT_ISSUER = DEFAULT_ACCESS_TOKEN_ISSUER;

  /** `aud` of access tokens: the API they are good for. */
  @IsString()
  JWT_AUDIENCE = DEFAULT_ACCESS_TOKEN_AUDIENCE;

  /** Access token lifetime: short, since it cannot be revoked before it expires. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 14;

  /** Private signing keys as a JWK set (the first signs); without it a development key is generated. */
  @Secret()
  @IsOptional()
  @IsString()
  JWT_PRIVATE_JWKS?: string;

  /** Shared with the gateway: verifies the identity headers it signs (docs/decisions/0007); ≥ 32 bytes. */
  @Secret()
  @IsIdentitySigningKey()
  IDENTITY_SIGNING_KEY!: string;

  /** Where a generated development key is kept (never committed: under .data). */
  @IsString()
  JWT_DEV_KEY_DIR = '.data/auth';

  /** Passwords hashed at once; default: the cores minus one, so a log-in flood cannot starve other requests. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PASSWORD_HASH_CONCURRENCY?: number;

  // Login throttling (docs/decisions/0010). An account is never locked: addresses it is not
  // known from wait growing delays, at most LOGIN_ACCOUNT_MAX_DELAY_SECONDS, and get < 100
  // attempts an hour between them (OWASP ASVS asks for at most 100 failures per hour).

  /** Failed logins one account may have from one client address (an IPv6 /64) per window; then that pair waits. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_PAIR = 5;

  /** Failed logins one client address may make per window, whatever the accounts. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 20;

  /** The pair and address windows, from their first failure; also how often ended counters are purged. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_SECONDS = 900;

  /**
   * Attempts per account and hour from addresses it was not known from, before each further one
   * waits 1 s, 2 s, 4 s… At most 30: with the delay cap at 60 s or more, that keeps an attacker
   * under 100 attempts an hour (94 at 30 and 60 s; 74 with the defaults).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  LOGIN_ACCOUNT_FREE_ATTEMPTS = 10;

  /**
   * Cap of that delay: the longest the owner, at an address not yet known, is ever told to wait.
   * At least 60 s (below, the hourly budget would pass 100), at most 300 s (above, a wait is a lockout).
   */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(300)
  LOGIN_ACCOUNT_MAX_DELAY_SECONDS = 60;

  /** How long an address stays known for an account after its last successful log-in from there. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(400)
  LOGIN_KNOWN_ADDRESS_DAYS = 90;

  // Retention (README "Retention"): jobs on the shared runner delete rows past their keep period.

  /** false: no job runs on a schedule on this instance (tests trigger them). */
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'JOBS_ENABLED must be true or false' })
  JOBS_ENABLED = true;

  /** Period of the retention jobs (the login throttle's run once per LOGIN_WINDOW_SECONDS), 1 s to 7 days. */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  @Max(7 * 24 * 3600 * 1000)
  RETENTION_EVERY_MS = 3_600_000;

  /** Refresh tokens are deleted this many days after they expire (revoked or rotated ones too). */
  @Type(() => Number)
  @IsInt({ message: 'RETENTION_REFRESH_TOKENS_DAYS must be a whole number of days' })
  @Min(1)
  @Max(3650)
  RETENTION_REFRESH_TOKENS_DAYS = 7;

  /** Runs in job_runs (the latest success of each job is always kept). */
  @Type(() => Number)
  @IsInt({ message: 'RETENTION_JOB_RUNS_DAYS must be a whole number of days' })
  @Min(1)
  @Max(3650)
  RETENTION_JOB_RUNS_DAYS = 30;

  // Erasure (docs/decisions/0015).

  /**
   * Consumer group of the event consumer (the services' erasure confirmations): its inbox rows,
   * offsets and parked events belong to it. Launchers set it per service (tools/dev: from
   * AUTH_CONSUMER_GROUP), so a setting meant for another service never puts this one in its group.
   */
  override KAFKA_CONSUMER_GROUP = 'auth-service';

  /**
   * The services that must confirm every erasure, by the `source` of their events, comma-separated.
   * A service that stores personal data is added here once it consumes auth.user.erasure-requested.
   */
  @Matches(/^\s*[a-z][a-z0-9-]{0,62}\s*(,\s*[a-z][a-z0-9-]{0,62}\s*)*$/, {
    message:
      'ERASURE_CONFIRMING_SERVICES must be comma-separated service names (a-z, 0-9, -), e.g. business-service,notification-service',
  })
  ERASURE_CONFIRMING_SERVICES = 'business-service,notification-service';

  /** How long the services have to confirm an erasure before it is overdue (and alerts); 24 h by default. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30 * 24 * 3600 * 1000)
  ERASURE_CONFIRMATION_DEADLINE_MS = 24 * 3600 * 1000;
}
