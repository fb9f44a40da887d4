import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { BUSINESS_ROLES, type BusinessRole } from '../../business/business-roles.js';
import { CodePointLength } from '../../common/code-point-length.js';
import { OmittableNotNull } from '../common/optional.js';
import {
  CURRENCY_PATTERN,
  INVOICE_PREFIX_PATTERN,
  NAME_PROPERTY,
  VISIBLE_TEXT_PATTERN,
} from '../common/text-patterns.js';

// Request bodies of the public business API: businesses and their members. Every bound a schema
// can state is stated twice, as a class-validator rule (a 400) and in `@ApiProperty` (the OpenAPI
// contract), and the two agree exactly. What a schema cannot say (an unknown currency, an e-mail
// address the service cannot send to, a user not in the directory) the business-service refuses
// with a 422 or 404 (docs/decisions/0012).

const CURRENCY_DESCRIPTION = 'ISO 4217 code in upper case; a code that is not a currency is refused with 422.';

const INVOICE_PREFIX_DESCRIPTION =
  'Starts every invoice number: `<prefix>-<year>-<sequence>`, e.g. `ACME-2026-0007`. 1 to 10 upper-case letters or digits.';

export class CreateBusinessRequest {
  @ApiProperty({ ...NAME_PROPERTY, example: 'Acme Consulting GmbH' })
  @IsString()
  @CodePointLength(1, 200)
  @Matches(new RegExp(VISIBLE_TEXT_PATTERN))
  name!: string;

  @ApiProperty({
    pattern: CURRENCY_PATTERN,
    example: 'EUR',
    description: `Default currency of its invoices. ${CURRENCY_DESCRIPTION}`,
  })
  @IsString()
  @Matches(new RegExp(CURRENCY_PATTERN))
  currency!: string;

  @ApiPropertyOptional({
    pattern: INVOICE_PREFIX_PATTERN,
    minLength: 1,
    maxLength: 10,
    example: 'ACME',
    description: `${INVOICE_PREFIX_DESCRIPTION} When omitted, the service chooses one.`,
  })
  @OmittableNotNull()
  @IsString()
  @Matches(new RegExp(INVOICE_PREFIX_PATTERN))
  invoicePrefix?: string;
}

/** Changes to a business; a field left out stays as it is. The currency cannot change. */
export class UpdateBusinessRequest {
  @ApiPropertyOptional({ ...NAME_PROPERTY, example: 'Acme Consulting GmbH' })
  @OmittableNotNull()
  @IsString()
  @CodePointLength(1, 200)
  @Matches(new RegExp(VISIBLE_TEXT_PATTERN))
  name?: string;

  @ApiPropertyOptional({
    pattern: INVOICE_PREFIX_PATTERN,
    minLength: 1,
    maxLength: 10,
    example: 'ACME',
    description: `${INVOICE_PREFIX_DESCRIPTION} Numbers already issued keep their prefix.`,
  })
  @OmittableNotNull()
  @IsString()
  @Matches(new RegExp(INVOICE_PREFIX_PATTERN))
  invoicePrefix?: string;
}

export class AddMemberRequest {
  @ApiProperty({
    format: 'email',
    maxLength: 254,
    example: 'grace@example.com',
    description: 'E-mail of a registered user of the platform; 422 when no user has it.',
  })
  @IsString()
  @CodePointLength(0, 254)
  email!: string;

  @ApiProperty({ enum: BUSINESS_ROLES, enumName: 'BusinessRole', example: 'accountant' })
  @IsIn(BUSINESS_ROLES)
  role!: BusinessRole;
}

export class UpdateMemberRequest {
  @ApiProperty({
    enum: BUSINESS_ROLES,
    enumName: 'BusinessRole',
    example: 'admin',
    description: 'The new role; the last owner cannot be demoted (422).',
  })
  @IsIn(BUSINESS_ROLES)
  role!: BusinessRole;
}
