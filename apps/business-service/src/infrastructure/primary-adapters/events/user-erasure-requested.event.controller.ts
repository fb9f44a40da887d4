import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventOf, UserErasureRequestedV1Contract } from '@platform/contracts';
import { EventContext } from '@platform/messaging';
import { EraseUserUseCase } from '../../../application/erase-user.use-case.js';
import { OutboxUnitOfWork } from '../../secondary-adapters/outbox/outbox-unit-of-work.js';

/** `auth.user.erasure-requested` → the user anonymised and the confirmation, in the inbox's transaction. */
@Controller()
export class UserErasureRequestedEventController {
  constructor(
    @Inject(EraseUserUseCase) private readonly eraseUser: EraseUserUseCase,
    @Inject(OutboxUnitOfWork) private readonly unitOfWork: OutboxUnitOfWork,
  ) {}

  @EventPattern<string>('auth.user.erasure-requested')
  handle(
    @Payload() event: EventOf<typeof UserErasureRequestedV1Contract>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    return this.eraseUser.execute(event.payload, this.unitOfWork.within(context.manager));
  }
}
