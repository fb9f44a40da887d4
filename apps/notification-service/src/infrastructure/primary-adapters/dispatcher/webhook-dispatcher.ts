import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { getLogger } from '@platform/logging';
import { DispatchWebhooksUseCase } from '../../../application/dispatch-webhooks.use-case.js';
import { NotificationConfig } from '../../../notification.config.js';

/**
 * Runs the webhook dispatcher in the background, like EmailDispatcher: a round, the next at once
 * while rounds find work, else after WEBHOOK_DISPATCH_INTERVAL_MS. Instances share the work
 * through the claim's SKIP LOCKED. Shutdown waits for the round in flight.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = getLogger('WebhookDispatcher');
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private round: Promise<void> = Promise.resolve();

  constructor(
    @Inject(DispatchWebhooksUseCase) private readonly dispatch: DispatchWebhooksUseCase,
    @Inject(NotificationConfig) private readonly config: NotificationConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.tick();
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let claimed = 0;
    try {
      claimed = await this.dispatch.runOnce();
    } catch (error) {
      this.log.error('webhook dispatch round failed; trying again', { error });
    }
    this.schedule(claimed > 0 ? 0 : this.config.WEBHOOK_DISPATCH_INTERVAL_MS);
  }
}
