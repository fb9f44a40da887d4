import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tombstones of erased users (auth.user.erasure-requested, docs/decisions/0015): the id only, no
 * personal data, so that a late or replayed event about them records nothing and sends nothing,
 * and a second request for them changes nothing and is not confirmed twice.
 */
export class CreateErasedUsers1799000000000 implements MigrationInterface {
  name = 'CreateErasedUsers1799000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE erased_users (
        user_id    uuid PRIMARY KEY,
        erased_at  timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE erased_users`);
  }
}
