import type { EntityManager } from 'typeorm';

// First key of the advisory lock per user that orders an erasure against writes about the user.
const USER_LOCK_NAMESPACE = 0x657261; // "era"

/**
 * Holds `userId` until the transaction ends and tells whether the user was erased. The lock is
 * shared among writers (events about one user on other topics run in parallel) and taken
 * exclusively by the erasure: a writer that finds no tombstone commits before the erasure starts
 * deleting, so the erasure sees and deletes what it wrote; one that comes after finds the tombstone.
 * (Under READ COMMITTED, checking the tombstone without the lock would let a write commit unseen.)
 */
export async function isErased(manager: EntityManager, userId: string): Promise<boolean> {
  await manager.query(`SELECT pg_advisory_xact_lock_shared($1::int, hashtext($2))`, [USER_LOCK_NAMESPACE, userId]);
  const rows = (await manager.query(`SELECT 1 FROM erased_users WHERE user_id = $1`, [userId])) as unknown[];
  return rows.length > 0;
}

/** Waits for every transaction holding `userId` to end and keeps the others out until this one ends. */
export async function lockUserForErasure(manager: EntityManager, userId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock($1::int, hashtext($2))`, [USER_LOCK_NAMESPACE, userId]);
}
