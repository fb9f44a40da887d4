import { ApiProperty } from '@nestjs/swagger';
import { CURRENCY_PATTERN } from './text-patterns.js';

/** An amount as the API answers it: integer minor units and the ISO 4217 currency, e.g. 12.50 EUR is `{ amountMinor: 1250, currency: 'EUR' }`. */
export class MoneyResponse {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    example: 1250,
    description: 'Amount in the minor unit of the currency (cents for EUR).',
  })
  amountMinor!: number;

  @ApiProperty({ pattern: CURRENCY_PATTERN, example: 'EUR', description: 'ISO 4217 code.' })
  currency!: string;
}
