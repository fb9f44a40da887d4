import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsString, Length, Matches, Min, ValidateIf, ValidateNested } from 'class-validator';

// The payment sandbox's answers as this service relies on them (docs: /work/briefs/sandbox-api.md
// in the issue; tools/payment-sandbox/README.md). Checked on reception: an answer that breaks them
// is a 502, not a crash three calls later.

/** An amount at the provider. */
export class SandboxAmount {
  @IsInt()
  @Min(0)
  amountMinor!: number;

  @Matches(/^[A-Z]{3}$/)
  currency!: string;
}

/** A payment at the provider, in its current state. */
export class SandboxPayment {
  @IsString()
  @Length(1, 255)
  id!: string;

  @IsIn(['pending', 'succeeded', 'failed'])
  status!: 'pending' | 'succeeded' | 'failed';

  @IsObject()
  @ValidateNested()
  @Type(() => SandboxAmount)
  amount!: SandboxAmount;

  @IsString()
  @Length(1, 200)
  reference!: string;

  @IsString()
  @Matches(/^https?:\/\//)
  checkoutUrl!: string;

  @ValidateIf((_object: object, value: unknown) => value !== null)
  @IsString()
  failureReason!: string | null;
}
