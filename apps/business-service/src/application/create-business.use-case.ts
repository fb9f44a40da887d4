import { BusinessCreatedV1Contract } from '@platform/contracts';
import { getLogger } from '@platform/logging';
import { v7 as uuidv7 } from 'uuid';
import { assertCurrency, defaultInvoicePrefix, type Business } from '../domain/business.js';
import { UserNotInDirectoryError } from '../domain/business.errors.js';
import type { Actor } from './business-access.js';
import type { MembershipOf } from './ports/business-repository.port.js';
import type { UnitOfWork } from './ports/unit-of-work.port.js';

export interface CreateBusinessInput {
  actor: Actor;
  name: string;
  /** ISO 4217; a code that is not a currency is refused (422). */
  currency: string;
  /** Derived from the name when left out (see defaultInvoicePrefix). */
  invoicePrefix?: string;
}

/**
 * Creates a business; its creator becomes its `owner` in the same transaction, and
 * `business.business.created` is published with it (outbox).
 */
export class CreateBusinessUseCase {
  private readonly log = getLogger('CreateBusiness');

  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute(input: CreateBusinessInput): Promise<MembershipOf> {
    assertCurrency(input.currency);
    const name = input.name.trim();
    const now = new Date();
    const business: Business = {
      id: uuidv7(),
      name,
      currency: input.currency,
      invoicePrefix: input.invoicePrefix ?? defaultInvoicePrefix(name),
      createdAt: now,
      updatedAt: now,
    };
    await this.unitOfWork.run(async (tx) => {
      // Members are users of the directory; it learns them from auth.user.registered, which may
      // not have arrived yet for a user who registered a moment ago.
      if (!(await tx.directory.findById(input.actor.userId))) throw new UserNotInDirectoryError(input.actor.userId);
      await tx.businesses.insert(business);
      await tx.members.add({ businessId: business.id, userId: input.actor.userId, role: 'owner', addedAt: now });
      await tx.publish(BusinessCreatedV1Contract, {
        aggregateId: business.id,
        occurredAt: now,
        payload: {
          businessId: business.id,
          name: business.name,
          currency: business.currency,
          invoicePrefix: business.invoicePrefix,
          ownerUserId: input.actor.userId,
          createdAt: now.toISOString(),
        },
      });
    });
    this.log.info('business created', { businessId: business.id, userId: input.actor.userId });
    return { business, role: 'owner' };
  }
}
