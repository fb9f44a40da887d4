import { ApiProperty } from '@nestjs/swagger';

// What the public business API answers about customers.

/** A billing address as stored. */
export class AddressResponse {
  @ApiProperty({ example: 'Friedrichstraße 123' })
  line1!: string;

  @ApiProperty({ type: 'string', nullable: true, example: '3rd floor' })
  line2!: string | null;

  @ApiProperty({ example: 'Berlin' })
  city!: string;

  @ApiProperty({ example: '10117' })
  postalCode!: string;

  @ApiProperty({ pattern: '^[A-Z]{2}$', example: 'DE', description: 'ISO 3166-1 alpha-2.' })
  country!: string;
}

/** A customer of a business. */
export class CustomerResponse {
  @ApiProperty({ format: 'uuid', description: 'UUID v7.' })
  id!: string;

  @ApiProperty({ example: 'Globex Corporation' })
  name!: string;

  @ApiProperty({ format: 'email' })
  email!: string;

  @ApiProperty({ type: () => AddressResponse, nullable: true })
  address!: AddressResponse | null;

  @ApiProperty({ type: 'string', nullable: true, example: 'DE123456789' })
  taxId!: string | null;

  @ApiProperty({
    type: 'boolean',
    description: 'True once archived: kept, rather than deleted, because invoices name it.',
  })
  archived!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

/** One page of the customers of a business. */
export class CustomerPageResponse {
  @ApiProperty({ type: () => CustomerResponse, isArray: true })
  items!: CustomerResponse[];

  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' })
  nextCursor!: string | null;
}
