import { IsInt, IsNotEmpty, IsOptional, IsString, Min } from 'class-validator';

/** The body of a successful OAuth 2.0 token response (RFC 6749 §5.1), as far as we use it. */
export class TokenResponse {
  @IsString()
  @IsNotEmpty()
  access_token!: string;

  @IsOptional()
  @IsString()
  token_type?: string;

  /** Lifetime in seconds; RFC 6749 only recommends it. */
  @IsOptional()
  @IsInt()
  @Min(1)
  expires_in?: number;
}
