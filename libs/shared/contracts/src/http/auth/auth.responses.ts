import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { USER_ROLES, type UserRole } from './user-roles.js';

// What the public auth API answers. Plain classes: the auth-service fills them, the OpenAPI
// document describes them.

/** A user as the API shows it. */
export class UserResponse {
  @ApiProperty({ format: 'uuid', description: 'UUID v7.' })
  id!: string;

  @ApiProperty({ format: 'email' })
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: USER_ROLES, enumName: 'UserRole', isArray: true })
  roles!: UserRole[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

/** What log-in and refresh answer (RFC 6749 §5.1 names). */
export class TokenResponse {
  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'A JWT (ES256); send it as `Authorization: Bearer <token>`.' })
  accessToken!: string;

  @ApiProperty({ type: 'integer', description: 'Seconds until the access token expires.' })
  expiresIn!: number;

  @ApiPropertyOptional({
    description: 'The opaque refresh token; absent when it was set in the refresh cookie instead.',
  })
  refreshToken?: string;

  @ApiProperty({ format: 'date-time' })
  refreshTokenExpiresAt!: string;

  @ApiPropertyOptional({
    description: 'True when the refresh token travels in the `__Host-refresh_token` cookie (browser apps).',
  })
  refreshTokenInCookie?: boolean;
}

/** One page of users, newest first. */
export class UserPageResponse {
  @ApiProperty({ type: () => UserResponse, isArray: true })
  items!: UserResponse[];

  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' })
  nextCursor!: string | null;
}

/** One public key of the JWKS (RFC 7517): an EC P-256 key for ES256. */
export class JsonWebKeyResponse {
  @ApiProperty({ example: 'EC' })
  kty!: string;

  @ApiProperty({ description: 'Key id; access tokens name it in their `kid` header.' })
  kid!: string;

  @ApiPropertyOptional({ example: 'ES256' })
  alg?: string;

  @ApiPropertyOptional({ example: 'sig' })
  use?: string;

  @ApiPropertyOptional({ example: 'P-256' })
  crv?: string;

  @ApiPropertyOptional()
  x?: string;

  @ApiPropertyOptional()
  y?: string;
}

/** The public keys access tokens are verified with. */
export class JsonWebKeySetResponse {
  @ApiProperty({ type: () => JsonWebKeyResponse, isArray: true })
  keys!: JsonWebKeyResponse[];
}
