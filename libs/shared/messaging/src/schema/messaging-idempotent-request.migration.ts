import type { MigrationInterface, QueryRunner } from 'typeorm';

// The marks of the personal columns (grammar in tools/data-catalogue/README.md). `key` and
// `fingerprint` are hashes of a request, not of a person; `response_headers` holds the answer's
// content type, location and etag, ids only.
const MARKS: ReadonlyArray<readonly [column: string, mark: string]> = [
  [
    'messaging_idempotent_request.subject',
    'personal: purpose=the user id of the caller whose Idempotency-Key this is, so a retry is answered only to them; retention=24 hours, then deleted by the idempotent-request purge; erasure=delete',
  ],
  [
    'messaging_idempotent_request.response_body',
    'personal: purpose=the answer a request with an Idempotency-Key got, replayed to its retries, with the e-mails and names a created resource carries; retention=24 hours, then deleted by the idempotent-request purge; erasure=delete',
  ],
];

/**
 * The inbox of HTTP requests (`@IdempotentRoute()`): one row per Idempotency-Key whose request
 * committed an effect, inserted in that transaction, with the answer stored once it is sent.
 */
export class MessagingIdempotentRequest1799300000000 implements MigrationInterface {
  name = 'MessagingIdempotentRequest1799300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE messaging_idempotent_request (
        key               text PRIMARY KEY,
        fingerprint       text NOT NULL,
        subject           text,
        created_at        timestamptz NOT NULL DEFAULT now(),
        response_status   integer,
        response_headers  jsonb,
        response_body     text,
        completed_at      timestamptz
      )`);
    // The purge deletes by age; the erasure finds a person's rows by subject.
    await runner.query(
      `CREATE INDEX messaging_idempotent_request_created_at ON messaging_idempotent_request (created_at)`,
    );
    await runner.query(
      `CREATE INDEX messaging_idempotent_request_subject ON messaging_idempotent_request (subject) WHERE subject IS NOT NULL`,
    );
    for (const [column, mark] of MARKS) await runner.query(`COMMENT ON COLUMN ${column} IS '${mark}'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE messaging_idempotent_request`);
  }
}
