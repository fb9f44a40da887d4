import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marks every column of the business-service that holds personal data with its purpose, retention
 * and erasure action (grammar: tools/data-catalogue/README.md; catalogue: docs/data/personal-data.md).
 * Issued invoices are legal records: what they show of a customer (name, address, tax id, lines)
 * is kept for the statutory retention, while the customer's other personal fields are anonymised.
 * The marks are literal here, not built by shared code, so that the migration never changes.
 */
const MARKS: ReadonlyArray<readonly [column: string, mark: string]> = [
  [
    'directory_users.email',
    'personal: purpose=read model of auth-service users (auth.user.registered), to find and list business members; retention=until the user is erased, then replaced by a fixed marker while memberships keep the row (docs/decisions/0015); erasure=anonymise',
  ],
  [
    'directory_users.display_name',
    'personal: purpose=read model of auth-service users, the name shown in member lists; retention=until the user is erased, then replaced by a fixed marker while memberships keep the row (docs/decisions/0015); erasure=anonymise',
  ],
  [
    'businesses.name',
    'personal: purpose=the business name, shown in the app and as the seller on its invoices, often the own name of a sole trader; retention=while the business exists, and on its issued invoices for the statutory invoice retention; erasure=keep-legal-record',
  ],
  [
    'customers.name',
    'personal: purpose=the person or company invoices are addressed to; retention=while the business keeps the customer, once invoiced for the statutory invoice retention (10 years after the last invoice); erasure=keep-legal-record',
  ],
  [
    'customers.email',
    'personal: purpose=where the invoices and payment reminders of the customer are sent; retention=while the business keeps the customer; erasure=anonymise',
  ],
  [
    'customers.address',
    'personal: purpose=billing address printed on invoices; retention=while the business keeps the customer, once invoiced for the statutory invoice retention (10 years after the last invoice); erasure=keep-legal-record',
  ],
  [
    'customers.tax_id',
    'personal: purpose=tax or VAT id of the customer printed on invoices (reverse charge); retention=while the business keeps the customer, once invoiced for the statutory invoice retention (10 years after the last invoice); erasure=keep-legal-record',
  ],
  [
    'invoices.lines',
    'personal: purpose=the invoice lines, whose descriptions may name people; retention=issued invoices for the statutory invoice retention (10 years after issue), drafts until deleted; erasure=keep-legal-record',
  ],
  [
    'recurring_invoices.lines',
    'personal: purpose=the lines copied into each invoice of the schedule, whose descriptions may name people; retention=while the schedule exists; erasure=delete',
  ],
];

/** Comments the personal columns of the business-service's tables; `down` removes the comments. */
export class MarkPersonalData1797900000000 implements MigrationInterface {
  name = 'MarkPersonalData1797900000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const [column, mark] of MARKS) await runner.query(`COMMENT ON COLUMN ${column} IS '${mark}'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const [column] of MARKS) await runner.query(`COMMENT ON COLUMN ${column} IS NULL`);
  }
}
