import type { ErasureCompletedV1 } from '@platform/contracts';
import { getLogger } from '@platform/logging';
import type { Transaction } from './ports/unit-of-work.port.js';

export interface ErasureConfirmationInput {
  /** The confirming service: the envelope's `source`. */
  service: string;
  payload: ErasureCompletedV1;
}

/**
 * Records a service's `<domain>.erasure.completed`, in the transaction of the consumer's inbox
 * entry. Idempotent: the first confirmation of a service stands. A confirmation of an erasure
 * this service does not know (or of another user) is logged and dropped: retrying cannot make it
 * right, and it must not block the partition.
 */
export class RecordErasureConfirmationUseCase {
  private readonly log = getLogger('RecordErasureConfirmation');

  async execute({ service, payload }: ErasureConfirmationInput, tx: Transaction): Promise<void> {
    const context = { erasureId: payload.erasureId, userId: payload.userId, service };
    const erasure = await tx.erasures.findById(payload.erasureId);
    if (!erasure) {
      this.log.warn('confirmation of an unknown erasure ignored', context);
      return;
    }
    if (erasure.userId !== payload.userId) {
      this.log.warn('confirmation names another user than the erasure: ignored', {
        ...context,
        erasureUserId: erasure.userId,
      });
      return;
    }
    const recorded = await tx.erasures.recordConfirmation(erasure.id, {
      service,
      confirmedAt: new Date(payload.completedAt),
      recordsChanged: payload.recordsChanged,
    });
    this.log.info(recorded ? 'erasure confirmed' : 'erasure already confirmed by this service', {
      ...context,
      recordsChanged: payload.recordsChanged,
    });
  }
}
