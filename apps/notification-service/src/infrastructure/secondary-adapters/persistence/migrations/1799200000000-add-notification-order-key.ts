import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `order_key`: the key of the event a notification comes from (its aggregate, e.g. the invoice).
 * A dispatcher claims a notification only when no earlier one of the same channel, recipient and
 * key is still to be sent, so an invoice's receipt never overtakes its invoice e-mail, nor its
 * `invoice.paid` webhook the `invoice.issued` one, while the earlier is retried. Rows from before
 * have none and are not ordered. The index finds the unfinished predecessors.
 */
export class AddNotificationOrderKey1799200000000 implements MigrationInterface {
  name = 'AddNotificationOrderKey1799200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE notifications ADD COLUMN order_key text`);
    await runner.query(
      `CREATE INDEX notifications_unfinished_by_key ON notifications (channel, recipient, order_key, occurred_at, id)
        WHERE order_key IS NOT NULL AND status IN ('queued', 'retrying', 'sending')`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX notifications_unfinished_by_key`);
    await runner.query(`ALTER TABLE notifications DROP COLUMN order_key`);
  }
}
