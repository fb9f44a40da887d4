import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, IsString, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { CodePointLength } from '../../common/code-point-length.js';
import { OmittableNotNull } from '../common/optional.js';
import { PageQuery, toBoolean } from '../common/page.query.js';
import { COUNTRY_PATTERN, NAME_PROPERTY, TAX_ID_PATTERN, VISIBLE_TEXT_PATTERN } from '../common/text-patterns.js';

// Request bodies and queries of the customers of a business. Same rules as business.requests.ts:
// class-validator and `@ApiProperty` state the same bounds.

const VISIBLE = new RegExp(VISIBLE_TEXT_PATTERN);

const TAX_ID = {
  type: 'string',
  minLength: 1,
  maxLength: 50,
  pattern: TAX_ID_PATTERN,
  example: 'DE123456789',
  description: 'VAT or other tax id: letters, digits, spaces, dots and hyphens.',
} as const;

const CUSTOMER_EMAIL = {
  format: 'email',
  maxLength: 254,
  example: 'billing@customer.example',
  description: 'Where invoices are sent; an address the service cannot send to is refused with 422.',
} as const;

/** A billing address. */
export class AddressRequest {
  @ApiProperty({ minLength: 1, maxLength: 200, pattern: VISIBLE_TEXT_PATTERN, example: 'Friedrichstraße 123' })
  @IsString()
  @CodePointLength(1, 200)
  @Matches(VISIBLE)
  line1!: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200, pattern: VISIBLE_TEXT_PATTERN, example: '3rd floor' })
  @OmittableNotNull()
  @IsString()
  @CodePointLength(1, 200)
  @Matches(VISIBLE)
  line2?: string;

  @ApiProperty({ minLength: 1, maxLength: 100, pattern: VISIBLE_TEXT_PATTERN, example: 'Berlin' })
  @IsString()
  @CodePointLength(1, 100)
  @Matches(VISIBLE)
  city!: string;

  @ApiProperty({ minLength: 1, maxLength: 20, pattern: VISIBLE_TEXT_PATTERN, example: '10117' })
  @IsString()
  @CodePointLength(1, 20)
  @Matches(VISIBLE)
  postalCode!: string;

  @ApiProperty({ pattern: COUNTRY_PATTERN, example: 'DE', description: 'ISO 3166-1 alpha-2 code in upper case.' })
  @IsString()
  @Matches(new RegExp(COUNTRY_PATTERN))
  country!: string;
}

export class CreateCustomerRequest {
  @ApiProperty({ ...NAME_PROPERTY, example: 'Globex Corporation' })
  @IsString()
  @CodePointLength(1, 200)
  @Matches(VISIBLE)
  name!: string;

  @ApiProperty(CUSTOMER_EMAIL)
  @IsString()
  @CodePointLength(0, 254)
  email!: string;

  @ApiPropertyOptional({ type: () => AddressRequest })
  @OmittableNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => AddressRequest)
  address?: AddressRequest;

  @ApiPropertyOptional(TAX_ID)
  @OmittableNotNull()
  @IsString()
  @CodePointLength(1, 50)
  @Matches(new RegExp(TAX_ID_PATTERN))
  taxId?: string;
}

/** Changes to a customer; a field left out stays as it is, `null` removes the address or tax id. */
export class UpdateCustomerRequest {
  @ApiPropertyOptional({ ...NAME_PROPERTY, example: 'Globex Corporation' })
  @OmittableNotNull()
  @IsString()
  @CodePointLength(1, 200)
  @Matches(VISIBLE)
  name?: string;

  @ApiPropertyOptional(CUSTOMER_EMAIL)
  @OmittableNotNull()
  @IsString()
  @CodePointLength(0, 254)
  email?: string;

  @ApiPropertyOptional({ type: () => AddressRequest, nullable: true, description: 'null removes the address.' })
  // null is a value here (remove it); only a missing field skips the rules.
  @ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => AddressRequest)
  address?: AddressRequest | null;

  @ApiPropertyOptional({ ...TAX_ID, nullable: true, description: `${TAX_ID.description} null removes it.` })
  @ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null)
  @IsString()
  @CodePointLength(1, 50)
  @Matches(new RegExp(TAX_ID_PATTERN))
  taxId?: string | null;

  @ApiPropertyOptional({
    type: 'boolean',
    description: 'true archives the customer (kept, rather than deleted, once invoiced); false restores it.',
  })
  @OmittableNotNull()
  @IsBoolean()
  archived?: boolean;
}

/** Filters of the customer list, besides the page. */
export class ListCustomersQuery extends PageQuery {
  @ApiPropertyOptional({
    type: 'boolean',
    description: 'true: only archived customers; false: only active ones; left out: all.',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  archived?: boolean;
}
