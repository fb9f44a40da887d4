import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payments of invoices (through the payment provider or recorded by hand), the provider's events
 * as received (each applied once), and the paid sum on the invoice.
 */
export class CreatePaymentTables1797000000000 implements MigrationInterface {
  name = 'CreatePaymentTables1797000000000';

  async up(runner: QueryRunner): Promise<void> {
    // The sum of the invoice's succeeded payments, kept with the invoice under its row lock.
    await runner.query(`ALTER TABLE invoices ADD COLUMN paid_minor bigint NOT NULL DEFAULT 0`);

    await runner.query(`
      CREATE TABLE payments (
        id                   uuid PRIMARY KEY,
        business_id          uuid NOT NULL REFERENCES businesses (id),
        invoice_id           uuid NOT NULL REFERENCES invoices (id),
        amount_minor         bigint NOT NULL CHECK (amount_minor > 0),
        currency             char(3) NOT NULL,
        method               text NOT NULL CHECK (method IN ('provider', 'manual')),
        provider             text,
        provider_payment_id  text UNIQUE,
        status               text NOT NULL CHECK (status IN ('initiating', 'pending', 'succeeded', 'failed')),
        checkout_url         text,
        reference            text,
        failure_reason       text,
        request_key          text,
        start_traceparent    text,
        created_at           timestamptz NOT NULL,
        confirmed_at         timestamptz,
        updated_at           timestamptz NOT NULL,
        CONSTRAINT payments_request_key_unique UNIQUE (invoice_id, request_key),
        CONSTRAINT payments_provider_when_provider CHECK ((method = 'provider') = (provider IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX payments_by_invoice ON payments (invoice_id, id)`);
    // Reconciliation walks the unsettled payments by id (its keyset); settled ones leave the index.
    await runner.query(`CREATE INDEX payments_unsettled ON payments (id) WHERE status IN ('initiating', 'pending')`);

    await runner.query(`
      CREATE TABLE payment_provider_events (
        provider             text NOT NULL,
        event_id             text NOT NULL,
        received_at          timestamptz NOT NULL,
        type                 text NOT NULL,
        provider_payment_id  text,
        payload              jsonb NOT NULL,
        applied_at           timestamptz,
        PRIMARY KEY (provider, event_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE payment_provider_events`);
    await runner.query(`DROP TABLE payments`);
    await runner.query(`ALTER TABLE invoices DROP COLUMN paid_minor`);
  }
}
