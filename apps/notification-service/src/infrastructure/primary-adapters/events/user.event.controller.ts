import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type {
  EventOf,
  UserErasureRequestedV1Contract,
  UserPasswordChangedV1Contract,
  UserRegisteredV1Contract,
} from '@platform/contracts';
import { EventContext, Outbox } from '@platform/messaging';
import { EraseUserUseCase } from '../../../application/erase-user.use-case.js';
import { factsOf } from '../../../application/event-facts.js';
import {
  NotifyPasswordChangedUseCase,
  NotifyUserRegisteredUseCase,
} from '../../../application/notify-user-events.use-case.js';
import { erasureTransaction, eventTransaction } from '../../secondary-adapters/persistence/event-transactions.js';

/** The auth-service's user events → the users read model, welcome e-mails, security notices and erasures. */
@Controller()
export class UserEventController {
  constructor(
    @Inject(NotifyUserRegisteredUseCase) private readonly registered: NotifyUserRegisteredUseCase,
    @Inject(NotifyPasswordChangedUseCase) private readonly passwordChanged: NotifyPasswordChangedUseCase,
    @Inject(EraseUserUseCase) private readonly eraseUser: EraseUserUseCase,
    @Inject(Outbox) private readonly outbox: Outbox,
  ) {}

  @EventPattern<string>('auth.user.registered')
  userRegistered(@Payload() event: EventOf<typeof UserRegisteredV1Contract>, @Ctx() context: EventContext) {
    return this.registered.execute(event.payload, factsOf(event), eventTransaction(context.manager));
  }

  @EventPattern<string>('auth.user.password-changed')
  userPasswordChanged(@Payload() event: EventOf<typeof UserPasswordChangedV1Contract>, @Ctx() context: EventContext) {
    return this.passwordChanged.execute(event.payload, factsOf(event), eventTransaction(context.manager));
  }

  @EventPattern<string>('auth.user.erasure-requested')
  userErasureRequested(@Payload() event: EventOf<typeof UserErasureRequestedV1Contract>, @Ctx() context: EventContext) {
    return this.eraseUser.execute(event.payload, erasureTransaction(context.manager, this.outbox));
  }
}
