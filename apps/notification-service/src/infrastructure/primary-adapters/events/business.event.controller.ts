import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type {
  BusinessCreatedV1Contract,
  BusinessMemberAddedV1Contract,
  BusinessMemberRemovedV1Contract,
  BusinessMemberRoleChangedV1Contract,
  EventOf,
} from '@platform/contracts';
import { EventContext } from '@platform/messaging';
import { RecordBusinessEventsUseCase } from '../../../application/record-business-events.use-case.js';
import { eventTransaction } from '../../secondary-adapters/persistence/event-transactions.js';

/**
 * Business and member events → the businesses and members read models (owners of owner notes,
 * access to business notifications and webhooks), each in the transaction of its inbox row.
 */
@Controller()
export class BusinessEventController {
  constructor(@Inject(RecordBusinessEventsUseCase) private readonly record: RecordBusinessEventsUseCase) {}

  @EventPattern<string>('business.business.created')
  businessCreated(@Payload() event: EventOf<typeof BusinessCreatedV1Contract>, @Ctx() context: EventContext) {
    return this.record.created(event.payload, eventTransaction(context.manager));
  }

  @EventPattern<string>('business.member.added')
  memberAdded(@Payload() event: EventOf<typeof BusinessMemberAddedV1Contract>, @Ctx() context: EventContext) {
    return this.record.memberAdded(event.payload, eventTransaction(context.manager));
  }

  @EventPattern<string>('business.member.role-changed')
  memberRoleChanged(
    @Payload() event: EventOf<typeof BusinessMemberRoleChangedV1Contract>,
    @Ctx() context: EventContext,
  ) {
    return this.record.memberRoleChanged(event.payload, eventTransaction(context.manager));
  }

  @EventPattern<string>('business.member.removed')
  memberRemoved(@Payload() event: EventOf<typeof BusinessMemberRemovedV1Contract>, @Ctx() context: EventContext) {
    return this.record.memberRemoved(event.payload, eventTransaction(context.manager));
  }
}
