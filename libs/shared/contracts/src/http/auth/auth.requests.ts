import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { IsRfc3339DateTime } from '../../common/rfc3339.js';
import { VISIBLE_TEXT_PATTERN } from '../common/text-patterns.js';
import { USER_ROLES, type UserRole } from './user-roles.js';

// Request bodies and queries of the public auth API. The class-validator rules check the shape
// and bound the size before anything reaches hashing or a database; the auth-service's domain
// decides what a valid e-mail, display name or password is. `@ApiProperty` states the same
// bounds for the OpenAPI document (the gateway's /docs) and the typed client generated from it.

const PASSWORD_RULES =
  '12 to 128 characters (Unicode code points), no composition rules; refused when it is a common or ' +
  'breached password or contains the e-mail or display name.';

// The password a new account may choose: the bounds are the auth-service's policy, stated here so
// that a client validating against the contract is never refused for a length it allowed.
const NEW_PASSWORD = {
  format: 'password',
  minLength: 12,
  maxLength: 128,
  description: PASSWORD_RULES,
} as const;

export class RegisterRequest {
  @ApiProperty({ format: 'email', maxLength: 254, example: 'ada@example.com', description: 'Trimmed and lower-cased.' })
  @IsString()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ ...NEW_PASSWORD, example: 'analytical engine notes' })
  @IsString()
  @MaxLength(1024)
  password!: string;

  // The auth-service's DisplayName: 1 to 100 code points once trimmed, one line of visible text.
  @ApiProperty({ minLength: 1, maxLength: 100, pattern: VISIBLE_TEXT_PATTERN, example: 'Ada Lovelace' })
  @IsString()
  @MaxLength(200)
  displayName!: string;
}

export class LogInRequest {
  @ApiProperty({ format: 'email', maxLength: 320, example: 'ada@example.com' })
  @IsString()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ format: 'password', maxLength: 1024 })
  @IsString()
  @MaxLength(1024)
  password!: string;
}

export class RefreshTokenRequest {
  @ApiProperty({
    minLength: 16,
    maxLength: 256,
    description: 'The opaque refresh token a log-in or the previous refresh returned.',
  })
  @IsString()
  @Length(16, 256)
  refreshToken!: string;
}

export class ChangePasswordRequest {
  @ApiProperty({ format: 'password', maxLength: 1024 })
  @IsString()
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty(NEW_PASSWORD)
  @IsString()
  @MaxLength(1024)
  newPassword!: string;
}

/** `DELETE /v1/me`: the user confirms the erasure of their account with their password. */
export class EraseMeRequest {
  @ApiProperty({ format: 'password', maxLength: 1024, description: 'The current password.' })
  @IsString()
  @MaxLength(1024)
  password!: string;
}

export class ListUsersQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20, description: 'Page size.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ maxLength: 512, description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @ApiPropertyOptional({ enum: USER_ROLES, enumName: 'UserRole', description: 'Only users holding this role.' })
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional({ maxLength: 254, description: 'Only users whose e-mail contains this text.' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  emailContains?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only users created after this instant (RFC 3339).' })
  @IsOptional()
  @IsRfc3339DateTime()
  createdAfter?: string;
}
