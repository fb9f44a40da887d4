import {
  NotificationErasureCompletedV1Contract,
  type PayloadOf,
  type UserErasureRequestedV1Contract,
} from '@platform/contracts';
import { getLogger } from '@platform/logging';
import type { ErasureTransaction } from './ports/erasure.port.js';

/**
 * `auth.user.erasure-requested`: this service's part of erasing a person (docs/decisions/0015).
 * Their notifications, preferences, user and membership rows go, a tombstone of the id stays, and
 * `notification.erasure.completed` is published in the same transaction (also when nothing was
 * held). A user erased before changes nothing and is confirmed once only.
 */
export class EraseUserUseCase {
  private readonly log = getLogger('EraseUser');

  constructor(private readonly now: () => Date = () => new Date()) {}

  async execute(payload: PayloadOf<typeof UserErasureRequestedV1Contract>, tx: ErasureTransaction): Promise<void> {
    const { erasureId, userId } = payload;
    const completedAt = this.now();
    const recordsChanged = await tx.records.erase(userId, completedAt);
    if (recordsChanged === undefined) {
      // A replay from before the inbox's retention, or a second request: the first was confirmed.
      this.log.info('user erased before: nothing changed, not confirmed again', { userId, erasureId });
      return;
    }
    await tx.events.publish(NotificationErasureCompletedV1Contract, {
      aggregateId: userId,
      payload: { erasureId, userId, recordsChanged, completedAt: completedAt.toISOString() },
    });
    this.log.info('user erased', { userId, erasureId, recordsChanged });
  }
}
