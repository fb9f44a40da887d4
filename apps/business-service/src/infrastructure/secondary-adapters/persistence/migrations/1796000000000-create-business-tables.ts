import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The business-service's own tables. Money is integer minor units (bigint) with its ISO 4217
 * currency; ids are UUID v7 made by the service; times are timestamptz (UTC).
 */
export class CreateBusinessTables1796000000000 implements MigrationInterface {
  name = 'CreateBusinessTables1796000000000';

  async up(runner: QueryRunner): Promise<void> {
    // The members directory: a read model of the auth-service's users, fed by auth.user.registered.
    await runner.query(`
      CREATE TABLE directory_users (
        user_id        uuid PRIMARY KEY,
        email          text NOT NULL,
        display_name   text NOT NULL,
        registered_at  timestamptz NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE UNIQUE INDEX directory_users_email ON directory_users (email)`);

    await runner.query(`
      CREATE TABLE businesses (
        id              uuid PRIMARY KEY,
        name            text NOT NULL,
        currency        char(3) NOT NULL,
        invoice_prefix  text NOT NULL,
        created_at      timestamptz NOT NULL,
        updated_at      timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE business_members (
        business_id  uuid NOT NULL REFERENCES businesses (id) ON DELETE CASCADE,
        user_id      uuid NOT NULL REFERENCES directory_users (user_id),
        role         text NOT NULL CHECK (role IN ('owner', 'admin', 'accountant', 'viewer')),
        added_at     timestamptz NOT NULL,
        PRIMARY KEY (business_id, user_id)
      )`);
    // "My businesses" and every tenant check start from the caller.
    await runner.query(`CREATE INDEX business_members_by_user ON business_members (user_id, business_id)`);

    await runner.query(`
      CREATE TABLE customers (
        id           uuid PRIMARY KEY,
        business_id  uuid NOT NULL REFERENCES businesses (id),
        name         text NOT NULL,
        email        text NOT NULL,
        address      jsonb,
        tax_id       text,
        archived_at  timestamptz,
        created_at   timestamptz NOT NULL,
        updated_at   timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX customers_by_business ON customers (business_id, id DESC)`);

    await runner.query(`
      CREATE TABLE invoices (
        id              uuid PRIMARY KEY,
        business_id     uuid NOT NULL REFERENCES businesses (id),
        customer_id     uuid NOT NULL REFERENCES customers (id),
        number          text,
        status          text NOT NULL CHECK (status IN ('draft', 'issued', 'paid', 'void')),
        currency        char(3) NOT NULL,
        due_date        date NOT NULL,
        lines           jsonb NOT NULL,
        subtotal_minor  bigint NOT NULL,
        tax_minor       bigint NOT NULL,
        total_minor     bigint NOT NULL,
        issued_at       timestamptz,
        voided_at       timestamptz,
        void_reason     text,
        version         integer NOT NULL,
        created_at      timestamptz NOT NULL,
        updated_at      timestamptz NOT NULL,
        CONSTRAINT invoices_number_unique UNIQUE (business_id, number),
        CONSTRAINT invoices_number_when_issued CHECK ((status = 'draft') = (number IS NULL))
      )`);
    // Pages newest first, and the list filters (status, customer, due date) within a business.
    await runner.query(`CREATE INDEX invoices_by_business ON invoices (business_id, id DESC)`);
    await runner.query(`CREATE INDEX invoices_by_status_due ON invoices (business_id, status, due_date, id DESC)`);
    await runner.query(`CREATE INDEX invoices_by_customer ON invoices (business_id, customer_id, id DESC)`);

    // The last number issued per business and year: numbers are gapless and taken under this row's lock.
    await runner.query(`
      CREATE TABLE invoice_number_sequences (
        business_id  uuid NOT NULL REFERENCES businesses (id),
        year         integer NOT NULL,
        last_number  integer NOT NULL,
        PRIMARY KEY (business_id, year)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'invoice_number_sequences',
      'invoices',
      'customers',
      'business_members',
      'businesses',
      'directory_users',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
