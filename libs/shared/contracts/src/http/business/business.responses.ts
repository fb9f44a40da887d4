import { ApiProperty } from '@nestjs/swagger';
import { BUSINESS_ROLES, type BusinessRole } from '../../business/business-roles.js';
import { INVOICE_STATUSES, type InvoiceStatus } from '../../business/invoice-statuses.js';
import { MoneyResponse } from '../common/money.response.js';
import { CURRENCY_PATTERN } from '../common/text-patterns.js';

// What the public business API answers about businesses, their members and their summary. Plain
// classes: the business-service fills them, the OpenAPI document describes them.

const NEXT_CURSOR = {
  type: 'string',
  nullable: true,
  description: 'Pass as `cursor` for the next page; null on the last.',
} as const;

/** A business as one of its members sees it. */
export class BusinessResponse {
  @ApiProperty({ format: 'uuid', description: 'UUID v7.' })
  id!: string;

  @ApiProperty({ example: 'Acme Consulting GmbH' })
  name!: string;

  @ApiProperty({ pattern: CURRENCY_PATTERN, example: 'EUR', description: 'Default currency of its invoices.' })
  currency!: string;

  @ApiProperty({ example: 'ACME', description: 'Prefix of its invoice numbers.' })
  invoicePrefix!: string;

  @ApiProperty({ enum: BUSINESS_ROLES, enumName: 'BusinessRole', description: 'The caller’s role in this business.' })
  role!: BusinessRole;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

/** One page of the caller's businesses. */
export class BusinessPageResponse {
  @ApiProperty({ type: () => BusinessResponse, isArray: true })
  items!: BusinessResponse[];

  @ApiProperty(NEXT_CURSOR)
  nextCursor!: string | null;
}

/** A member of a business: a registered user and their role in it. */
export class MemberResponse {
  @ApiProperty({ format: 'uuid', description: 'The user’s id (UUID v7).' })
  userId!: string;

  @ApiProperty({ format: 'email' })
  email!: string;

  @ApiProperty({ example: 'Grace Hopper' })
  displayName!: string;

  @ApiProperty({ enum: BUSINESS_ROLES, enumName: 'BusinessRole' })
  role!: BusinessRole;

  @ApiProperty({ format: 'date-time', description: 'When the user joined the business.' })
  addedAt!: string;
}

/** One page of the members of a business. */
export class MemberPageResponse {
  @ApiProperty({ type: () => MemberResponse, isArray: true })
  items!: MemberResponse[];

  @ApiProperty(NEXT_CURSOR)
  nextCursor!: string | null;
}

/** Invoices of one status in one currency. */
export class InvoiceStatusTotalResponse {
  @ApiProperty({ enum: INVOICE_STATUSES, enumName: 'InvoiceStatus' })
  status!: InvoiceStatus;

  @ApiProperty({ pattern: CURRENCY_PATTERN, example: 'EUR' })
  currency!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many invoices.' })
  count!: number;

  @ApiProperty({ type: () => MoneyResponse, description: 'Sum of their totals.' })
  total!: MoneyResponse;
}

/** Issued invoices past their due date and still unpaid, in one currency. */
export class OverdueTotalResponse {
  @ApiProperty({ pattern: CURRENCY_PATTERN, example: 'EUR' })
  currency!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many invoices.' })
  count!: number;

  @ApiProperty({ type: () => MoneyResponse, description: 'Sum of their totals.' })
  total!: MoneyResponse;
}

/** Counts and totals of a business's invoices; may be up to a cache TTL old (see `computedAt`). */
export class BusinessSummaryResponse {
  @ApiProperty({
    type: () => InvoiceStatusTotalResponse,
    isArray: true,
    description: 'One entry per status and currency that has invoices.',
  })
  byStatus!: InvoiceStatusTotalResponse[];

  @ApiProperty({
    type: () => OverdueTotalResponse,
    isArray: true,
    description: 'One entry per currency with overdue invoices.',
  })
  overdue!: OverdueTotalResponse[];

  @ApiProperty({ format: 'date-time', description: 'When these figures were computed.' })
  computedAt!: string;
}
