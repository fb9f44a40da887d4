import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook endpoints of businesses and the attempts of their deliveries. A delivery itself is a
 * `notifications` row (channel `webhook`, recipient = the endpoint id, template = the webhook
 * type), so the unique (event_id, recipient, channel) makes it once per (event, endpoint).
 */
export class CreateWebhookTables1798100000000 implements MigrationInterface {
  name = 'CreateWebhookTables1798100000000';

  async up(runner: QueryRunner): Promise<void> {
    // Secrets are stored encrypted (AES-256-GCM with WEBHOOK_SECRETS_KEY), never in plain text.
    await runner.query(`
      CREATE TABLE webhook_endpoints (
        id                          uuid PRIMARY KEY,
        business_id                 uuid NOT NULL,
        url                         text NOT NULL,
        description                 text,
        events                      text[] NOT NULL,
        enabled                     boolean NOT NULL,
        disabled_reason             text CHECK (disabled_reason IN ('manual', 'gone', 'failing')),
        disabled_at                 timestamptz,
        failing_since               timestamptz,
        secret_sealed               text NOT NULL,
        previous_secret_sealed      text,
        previous_secret_expires_at  timestamptz,
        created_at                  timestamptz NOT NULL,
        updated_at                  timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX webhook_endpoints_by_business ON webhook_endpoints (business_id, id)`);

    await runner.query(`
      CREATE TABLE webhook_attempts (
        id               uuid PRIMARY KEY,
        notification_id  uuid NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
        endpoint_id      uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
        attempt          integer NOT NULL,
        attempted_at     timestamptz NOT NULL,
        outcome          text NOT NULL,
        response_status  integer,
        latency_ms       integer NOT NULL,
        response_body    text,
        error            text,
        next_attempt_at  timestamptz
      )`);
    await runner.query(`CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (notification_id, attempted_at)`);
    // The deliveries list of an endpoint.
    await runner.query(
      `CREATE INDEX notifications_webhook_by_endpoint ON notifications (recipient, id) WHERE channel = 'webhook'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX notifications_webhook_by_endpoint`);
    await runner.query(`DROP TABLE webhook_attempts`);
    await runner.query(`DROP TABLE webhook_endpoints`);
  }
}
