import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marks every column of the notification-service that holds personal data with its purpose,
 * retention and erasure action (grammar: tools/data-catalogue/README.md; catalogue:
 * docs/data/personal-data.md). A user's erasure deletes what names them (docs/decisions/0015);
 * the invoice and business read models are about customers and businesses, not users.
 * Webhook endpoint URLs are not marked: they address a business's system, not a person.
 * The marks are literal here, not built by shared code, so that the migration never changes.
 */
const MARKS: ReadonlyArray<readonly [column: string, mark: string]> = [
  [
    'known_users.email',
    'personal: purpose=read model of users (auth events), the address of the e-mails sent to them; retention=until the user is erased, then deleted (docs/decisions/0015); erasure=delete',
  ],
  [
    'known_users.display_name',
    'personal: purpose=read model of users (auth events), the greeting of the e-mails sent to them; retention=until the user is erased, then deleted (docs/decisions/0015); erasure=delete',
  ],
  [
    'known_businesses.name',
    'personal: purpose=read model of businesses, names the business in e-mails, often the own name of a sole trader; retention=while the business exists; erasure=anonymise',
  ],
  [
    'known_invoices.business_name',
    'personal: purpose=read model of invoices, names the seller in invoice e-mails and reminders; retention=while the invoice may still be sent or reminded about; erasure=anonymise',
  ],
  [
    'known_invoices.customer_name',
    'personal: purpose=read model of invoices, the greeting of invoice e-mails and reminders; retention=while the invoice may still be sent or reminded about; erasure=anonymise',
  ],
  [
    'known_invoices.customer_email',
    'personal: purpose=read model of invoices, where invoice e-mails and reminders go; retention=while the invoice may still be sent or reminded about; erasure=anonymise',
  ],
  [
    'notifications.recipient',
    'personal: purpose=the e-mail address a notification is sent to (a webhook endpoint id for webhooks), also its once-per-event guard; retention=kept as the delivery record until the person is erased (docs/decisions/0015), no purge job yet; erasure=delete',
  ],
  [
    'notifications.recipient_name',
    'personal: purpose=the greeting of the e-mail; retention=kept as the delivery record until the person is erased (docs/decisions/0015), no purge job yet; erasure=delete',
  ],
  [
    'notifications.data',
    'personal: purpose=what the message template renders (names, e-mails and invoice details of the event), or the webhook event sent; retention=kept as the delivery record until the person is erased (docs/decisions/0015), no purge job yet; erasure=delete',
  ],
  [
    'notification_preferences.recipient',
    'personal: purpose=an e-mail address unsubscribed from a category, so that no such e-mail goes to it again; retention=until the address subscribes again or its person is erased (docs/decisions/0015); erasure=delete',
  ],
];

/** Comments the personal columns of the notification-service's tables; `down` removes the comments. */
export class MarkPersonalData1798900000000 implements MigrationInterface {
  name = 'MarkPersonalData1798900000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const [column, mark] of MARKS) await runner.query(`COMMENT ON COLUMN ${column} IS '${mark}'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const [column] of MARKS) await runner.query(`COMMENT ON COLUMN ${column} IS NULL`);
  }
}
