import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erased users in the members directory (docs/decisions/0015): the row stays, with the fixed marker
 * in place of the e-mail and name, and `erased_at` set. Its memberships keep referencing it, and a
 * late `auth.user.registered` for the id finds it and is ignored. A user erased before the directory
 * knew them gets such a row as a tombstone, with no registration time.
 */
export class AddDirectoryErasure1798000000000 implements MigrationInterface {
  name = 'AddDirectoryErasure1798000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE directory_users ADD COLUMN erased_at timestamptz`);
    await runner.query(`ALTER TABLE directory_users ALTER COLUMN registered_at DROP NOT NULL`);
    await runner.query(
      `ALTER TABLE directory_users ADD CONSTRAINT directory_users_registered_unless_erased
         CHECK (registered_at IS NOT NULL OR erased_at IS NOT NULL)`,
    );
    // Every erased user carries the same marker address: only live users' addresses are unique.
    await runner.query(`DROP INDEX directory_users_email`);
    await runner.query(`CREATE UNIQUE INDEX directory_users_email ON directory_users (email) WHERE erased_at IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    // Tombstones go; erased users get distinct marker addresses so the full unique index holds again.
    await runner.query(`DELETE FROM directory_users WHERE registered_at IS NULL`);
    await runner.query(
      `UPDATE directory_users SET email = 'erased+' || user_id || '@erased.invalid' WHERE erased_at IS NOT NULL`,
    );
    await runner.query(`DROP INDEX directory_users_email`);
    await runner.query(`CREATE UNIQUE INDEX directory_users_email ON directory_users (email)`);
    await runner.query(`ALTER TABLE directory_users DROP CONSTRAINT directory_users_registered_unless_erased`);
    await runner.query(`ALTER TABLE directory_users ALTER COLUMN registered_at SET NOT NULL`);
    await runner.query(`ALTER TABLE directory_users DROP COLUMN erased_at`);
  }
}
