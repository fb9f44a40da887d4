import type {
  BusinessCreatedV1Contract,
  BusinessMemberAddedV1Contract,
  BusinessMemberRemovedV1Contract,
  BusinessMemberRoleChangedV1Contract,
  PayloadOf,
} from '@platform/contracts';
import { normaliseEmail } from '../domain/email-address.js';
import type { EventTransaction } from './ports/notification-queue.port.js';

/**
 * `business.business.created` and `business.member.added|role-changed|removed` → the businesses
 * and members read models (who reads a business's notifications, manages its webhooks, gets its
 * owner notes); no e-mail of their own. Each change is dated by the event's instant, so one that
 * arrives late (the owner row comes on another topic than the member events) never undoes a newer one.
 * Nothing of an erased user is recorded again: their member events change nothing, their business
 * is recorded without them.
 */
export class RecordBusinessEventsUseCase {
  async created(payload: PayloadOf<typeof BusinessCreatedV1Contract>, tx: EventTransaction): Promise<void> {
    const at = new Date(payload.createdAt);
    await tx.directory.saveBusiness(
      { businessId: payload.businessId, name: payload.name, ownerUserId: payload.ownerUserId },
      at,
    );
    if (await tx.directory.isErased(payload.ownerUserId)) return;
    await tx.directory.saveMember({ businessId: payload.businessId, userId: payload.ownerUserId, role: 'owner' }, at);
  }

  async memberAdded(payload: PayloadOf<typeof BusinessMemberAddedV1Contract>, tx: EventTransaction): Promise<void> {
    if (await tx.directory.isErased(payload.userId)) return;
    const at = new Date(payload.addedAt);
    await tx.directory.saveUser(
      { userId: payload.userId, email: normaliseEmail(payload.email), displayName: payload.displayName },
      at,
    );
    await tx.directory.saveMember({ businessId: payload.businessId, userId: payload.userId, role: payload.role }, at);
  }

  async memberRoleChanged(
    payload: PayloadOf<typeof BusinessMemberRoleChangedV1Contract>,
    tx: EventTransaction,
  ): Promise<void> {
    if (await tx.directory.isErased(payload.userId)) return;
    await tx.directory.saveMember(
      { businessId: payload.businessId, userId: payload.userId, role: payload.role },
      new Date(payload.changedAt),
    );
  }

  async memberRemoved(payload: PayloadOf<typeof BusinessMemberRemovedV1Contract>, tx: EventTransaction): Promise<void> {
    // The tombstone keeps them out already; a removal row would only keep their id once more.
    if (await tx.directory.isErased(payload.userId)) return;
    await tx.directory.removeMember(
      { businessId: payload.businessId, userId: payload.userId, role: payload.role },
      new Date(payload.removedAt),
    );
  }
}
