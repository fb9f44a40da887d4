import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MessagingIdempotentRequest1799300000000 } from './messaging-idempotent-request.migration.js';
import { MessagingPersonalData1795000100000 } from './messaging-personal-data.migration.js';

/**
 * The outbox, inbox and parked-event tables. A service lists this migration with its own
 * (`migrations: [...messagingMigrations, ...own]`), so they are created in its database by the
 * same `migration:run` as everything else.
 */
export class MessagingSchema1795000000000 implements MigrationInterface {
  name = 'MessagingSchema1795000000000';

  async up(runner: QueryRunner): Promise<void> {
    // Outbox: events written in the same transaction as the state change; `id` orders rows per key.
    await runner.query(`
      CREATE TABLE messaging_outbox (
        id            bigserial PRIMARY KEY,
        event_id      uuid NOT NULL UNIQUE,
        topic         text NOT NULL,
        key           text NOT NULL,
        headers       jsonb NOT NULL,
        payload       text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        published_at  timestamptz,
        attempts      integer NOT NULL DEFAULT 0,
        last_error    text
      )`);
    // The relay only ever scans pending rows; the clean-up only published ones.
    await runner.query(`CREATE INDEX messaging_outbox_pending ON messaging_outbox (id) WHERE published_at IS NULL`);
    await runner.query(
      `CREATE INDEX messaging_outbox_published ON messaging_outbox (published_at) WHERE published_at IS NOT NULL`,
    );

    // Inbox: one row per event a consumer group has applied, committed with the handler's effects.
    await runner.query(`
      CREATE TABLE messaging_inbox (
        consumer_group  text NOT NULL,
        event_id        uuid NOT NULL,
        event_type      text NOT NULL,
        processed_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
    await runner.query(`CREATE INDEX messaging_inbox_processed_at ON messaging_inbox (processed_at)`);

    // Parked events: a key whose head event failed waits here, in order, while other keys flow.
    await runner.query(`
      CREATE TABLE messaging_parked_event (
        id               bigserial PRIMARY KEY,
        consumer_group   text NOT NULL,
        topic            text NOT NULL,
        key              text NOT NULL,
        partition        integer NOT NULL,
        "offset"         bigint NOT NULL,
        event_id         uuid NOT NULL,
        event_type       text NOT NULL,
        headers          jsonb NOT NULL,
        payload          text NOT NULL,
        attempts         integer NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz NOT NULL DEFAULT now(),
        last_error       text,
        parked_at        timestamptz NOT NULL DEFAULT now(),
        UNIQUE (consumer_group, topic, partition, "offset")
      )`);
    await runner.query(
      `CREATE INDEX messaging_parked_event_key ON messaging_parked_event (consumer_group, topic, key, id)`,
    );
    await runner.query(
      `CREATE INDEX messaging_parked_event_due ON messaging_parked_event (consumer_group, next_attempt_at)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE messaging_parked_event`);
    await runner.query(`DROP TABLE messaging_inbox`);
    await runner.query(`DROP TABLE messaging_outbox`);
  }
}

/** The migrations of this library, in order, to spread into a service's DataSource `migrations`. */
export const messagingMigrations = [
  MessagingSchema1795000000000,
  MessagingPersonalData1795000100000,
  MessagingIdempotentRequest1799300000000,
];
