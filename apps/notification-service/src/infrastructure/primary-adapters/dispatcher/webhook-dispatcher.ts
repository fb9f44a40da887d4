import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DispatchWebhooksUseCase } from '../../../application/dispatch-webhooks.use-case.js';
import type { ClaimedWebhookDelivery } from '../../../application/ports/webhook-deliveries.port.js';
import { NotificationConfig } from '../../../notification.config.js';
import { ClaimLoop } from './claim-loop.js';

/**
 * Sends due webhook deliveries in the background on a ClaimLoop (idle wait WEBHOOK_DISPATCH_INTERVAL_MS).
 * Instances share the work through the claim's SKIP LOCKED. Shutdown waits for the round in flight.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: ClaimLoop<ClaimedWebhookDelivery>;

  constructor(
    @Inject(DispatchWebhooksUseCase) dispatch: DispatchWebhooksUseCase,
    @Inject(NotificationConfig) config: NotificationConfig,
  ) {
    this.loop = new ClaimLoop(
      { claim: () => dispatch.claim(), process: (delivery) => dispatch.deliver(delivery) },
      { name: 'WebhookDispatcher', idleMs: config.WEBHOOK_DISPATCH_INTERVAL_MS },
    );
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
