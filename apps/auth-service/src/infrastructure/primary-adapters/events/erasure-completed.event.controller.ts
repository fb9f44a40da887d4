import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type {
  BusinessErasureCompletedV1Contract,
  EventOf,
  NotificationErasureCompletedV1Contract,
} from '@platform/contracts';
import { EventContext } from '@platform/messaging';
import { RecordErasureConfirmationUseCase } from '../../../application/record-erasure-confirmation.use-case.js';
import { OutboxUnitOfWork } from '../../secondary-adapters/outbox/outbox-unit-of-work.js';

type ErasureCompleted =
  EventOf<typeof BusinessErasureCompletedV1Contract> | EventOf<typeof NotificationErasureCompletedV1Contract>;

/**
 * `business.erasure.completed` and `notification.erasure.completed` → the erasure's confirmations,
 * in the transaction that records the event in the inbox. The confirming service is the envelope's
 * `source`, the name ERASURE_CONFIRMING_SERVICES lists.
 */
@Controller()
export class ErasureCompletedEventController {
  constructor(
    @Inject(RecordErasureConfirmationUseCase) private readonly recordConfirmation: RecordErasureConfirmationUseCase,
    @Inject(OutboxUnitOfWork) private readonly unitOfWork: OutboxUnitOfWork,
  ) {}

  @EventPattern<string>('business.erasure.completed')
  business(@Payload() event: ErasureCompleted, @Ctx() context: EventContext): Promise<void> {
    return this.record(event, context);
  }

  @EventPattern<string>('notification.erasure.completed')
  notification(@Payload() event: ErasureCompleted, @Ctx() context: EventContext): Promise<void> {
    return this.record(event, context);
  }

  private record(event: ErasureCompleted, context: EventContext): Promise<void> {
    return this.recordConfirmation.execute(
      { service: event.source, payload: event.payload },
      this.unitOfWork.within(context.manager),
    );
  }
}
