import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marks the messaging columns that hold personal data (docs/data/personal-data.md, grammar in
 * tools/data-catalogue/README.md): event payloads carry the e-mails and names of the events about
 * users, customers and invoices. Headers hold trace and correlation ids only, and stay unmarked.
 */
const MARKS: ReadonlyArray<readonly [column: string, mark: string]> = [
  [
    'messaging_outbox.payload',
    'personal: purpose=events on their way to Kafka, whose payloads carry e-mails and names of users and customers; retention=7 days after publication (the outbox relay retentionMs), then deleted by the relay, and scrubbed of the person before that by the erasure of the service that wrote them (docs/decisions/0015); erasure=anonymise',
  ],
  [
    'messaging_parked_event.payload',
    'personal: purpose=events a consumer could not apply yet, kept in key order for retry, with the e-mails and names their payloads carry; retention=until applied or dead-lettered to the topic DLQ; erasure=delete',
  ],
];

/** Comments the personal columns of the messaging tables; `down` removes the comments. */
export class MessagingPersonalData1795000100000 implements MigrationInterface {
  name = 'MessagingPersonalData1795000100000';

  async up(runner: QueryRunner): Promise<void> {
    for (const [column, mark] of MARKS) await runner.query(`COMMENT ON COLUMN ${column} IS '${mark}'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const [column] of MARKS) await runner.query(`COMMENT ON COLUMN ${column} IS NULL`);
  }
}
