import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Removals in the members read model (business.member.removed). A removed member's row stays, with
 * `removed_at`, as a tombstone: its `updated_at` (the removal's time) keeps an older event that
 * arrives late (a member.added, role change, or the owner row of business.business.created, which
 * travels on another topic) from bringing the member back. Only rows without `removed_at` count.
 */
export class AddMemberRemovals1798300000000 implements MigrationInterface {
  name = 'AddMemberRemovals1798300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE known_business_members ADD COLUMN removed_at timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM known_business_members WHERE removed_at IS NOT NULL`);
    await runner.query(`ALTER TABLE known_business_members DROP COLUMN removed_at`);
  }
}
