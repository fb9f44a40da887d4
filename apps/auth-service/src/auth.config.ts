import { ServiceConfig } from '@platform/bootstrap';
import { DEFAULT_ACCESS_TOKEN_AUDIENCE, DEFAULT_ACCESS_TOKEN_ISSUER, IsIdentitySigningKey } from '@platform/identity';
import { IsKafkaBrokerList } from '@platform/messaging';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** The auth-service's settings, read from the environment and validated at start-up. */
export class AuthConfig extends ServiceConfig {
  override PORT = 3001;
  override MANAGEMENT_PORT = 9001;
  /** Only the gateway on this host forwards client addresses, by default. */
  override TRUST_PROXY = '127.0.0.1,::1';

  /** Its own database, e.g. postgres://auth@127.0.0.1:5432/auth. */
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  /** Comma-separated host:port list. */
  @IsKafkaBrokerList()
  KAFKA_BROKERS!: string;

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
  @IsOptional()
  @IsString()
  JWT_PRIVATE_JWKS?: string;

  /** Shared with the gateway: verifies the identity headers it signs (docs/decisions/0007); ≥ 32 bytes. */
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

  /** Failed logins per account, then per client address, allowed within LOGIN_WINDOW_SECONDS. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 20;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_SECONDS = 900;
}
