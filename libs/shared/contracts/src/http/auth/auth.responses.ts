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

/** Where an erasure stands (docs/decisions/0015). */
export const ERASURE_STATUSES = ['pending', 'completed', 'overdue'] as const;
export type ErasureStatus = (typeof ERASURE_STATUSES)[number];

/** How the erasure was asked for: by the user (`DELETE /v1/me`) or by an admin. */
export const ERASURE_REQUESTED_VIA = ['self', 'admin'] as const;
export type ErasureRequestedVia = (typeof ERASURE_REQUESTED_VIA)[number];

/** What `DELETE /v1/me` and `DELETE /v1/admin/users/{userId}` answer: the erasure goes on in every service. */
export class ErasureAcceptedResponse {
  @ApiProperty({
    format: 'uuid',
    description: 'The erasure; admins follow it with GET /v1/admin/erasures/{erasureId}.',
  })
  erasureId!: string;

  @ApiProperty({ enum: ERASURE_STATUSES, enumName: 'ErasureStatus' })
  status!: ErasureStatus;
}

/** One service's confirmation that it has done its part of an erasure. */
export class ErasureConfirmationResponse {
  @ApiProperty({ example: 'business-service' })
  service!: string;

  @ApiProperty({ format: 'date-time', description: 'When the service committed its part.' })
  confirmedAt!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Rows the service deleted or anonymised.' })
  recordsChanged!: number;
}

/** An erasure and the confirmations of the services that must do their part. */
export class ErasureResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The erased user (the account keeps only its id).' })
  userId!: string;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ enum: ERASURE_REQUESTED_VIA, enumName: 'ErasureRequestedVia' })
  requestedVia!: ErasureRequestedVia;

  @ApiProperty({ format: 'date-time', description: 'Every service must have confirmed by then.' })
  deadlineAt!: string;

  @ApiProperty({
    enum: ERASURE_STATUSES,
    enumName: 'ErasureStatus',
    description: '`completed`: every service confirmed; `overdue`: past the deadline with a service missing.',
  })
  status!: ErasureStatus;

  @ApiProperty({ type: () => ErasureConfirmationResponse, isArray: true })
  confirmations!: ErasureConfirmationResponse[];

  @ApiProperty({ type: 'string', isArray: true, description: 'Services that have not confirmed yet.' })
  awaiting!: string[];
}
