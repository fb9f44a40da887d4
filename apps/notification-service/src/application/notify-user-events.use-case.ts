import type { PayloadOf, UserPasswordChangedV1Contract, UserRegisteredV1Contract } from '@platform/contracts';
import { getLogger } from '@platform/logging';
import { normaliseEmail } from '../domain/email-address.js';
import type { EventFacts } from './event-facts.js';
import type { EventTransaction } from './ports/notification-queue.port.js';
import { queueEmails, type QueuePolicy } from './queue-emails.js';

/** `auth.user.registered`: the user joins the directory and gets one welcome e-mail (an erased user neither). */
export class NotifyUserRegisteredUseCase {
  private readonly log = getLogger('NotifyUserRegistered');

  constructor(private readonly policy: QueuePolicy) {}

  async execute(
    payload: PayloadOf<typeof UserRegisteredV1Contract>,
    event: EventFacts,
    tx: EventTransaction,
  ): Promise<void> {
    if (await tx.directory.isErased(payload.userId)) {
      // A late or replayed registration of someone erased since: nothing of them comes back.
      this.log.info('registration of an erased user: nothing recorded or sent', {
        userId: payload.userId,
        eventId: event.eventId,
      });
      return;
    }
    const user = { userId: payload.userId, email: normaliseEmail(payload.email), displayName: payload.displayName };
    await tx.directory.saveUser(user, new Date(payload.registeredAt));
    await queueEmails(tx.notifications, this.policy, event, [
      {
        template: 'welcome',
        category: 'transactional',
        to: { email: user.email, name: user.displayName, userId: user.userId },
        data: { displayName: user.displayName },
      },
    ]);
  }
}

/** `auth.user.password-changed`: a security notice to the user, always sent (transactional). */
export class NotifyPasswordChangedUseCase {
  private readonly log = getLogger('NotifyPasswordChanged');

  constructor(private readonly policy: QueuePolicy) {}

  async execute(
    payload: PayloadOf<typeof UserPasswordChangedV1Contract>,
    event: EventFacts,
    tx: EventTransaction,
  ): Promise<void> {
    const user = await tx.directory.findUser(payload.userId);
    if (!user) {
      // Registered before this service kept its directory: no address to write to.
      this.log.warn('password changed for a user without a known address: no notice sent', {
        userId: payload.userId,
        eventId: event.eventId,
      });
      return;
    }
    await queueEmails(tx.notifications, this.policy, event, [
      {
        template: 'password-changed',
        category: 'transactional',
        to: { email: user.email, name: user.displayName, userId: user.userId },
        data: { displayName: user.displayName, changedAt: payload.changedAt },
      },
    ]);
  }
}
