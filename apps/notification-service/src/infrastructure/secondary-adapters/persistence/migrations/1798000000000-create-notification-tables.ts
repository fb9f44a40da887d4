import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (one per event, recipient and channel) and the read models they are written
 * from: users, businesses and their members, invoices' correspondence, unsubscribes.
 */
export class CreateNotificationTables1798000000000 implements MigrationInterface {
  name = 'CreateNotificationTables1798000000000';

  async up(runner: QueryRunner): Promise<void> {
    // Read models, from events only. updated_at is the event's time: an older event never overwrites a newer one.
    await runner.query(`
      CREATE TABLE known_users (
        user_id       uuid PRIMARY KEY,
        email         text NOT NULL,
        display_name  text NOT NULL,
        updated_at    timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE known_businesses (
        business_id    uuid PRIMARY KEY,
        name           text NOT NULL,
        owner_user_id  uuid NOT NULL,
        updated_at     timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE known_business_members (
        business_id  uuid NOT NULL,
        user_id      uuid NOT NULL,
        role         text NOT NULL,
        updated_at   timestamptz NOT NULL,
        PRIMARY KEY (business_id, user_id)
      )`);
    await runner.query(`
      CREATE TABLE known_invoices (
        invoice_id      uuid PRIMARY KEY,
        business_id     uuid NOT NULL,
        business_name   text,
        number          text NOT NULL,
        customer_id     uuid,
        customer_name   text,
        customer_email  text NOT NULL,
        voided_at       timestamptz,
        updated_at      timestamptz NOT NULL
      )`);

    await runner.query(`
      CREATE TABLE notifications (
        id               uuid PRIMARY KEY,
        event_id         uuid NOT NULL,
        event_type       text NOT NULL,
        occurred_at      timestamptz NOT NULL,
        channel          text NOT NULL CHECK (channel IN ('email', 'webhook')),
        template         text NOT NULL,
        category         text NOT NULL CHECK (category IN ('transactional', 'reminder')),
        recipient        text NOT NULL,
        recipient_name   text,
        user_id          uuid,
        business_id      uuid,
        data             jsonb NOT NULL,
        status           text NOT NULL
                         CHECK (status IN ('queued', 'sending', 'sent', 'retrying', 'failed', 'suppressed')),
        attempts         integer NOT NULL DEFAULT 0,
        last_error       text,
        next_attempt_at  timestamptz NOT NULL,
        locked_until     timestamptz,
        sent_at          timestamptz,
        created_at       timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL,
        CONSTRAINT notifications_once_per_event UNIQUE (event_id, recipient, channel)
      )`);
    // The dispatcher's claim: due rows of a channel; sent, failed and suppressed rows leave the index.
    await runner.query(`
      CREATE INDEX notifications_due ON notifications (channel, next_attempt_at)
        WHERE status IN ('queued', 'retrying', 'sending')`);
    await runner.query(`CREATE INDEX notifications_by_user ON notifications (user_id, id) WHERE user_id IS NOT NULL`);
    await runner.query(
      `CREATE INDEX notifications_by_business ON notifications (business_id, id) WHERE business_id IS NOT NULL`,
    );

    // Unsubscribes by address and category (one-click links and the preferences API).
    await runner.query(`
      CREATE TABLE notification_preferences (
        recipient        text NOT NULL,
        category         text NOT NULL CHECK (category IN ('reminder')),
        unsubscribed_at  timestamptz NOT NULL,
        PRIMARY KEY (recipient, category)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE notification_preferences`);
    await runner.query(`DROP TABLE notifications`);
    await runner.query(`DROP TABLE known_invoices`);
    await runner.query(`DROP TABLE known_business_members`);
    await runner.query(`DROP TABLE known_businesses`);
    await runner.query(`DROP TABLE known_users`);
  }
}
