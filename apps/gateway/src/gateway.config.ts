import { Secret, ServiceConfig } from '@platform/bootstrap';
import {
  DEFAULT_ACCESS_TOKEN_AUDIENCE,
  DEFAULT_ACCESS_TOKEN_ISSUER,
  DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS,
  IsIdentitySigningKey,
} from '@platform/identity';
import { IsKafkaBrokerList } from '@platform/messaging';
import { IsPemFile, OnlyWith } from '@platform/tls';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

/** The gateway's settings, read from the environment and validated at start-up. */
export class GatewayConfig extends ServiceConfig {
  override PORT = 3000;
  override MANAGEMENT_PORT = 9000;

  /** Base URL of the auth-service (its /v1/auth and /v1/admin routes, and its JWKS). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  AUTH_SERVICE_URL = 'http://127.0.0.1:3001';

  /** The auth-service's readiness (its management port): the gateway is ready only when it is. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  AUTH_SERVICE_READY_URL = 'http://127.0.0.1:9001/health/ready';

  /** Base URL of the business-service (its /v1/businesses routes). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  BUSINESS_SERVICE_URL = 'http://127.0.0.1:3002';

  /** The business-service's readiness; the gateway stays ready without it (its routes answer 503). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  BUSINESS_SERVICE_READY_URL = 'http://127.0.0.1:9002/health/ready';

  /** Base URL of the notification-service (webhook endpoints of businesses, notification lists). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  NOTIFICATION_SERVICE_URL = 'http://127.0.0.1:3003';

  /** The notification-service's readiness; the gateway stays ready without it (its routes answer 503). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  NOTIFICATION_SERVICE_READY_URL = 'http://127.0.0.1:9003/health/ready';

  /** Signs the identity headers upstreams trust (docs/decisions/0007); ≥ 32 bytes, shared with them. */
  @Secret()
  @IsIdentitySigningKey()
  IDENTITY_SIGNING_KEY!: string;

  /** The `iss` and `aud` access tokens must carry. */
  @IsString()
  JWT_ISSUER = DEFAULT_ACCESS_TOKEN_ISSUER;

  @IsString()
  JWT_AUDIENCE = DEFAULT_ACCESS_TOKEN_AUDIENCE;

  /** Time limit of one call to an upstream; a slow upstream becomes a 504, never a hang. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  UPSTREAM_TIMEOUT_MS = 5_000;

  /**
   * Browser origins allowed to call the API (CORS), comma-separated, e.g.
   * `https://app.example.com`; empty: no cross-origin browser calls.
   */
  @IsString()
  CORS_ORIGINS = '';

  /** Requests per minute a client address may make to all routes together. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 600;

  /** Log-ins and registrations per minute a client address may make. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT_PER_MINUTE = 20;

  /** Rate-limit counters, idempotency keys and revoked sessions shared by every gateway instance; in-process memory when unset. */
  @Secret()
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** The CA (PEM file) a `rediss://` REDIS_URL's certificate is checked against; unset: the system's CAs. Only with rediss://. */
  @IsOptional()
  @IsPemFile()
  @OnlyWith('REDIS_URL', /^rediss:\/\//, 'a rediss:// URL')
  REDIS_CA_FILE?: string;

  /** Least time between two JWKS fetches caused by unknown `kid`s, so forged tokens cannot hammer auth. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  JWKS_COOLDOWN_SECONDS = 30;

  /** Comma-separated host:port list: where the gateway learns revoked sessions (auth.user.v1). */
  @IsKafkaBrokerList()
  KAFKA_BROKERS!: string;

  /**
   * The bound on revocation (docs/decisions/0011): no access token is honoured more than this
   * many seconds after its revocation (log-out everywhere, password change) reached Kafka. While
   * the revocation feed has not been caught up within it, only tokens issued within it pass.
   */
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(300)
  REVOCATION_MAX_DELAY_SECONDS = 15;

  /**
   * The longest access-token lifetime (`exp - iat`) the gateway accepts, and for which it remembers
   * revocations; at least the auth-service's ACCESS_TOKEN_TTL_SECONDS. Longer-lived tokens are refused.
   */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_MAX_LIFETIME_SECONDS = DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS;
}
