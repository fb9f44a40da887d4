import { IsEmail, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { CodePointLength } from '../common/code-point-length.js';
import { ID_UUID_VERSION } from '../common/ids.js';

/**
 * Who an invoice is from and to, as the dunning and payment events carry it: enough for
 * notification-service to write the e-mail without calling back.
 */
export abstract class InvoiceCorrespondence {
  /** Id of the invoice (UUID v7), also the envelope's aggregateId of invoice events. */
  @IsUUID(ID_UUID_VERSION)
  invoiceId!: string;

  /** Id of the business (UUID v7). */
  @IsUUID(ID_UUID_VERSION)
  businessId!: string;

  /** Name of the business, the sender of the e-mail. */
  @IsString()
  @CodePointLength(1, 200)
  businessName!: string;

  /** The invoice's number, as issued. */
  @IsString()
  @Length(1, 64)
  number!: string;

  /** Id of the customer (UUID v7). */
  @IsUUID(ID_UUID_VERSION)
  customerId!: string;

  /** Name of the customer, to address the e-mail. */
  @IsString()
  @CodePointLength(1, 200)
  customerName!: string;

  /** Where the invoice was sent; consumers mask it in logs. */
  @IsEmail()
  @MaxLength(254)
  customerEmail!: string;
}
