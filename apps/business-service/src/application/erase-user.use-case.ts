import {
  BusinessErasureCompletedV1Contract,
  type PayloadOf,
  type UserErasureRequestedV1Contract,
} from '@platform/contracts';
import { getLogger } from '@platform/logging';
import type { Transaction } from './ports/unit-of-work.port.js';

/**
 * This service's part of erasing a person (docs/decisions/0015): the directory row and the stored
 * events that named them are anonymised, the requests they made under an Idempotency-Key are
 * forgotten, and `business.erasure.completed` is published in the same transaction, also when
 * nothing was held (`recordsChanged` 0).
 *
 * What stays: memberships (user id, role, date: a business's record of who had access, with no
 * personal field), and invoices, customers and payments, which hold the businesses' customers'
 * data and no field naming a user.
 */
export class EraseUserUseCase {
  private readonly log = getLogger('EraseUser');

  async execute(payload: PayloadOf<typeof UserErasureRequestedV1Contract>, tx: Transaction): Promise<void> {
    const { erasureId, userId } = payload;
    const completedAt = new Date();
    const directoryChanged = await tx.directory.erase(userId, completedAt);
    const eventsChanged = await tx.publishedEvents.anonymiseUser(userId);
    const requestsForgotten = await tx.storedRequests.forgetUser(userId);
    const recordsChanged = (directoryChanged ? 1 : 0) + eventsChanged + requestsForgotten;
    await tx.publish(BusinessErasureCompletedV1Contract, {
      aggregateId: userId,
      occurredAt: completedAt,
      payload: { erasureId, userId, recordsChanged, completedAt: completedAt.toISOString() },
    });
    this.log.info('user erased', { userId, erasureId, recordsChanged });
  }
}
