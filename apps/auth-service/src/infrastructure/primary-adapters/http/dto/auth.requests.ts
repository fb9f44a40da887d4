import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { ROLES, type Role } from '../../../../domain/role.js';

// Shapes only: the domain checks what an e-mail, a display name and a password must be. The
// bounds here stop oversized input before it reaches hashing or the database.

export class RegisterRequest {
  @IsString()
  @MaxLength(320)
  email!: string;

  @IsString()
  @MaxLength(1024)
  password!: string;

  @IsString()
  @MaxLength(200)
  displayName!: string;
}

export class LogInRequest {
  @IsString()
  @MaxLength(320)
  email!: string;

  @IsString()
  @MaxLength(1024)
  password!: string;
}

export class RefreshTokenRequest {
  /** The opaque refresh token a log-in or the previous refresh returned. */
  @IsString()
  @Length(16, 256)
  refreshToken!: string;
}

export class ChangePasswordRequest {
  @IsString()
  @MaxLength(1024)
  currentPassword!: string;

  @IsString()
  @MaxLength(1024)
  newPassword!: string;
}

export class ListUsersQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @IsString()
  @MaxLength(254)
  emailContains?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  createdAfter?: string;
}
