import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marks every column of the auth-service that holds personal data with its purpose, retention and
 * erasure action (grammar: tools/data-catalogue/README.md; catalogue: docs/data/personal-data.md).
 * The marks are literal here, not built by shared code, so that the migration never changes.
 */
const MARKS: ReadonlyArray<readonly [column: string, mark: string]> = [
  [
    'users.email',
    'personal: purpose=log-in name and the address of account e-mails (password reset, security notices); retention=while the account exists, removed at its erasure (docs/decisions/0015) while the row keeps its id; erasure=delete',
  ],
  [
    'users.display_name',
    'personal: purpose=the name shown to the user, in tokens and in member lists of businesses; retention=while the account exists, removed at its erasure (docs/decisions/0015) while the row keeps its id; erasure=delete',
  ],
  [
    'users.password_hash',
    'personal: purpose=verifies the password at log-in (an argon2id hash, never the password); retention=while the account exists (replaced on a password change), removed at its erasure (docs/decisions/0015); erasure=delete',
  ],
  [
    'login_throttle.key',
    'personal: purpose=per-client log-in throttling, its address: keys hold the client IP address in plain (its pair: keys are HMACs); retention=until the window ends (LOGIN_WINDOW_SECONDS, 15 minutes by default), then deleted by the login throttle clean-up job; erasure=delete',
  ],
  [
    'login_account_throttle.account_key',
    'personal: purpose=per-account log-in delays, keyed by an HMAC of the account e-mail (pseudonymous); retention=until its one-hour window ends, then deleted by the login throttle clean-up job; erasure=delete',
  ],
  [
    'login_known_addresses.key',
    'personal: purpose=client addresses an account logged in from, as an HMAC of account and address (pseudonymous), exempt from the account delays; retention=LOGIN_KNOWN_ADDRESS_DAYS (90 by default) after the last log-in from the address, then deleted by the clean-up job; erasure=delete',
  ],
];

/** Comments the personal columns of the auth-service's tables; `down` removes the comments. */
export class MarkPersonalData1795900000000 implements MigrationInterface {
  name = 'MarkPersonalData1795900000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const [column, mark] of MARKS) await runner.query(`COMMENT ON COLUMN ${column} IS '${mark}'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const [column] of MARKS) await runner.query(`COMMENT ON COLUMN ${column} IS NULL`);
  }
}
