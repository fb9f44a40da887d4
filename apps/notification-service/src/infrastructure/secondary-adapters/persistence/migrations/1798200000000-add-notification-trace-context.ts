import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trace an e-mail belongs to (W3C `traceparent`/`tracestate` of the consumer that queued it),
 * so the dispatcher's later SMTP send joins the request that caused it instead of starting a trace
 * of its own. Empty for rows queued before it existed.
 */
export class AddNotificationTraceContext1798200000000 implements MigrationInterface {
  name = 'AddNotificationTraceContext1798200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE notifications ADD COLUMN trace_context jsonb NOT NULL DEFAULT '{}'::jsonb`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE notifications DROP COLUMN trace_context`);
  }
}
