import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { getLogger } from '@platform/logging';
import { DispatchEmailsUseCase } from '../../../application/dispatch-emails.use-case.js';
import { NotificationConfig } from '../../../notification.config.js';

/**
 * Runs the e-mail dispatcher in the background: a round, then the next at once while rounds find
 * work, else after NOTIFICATION_DISPATCH_INTERVAL_MS. Several instances share the work through
 * the claim's SKIP LOCKED. Shutdown waits for the round in flight.
 */
@Injectable()
export class EmailDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = getLogger('EmailDispatcher');
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private round: Promise<void> = Promise.resolve();

  constructor(
    @Inject(DispatchEmailsUseCase) private readonly dispatch: DispatchEmailsUseCase,
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
      this.log.error('dispatch round failed; trying again', { error });
    }
    this.schedule(claimed > 0 ? 0 : this.config.NOTIFICATION_DISPATCH_INTERVAL_MS);
  }
}
