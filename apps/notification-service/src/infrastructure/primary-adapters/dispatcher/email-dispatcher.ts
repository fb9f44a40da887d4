import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DispatchEmailsUseCase } from '../../../application/dispatch-emails.use-case.js';
import type { ClaimedNotification } from '../../../domain/notification.js';
import { NotificationConfig } from '../../../notification.config.js';
import { ClaimLoop } from './claim-loop.js';

/**
 * Sends due e-mails in the background on a ClaimLoop (idle wait NOTIFICATION_DISPATCH_INTERVAL_MS).
 * Several instances share the work through the claim's SKIP LOCKED. Shutdown waits for the round in flight.
 */
@Injectable()
export class EmailDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: ClaimLoop<ClaimedNotification>;

  constructor(
    @Inject(DispatchEmailsUseCase) dispatch: DispatchEmailsUseCase,
    @Inject(NotificationConfig) config: NotificationConfig,
  ) {
    this.loop = new ClaimLoop(
      { claim: () => dispatch.claim(), process: (notification) => dispatch.deliver(notification) },
      { name: 'EmailDispatcher', idleMs: config.NOTIFICATION_DISPATCH_INTERVAL_MS },
    );
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
