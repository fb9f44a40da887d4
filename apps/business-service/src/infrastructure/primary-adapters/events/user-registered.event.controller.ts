import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventOf, UserRegisteredV1Contract } from '@platform/contracts';
import { EventContext } from '@platform/messaging';
import { RecordRegisteredUserUseCase } from '../../../application/record-registered-user.use-case.js';
import { OutboxUnitOfWork } from '../../secondary-adapters/outbox/outbox-unit-of-work.js';

/** `auth.user.registered` → the members directory, in the transaction that records the event in the inbox. */
@Controller()
export class UserRegisteredEventController {
  constructor(
    @Inject(RecordRegisteredUserUseCase) private readonly recordUser: RecordRegisteredUserUseCase,
    @Inject(OutboxUnitOfWork) private readonly unitOfWork: OutboxUnitOfWork,
  ) {}

  @EventPattern<string>('auth.user.registered')
  handle(@Payload() event: EventOf<typeof UserRegisteredV1Contract>, @Ctx() context: EventContext): Promise<void> {
    return this.recordUser.execute(event.payload, this.unitOfWork.within(context.manager));
  }
}
