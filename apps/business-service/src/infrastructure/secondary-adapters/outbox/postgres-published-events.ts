import { BusinessMemberAddedV1Contract } from '@platform/contracts';
import { anonymiseOutboxEvents, type PersonalEventFields } from '@platform/messaging';
import type { EntityManager } from 'typeorm';
import type { PublishedEvents } from '../../../application/ports/published-events.port.js';
import { ERASED_USER } from '../../../domain/erased-user.js';

// Every published event that carries a user's e-mail or name (the others name users by id only).
const PERSONAL_EVENTS: readonly PersonalEventFields[] = [
  {
    contract: BusinessMemberAddedV1Contract,
    subjectField: 'userId',
    replacements: { email: ERASED_USER.email, displayName: ERASED_USER.displayName },
  },
];

/** PublishedEvents on the messaging library's outbox, in the transaction of `manager`. */
export class PostgresPublishedEvents implements PublishedEvents {
  constructor(private readonly manager: EntityManager) {}

  anonymiseUser(userId: string): Promise<number> {
    return anonymiseOutboxEvents(this.manager, userId, PERSONAL_EVENTS);
  }
}
