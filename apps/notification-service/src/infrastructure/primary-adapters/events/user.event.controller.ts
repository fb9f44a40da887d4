import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventOf, UserPasswordChangedV1Contract, UserRegisteredV1Contract } from '@platform/contracts';
import { EventContext } from '@platform/messaging';
import { factsOf } from '../../../application/event-facts.js';
import {
  NotifyPasswordChangedUseCase,
  NotifyUserRegisteredUseCase,
} from '../../../application/notify-user-events.use-case.js';
import { eventTransaction } from '../../secondary-adapters/persistence/event-transactions.js';

/** The auth-service's user events → the users read model, welcome e-mails and security notices. */
@Controller()
export class UserEventController {
  constructor(
    @Inject(NotifyUserRegisteredUseCase) private readonly registered: NotifyUserRegisteredUseCase,
    @Inject(NotifyPasswordChangedUseCase) private readonly passwordChanged: NotifyPasswordChangedUseCase,
  ) {}

  @EventPattern<string>('auth.user.registered')
  userRegistered(@Payload() event: EventOf<typeof UserRegisteredV1Contract>, @Ctx() context: EventContext) {
    return this.registered.execute(event.payload, factsOf(event), eventTransaction(context.manager));
  }

  @EventPattern<string>('auth.user.password-changed')
  userPasswordChanged(@Payload() event: EventOf<typeof UserPasswordChangedV1Contract>, @Ctx() context: EventContext) {
    return this.passwordChanged.execute(event.payload, factsOf(event), eventTransaction(context.manager));
  }
}
