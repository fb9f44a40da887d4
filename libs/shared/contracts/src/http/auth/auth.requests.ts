import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { USER_ROLES, type UserRole } from './user-roles.js';

// Request bodies and queries of the public auth API. The class-validator rules check the shape
// and bound the size before anything reaches hashing or a database; the auth-service's domain
// decides what a valid e-mail, display name or password is. `@ApiProperty` states the same
// bounds for the OpenAPI document (the gateway's /docs) and the typed client generated from it.

const PASSWORD_RULES =
  'At least 12 characters, no composition rules; refused when it is a common or breached password ' +
  'or contains the e-mail or display name.';

export class RegisterRequest {
  @ApiProperty({ format: 'email', maxLength: 320, example: 'ada@example.com', description: 'Trimmed and lower-cased.' })
  @IsString()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ format: 'password', maxLength: 1024, description: PASSWORD_RULES })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ maxLength: 200, example: 'Ada Lovelace' })
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

  @ApiProperty({ format: 'password', maxLength: 1024, description: PASSWORD_RULES })
  @IsString()
  @MaxLength(1024)
  newPassword!: string;
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

  @ApiPropertyOptional({ format: 'date-time', description: 'Only users created after this instant (ISO-8601).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  createdAfter?: string;
}
