import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login throttling that cannot be used to lock an owner out (docs/decisions/0010): the account
 * limit becomes growing delays for addresses not known for the account, counted in its own
 * table; addresses an account logged in from are remembered, as HMACs, for a bounded time.
 * `login_throttle` keeps the per-address windows and gains the per-(account, address) ones.
 */
export class LoginThrottlingWithoutLockout1795200000000 implements MigrationInterface {
  name = 'LoginThrottlingWithoutLockout1795200000000';

  async up(runner: QueryRunner): Promise<void> {
    // The old per-account windows (a lockout) no longer count; their e-mails were stored in plain.
    await runner.query(`DELETE FROM login_throttle WHERE key LIKE 'account:%'`);

    // One row per account (an HMAC of its normalised e-mail): attempts from addresses not known
    // for it in the hour that started at window_started_at, and when the next one may come.
    await runner.query(`
      CREATE TABLE login_account_throttle (
        account_key       char(64) PRIMARY KEY,
        attempts          integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        next_attempt_at   timestamptz NOT NULL
      )`);

    // One row per (account, client address) with a successful log-in: an HMAC of both, no plain IP.
    await runner.query(`
      CREATE TABLE login_known_addresses (
        key           char(64) PRIMARY KEY,
        last_login_at timestamptz NOT NULL
      )`);
    // The purge deletes by age; this table lives for months, unlike the counters.
    await runner.query(`CREATE INDEX login_known_addresses_last_login_at ON login_known_addresses (last_login_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE login_known_addresses`);
    await runner.query(`DROP TABLE login_account_throttle`);
    await runner.query(`DELETE FROM login_throttle WHERE key LIKE 'pair:%'`);
  }
}
