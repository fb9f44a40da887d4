import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, their refresh tokens (stored hashed, grouped in rotation families) and login throttling. */
export class CreateAuthTables1795100000000 implements MigrationInterface {
  name = 'CreateAuthTables1795100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE users (
        id                   uuid PRIMARY KEY,
        email                text NOT NULL,
        display_name         text NOT NULL,
        password_hash        text NOT NULL,
        roles                text[] NOT NULL DEFAULT '{user}',
        created_at           timestamptz NOT NULL,
        password_changed_at  timestamptz NOT NULL,
        tokens_valid_after   timestamptz,
        CONSTRAINT users_email_unique UNIQUE (email),
        CONSTRAINT users_email_lower CHECK (email = lower(email))
      )`);
    // The admin list pages by (created_at, id).
    await runner.query(`CREATE INDEX users_created_at_id ON users (created_at, id)`);

    await runner.query(`
      CREATE TABLE refresh_tokens (
        id              uuid PRIMARY KEY,
        family_id       uuid NOT NULL,
        user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash      char(64) NOT NULL,
        issued_at       timestamptz NOT NULL,
        expires_at      timestamptz NOT NULL,
        rotated_at      timestamptz,
        revoked_at      timestamptz,
        revoked_reason  text,
        CONSTRAINT refresh_tokens_hash_unique UNIQUE (token_hash)
      )`);
    await runner.query(`CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)`);
    await runner.query(`CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id)`);

    // One row per throttled key (an account or a client address): failures in the current window.
    await runner.query(`
      CREATE TABLE login_throttle (
        key               text PRIMARY KEY,
        failures          integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        blocked_until     timestamptz
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE login_throttle`);
    await runner.query(`DROP TABLE refresh_tokens`);
    await runner.query(`DROP TABLE users`);
  }
}
