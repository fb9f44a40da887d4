import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention on the shared job runner (README "Retention"): the indexes its jobs delete by, oldest
 * first in short batches, and the login-throttle marks now name those jobs. Marks are literal
 * here, as in MarkPersonalData1795900000000, so that this migration never changes.
 */
const MARKS: ReadonlyArray<readonly [column: string, before: string, after: string]> = [
  [
    'login_throttle.key',
    'personal: purpose=per-client log-in throttling, its address: keys hold the client IP address in plain (its pair: keys are HMACs); retention=until the window ends (LOGIN_WINDOW_SECONDS, 15 minutes by default), then deleted by the login throttle clean-up job; erasure=delete',
    'personal: purpose=per-client log-in throttling, its address: keys hold the client IP address in plain (its pair: keys are HMACs); retention=until the window ends (LOGIN_WINDOW_SECONDS, 15 minutes by default), then deleted by the retention-login-throttle job; erasure=delete',
  ],
  [
    'login_account_throttle.account_key',
    'personal: purpose=per-account log-in delays, keyed by an HMAC of the account e-mail (pseudonymous); retention=until its one-hour window ends, then deleted by the login throttle clean-up job; erasure=delete',
    'personal: purpose=per-account log-in delays, keyed by an HMAC of the account e-mail (pseudonymous); retention=until its one-hour window and its last delay end, then deleted by the retention-login-account-throttle job; erasure=delete',
  ],
  [
    'login_known_addresses.key',
    'personal: purpose=client addresses an account logged in from, as an HMAC of account and address (pseudonymous), exempt from the account delays; retention=LOGIN_KNOWN_ADDRESS_DAYS (90 by default) after the last log-in from the address, then deleted by the clean-up job; erasure=delete',
    'personal: purpose=client addresses an account logged in from, as an HMAC of account and address (pseudonymous), exempt from the account delays; retention=LOGIN_KNOWN_ADDRESS_DAYS (90 by default) after the last log-in from the address, then deleted by the retention-login-known-addresses job; erasure=delete',
  ],
];

export class AddRetention1796000000000 implements MigrationInterface {
  name = 'AddRetention1796000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at)`);
    await runner.query(`CREATE INDEX login_throttle_window_started_at ON login_throttle (window_started_at)`);
    await runner.query(
      `CREATE INDEX login_account_throttle_window_started_at ON login_account_throttle (window_started_at)`,
    );
    for (const [column, , after] of MARKS) await runner.query(`COMMENT ON COLUMN ${column} IS '${after}'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const [column, before] of MARKS) await runner.query(`COMMENT ON COLUMN ${column} IS '${before}'`);
    await runner.query(`DROP INDEX login_account_throttle_window_started_at`);
    await runner.query(`DROP INDEX login_throttle_window_started_at`);
    await runner.query(`DROP INDEX refresh_tokens_expires_at`);
  }
}
