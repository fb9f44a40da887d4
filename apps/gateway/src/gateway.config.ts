import { ServiceConfig } from '@platform/bootstrap';
import { DEFAULT_ACCESS_TOKEN_AUDIENCE, DEFAULT_ACCESS_TOKEN_ISSUER, IsIdentitySigningKey } from '@platform/identity';
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

  /** Signs the identity headers upstreams trust (docs/decisions/0007); ≥ 32 bytes, shared with them. */
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

  /** Rate-limit counters shared by every gateway instance; in-process memory when unset. */
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Least time between two JWKS fetches caused by unknown `kid`s, so forged tokens cannot hammer auth. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  JWKS_COOLDOWN_SECONDS = 30;
}
