import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { CodePointLength } from '../../common/code-point-length.js';
import { CURRENCY_PATTERN, VISIBLE_TEXT_PATTERN } from '../common/text-patterns.js';

// Request bodies of the payments of an invoice. class-validator and `@ApiProperty` state the same bounds.

const VISIBLE = new RegExp(VISIBLE_TEXT_PATTERN);

/** An amount to pay: integer minor units (cents) and the invoice's ISO 4217 currency. */
export class PaymentAmountRequest {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: Number.MAX_SAFE_INTEGER,
    example: 50_000,
    description: 'At least 1 and at most the open balance of the invoice, in minor units.',
  })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor!: number;

  @ApiProperty({ pattern: CURRENCY_PATTERN, example: 'EUR', description: "The invoice's currency." })
  @IsString()
  @Matches(new RegExp(CURRENCY_PATTERN))
  currency!: string;
}

/** Starts a payment of an invoice through the payment provider. */
export class StartPaymentRequest {
  @ApiProperty({ type: () => PaymentAmountRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => PaymentAmountRequest)
  amount!: PaymentAmountRequest;
}

/** Records a payment received outside the provider (a bank transfer). */
export class RecordManualPaymentRequest {
  @ApiProperty({ type: () => PaymentAmountRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => PaymentAmountRequest)
  amount!: PaymentAmountRequest;

  @ApiProperty({
    minLength: 1,
    maxLength: 200,
    pattern: VISIBLE_TEXT_PATTERN,
    example: 'SEPA transfer 2026-02-10, ref. ACME-2026-0007',
    description: "The transfer's reference, as the bank statement shows it.",
  })
  @IsString()
  @CodePointLength(1, 200)
  @Matches(VISIBLE)
  reference!: string;
}
