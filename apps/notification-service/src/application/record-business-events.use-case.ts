import type { BusinessCreatedV1Contract, BusinessMemberAddedV1Contract, PayloadOf } from '@platform/contracts';
import { normaliseEmail } from '../domain/email-address.js';
import type { EventTransaction } from './ports/notification-queue.port.js';

/**
 * `business.business.created` and `business.member.added` → the businesses and members read
 * models (owner lookups for owner notes); no e-mail of their own.
 */
export class RecordBusinessEventsUseCase {
  async created(payload: PayloadOf<typeof BusinessCreatedV1Contract>, tx: EventTransaction): Promise<void> {
    const at = new Date(payload.createdAt);
    await tx.directory.saveBusiness(
      { businessId: payload.businessId, name: payload.name, ownerUserId: payload.ownerUserId },
      at,
    );
    await tx.directory.saveMember({ businessId: payload.businessId, userId: payload.ownerUserId, role: 'owner' }, at);
  }

  async memberAdded(payload: PayloadOf<typeof BusinessMemberAddedV1Contract>, tx: EventTransaction): Promise<void> {
    const at = new Date(payload.addedAt);
    await tx.directory.saveUser(
      { userId: payload.userId, email: normaliseEmail(payload.email), displayName: payload.displayName },
      at,
    );
    await tx.directory.saveMember({ businessId: payload.businessId, userId: payload.userId, role: payload.role }, at);
  }
}
