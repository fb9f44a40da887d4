import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The notifications' marks before this migration, restored by `down`. */
const KEPT_UNTIL_ERASURE =
  'kept as the delivery record until the person is erased (docs/decisions/0015), no purge job yet';
const DELETED_BY_RETENTION =
  'RETENTION_NOTIFICATIONS_DAYS (180 by default) after creation once sent, failed or suppressed, then deleted by the retention-notifications job, earlier at the erasure of the person (docs/decisions/0015)';

/** Purpose and erasure as marked by MarkPersonalData1798900000000; only the retention changes. */
const NOTIFICATION_MARKS: ReadonlyArray<readonly [column: string, purpose: string]> = [
  [
    'notifications.recipient',
    'the e-mail address a notification is sent to (a webhook endpoint id for webhooks), also its once-per-event guard',
  ],
  ['notifications.recipient_name', 'the greeting of the e-mail'],
  [
    'notifications.data',
    'what the message template renders (names, e-mails and invoice details of the event), or the webhook event sent',
  ],
];

/**
 * Retention of the delivery records (README "Retention"): the indexes the retention jobs delete by,
 * oldest first in short batches (finished notifications by creation, webhook attempts by time),
 * and the notifications' personal-data marks now name the rule that deletes them.
 */
export class AddRetention1799100000000 implements MigrationInterface {
  name = 'AddRetention1799100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX notifications_finished_created_at ON notifications (created_at)
         WHERE status IN ('sent', 'failed', 'suppressed')`,
    );
    await runner.query(`CREATE INDEX webhook_attempts_attempted_at ON webhook_attempts (attempted_at)`);
    await mark(runner, DELETED_BY_RETENTION);
  }

  async down(runner: QueryRunner): Promise<void> {
    await mark(runner, KEPT_UNTIL_ERASURE);
    await runner.query(`DROP INDEX webhook_attempts_attempted_at`);
    await runner.query(`DROP INDEX notifications_finished_created_at`);
  }
}

async function mark(runner: QueryRunner, retention: string): Promise<void> {
  for (const [column, purpose] of NOTIFICATION_MARKS) {
    await runner.query(
      `COMMENT ON COLUMN ${column} IS 'personal: purpose=${purpose}; retention=${retention}; erasure=delete'`,
    );
  }
}
