import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure of a user (docs/decisions/0015). An erased `users` row keeps its id (never reused, so
 * late events about it can be told apart), roles and timestamps; its e-mail, display name and
 * password hash become NULL and `erased_at` marks it. NULL rather than a fixed marker: nothing in
 * the row looks like an address or a name, the e-mail's unique and lower-case constraints hold
 * (NULLs are distinct and pass a CHECK), and a constraint keeps live and erased rows apart.
 * `erasures` records each request, `erasure_confirmations` each service's part.
 */
export class Erasures1795950000000 implements MigrationInterface {
  name = 'Erasures1795950000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE users ADD COLUMN erased_at timestamptz`);
    await runner.query(`
      ALTER TABLE users
        ALTER COLUMN email DROP NOT NULL,
        ALTER COLUMN display_name DROP NOT NULL,
        ALTER COLUMN password_hash DROP NOT NULL`);
    // A live account has every personal field; an erased one none.
    await runner.query(`
      ALTER TABLE users ADD CONSTRAINT users_erased_hold_no_personal_data CHECK (
        CASE WHEN erased_at IS NULL
             THEN email IS NOT NULL AND display_name IS NOT NULL AND password_hash IS NOT NULL
             ELSE email IS NULL AND display_name IS NULL AND password_hash IS NULL
        END)`);

    // One erasure per user: a second request finds the account already erased.
    await runner.query(`
      CREATE TABLE erasures (
        id             uuid PRIMARY KEY,
        user_id        uuid NOT NULL REFERENCES users (id),
        requested_at   timestamptz NOT NULL,
        requested_by   uuid NOT NULL,
        requested_via  text NOT NULL,
        deadline_at    timestamptz NOT NULL,
        CONSTRAINT erasures_user_unique UNIQUE (user_id),
        CONSTRAINT erasures_requested_via CHECK (requested_via IN ('self', 'admin'))
      )`);
    // The overdue gauge reads the erasures past their deadline.
    await runner.query(`CREATE INDEX erasures_deadline_at ON erasures (deadline_at)`);

    await runner.query(`
      CREATE TABLE erasure_confirmations (
        erasure_id       uuid NOT NULL REFERENCES erasures (id) ON DELETE CASCADE,
        service          text NOT NULL,
        confirmed_at     timestamptz NOT NULL,
        records_changed  integer NOT NULL,
        PRIMARY KEY (erasure_id, service),
        CONSTRAINT erasure_confirmations_records_changed CHECK (records_changed >= 0)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE erasure_confirmations`);
    await runner.query(`DROP TABLE erasures`);
    // The earlier schema needs every field: erased rows get markers that hold no personal data
    // and match no log-in (an unusable hash), and keep their ids.
    await runner.query(`
      UPDATE users SET email = 'erased+' || id || '@invalid', display_name = 'Erased user', password_hash = '!'
       WHERE erased_at IS NOT NULL`);
    await runner.query(`ALTER TABLE users DROP CONSTRAINT users_erased_hold_no_personal_data`);
    await runner.query(`
      ALTER TABLE users
        ALTER COLUMN email SET NOT NULL,
        ALTER COLUMN display_name SET NOT NULL,
        ALTER COLUMN password_hash SET NOT NULL`);
    await runner.query(`ALTER TABLE users DROP COLUMN erased_at`);
  }
}
