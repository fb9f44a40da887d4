import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The index the retention job of `payment_provider_events` deletes by (oldest `received_at`
 * first, in short batches): without it each batch would scan the table.
 */
export class AddRetentionIndexes1798100000000 implements MigrationInterface {
  name = 'AddRetentionIndexes1798100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX payment_provider_events_received_at ON payment_provider_events (received_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX payment_provider_events_received_at`);
  }
}
