import type { PayloadOf, UserRegisteredV1Contract } from '@platform/contracts';
import { getLogger } from '@platform/logging';
import type { Transaction } from './ports/unit-of-work.port.js';

/**
 * Adds a newly registered user to the members directory, so that a business can add them by
 * e-mail without asking the auth-service. Applying the same registration twice changes nothing.
 */
export class RecordRegisteredUserUseCase {
  private readonly log = getLogger('RecordRegisteredUser');

  async execute(payload: PayloadOf<typeof UserRegisteredV1Contract>, tx: Transaction): Promise<void> {
    if (await tx.directory.isErased(payload.userId)) {
      this.log.info('registration of an erased user ignored', { userId: payload.userId });
      return;
    }
    const recorded = await tx.directory.record({
      userId: payload.userId,
      email: payload.email.toLowerCase(),
      displayName: payload.displayName,
      registeredAt: new Date(payload.registeredAt),
    });
    this.log.info(recorded ? 'user added to the members directory' : 'user already in the members directory', {
      userId: payload.userId,
    });
  }
}
