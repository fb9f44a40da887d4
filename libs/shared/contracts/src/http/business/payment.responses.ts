import { ApiProperty } from '@nestjs/swagger';
import { MoneyResponse } from '../common/money.response.js';

/** Where a payment is: `initiating` (the provider not reached yet), `pending` (waiting for the payer), then `succeeded` or `failed`. */
export const PAYMENT_STATUSES = ['initiating', 'pending', 'succeeded', 'failed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** How the money came. */
export const PAYMENT_METHODS = ['provider', 'manual'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** A payment of an invoice. */
export class PaymentResponse {
  @ApiProperty({ format: 'uuid', description: 'UUID v7.' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  businessId!: string;

  @ApiProperty({ format: 'uuid' })
  invoiceId!: string;

  @ApiProperty({ enum: PAYMENT_STATUSES, enumName: 'PaymentStatus' })
  status!: PaymentStatus;

  @ApiProperty({ enum: PAYMENT_METHODS, enumName: 'PaymentMethod' })
  method!: PaymentMethod;

  @ApiProperty({ type: () => MoneyResponse })
  amount!: MoneyResponse;

  @ApiProperty({
    type: 'string',
    nullable: true,
    format: 'uri',
    description: 'Where the payer pays (provider payments); null for manual payments and before the provider answered.',
  })
  checkoutUrl!: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: "A manual payment's reference." })
  reference!: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'Why it failed, as the provider said.' })
  failureReason!: string | null;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'When it succeeded.' })
  confirmedAt!: string | null;
}

/** The payments of an invoice, oldest first. */
export class PaymentListResponse {
  @ApiProperty({ type: () => PaymentResponse, isArray: true })
  items!: PaymentResponse[];
}

/** The answer to a provider's webhook: recorded (it is applied once). */
export class WebhookReceivedResponse {
  @ApiProperty({ example: true })
  received!: boolean;
}
