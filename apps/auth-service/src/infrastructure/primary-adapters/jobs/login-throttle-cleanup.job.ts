import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { getLogger } from '@platform/logging';
import type { AuthPorts } from '../../../application/ports/auth-ports.js';
import { AUTH_PORTS } from '../../../auth.providers.js';
import { AuthConfig } from '../../../auth.config.js';

/**
 * Purges the login throttle once per LOGIN_WINDOW_SECONDS: ended pair and address windows,
 * account counters whose hour and last delay are over, and addresses no longer known (past
 * LOGIN_KNOWN_ADDRESS_DAYS), so the tables hold only rows that still count. Every instance may run
 * it: the DELETEs are idempotent. A failed run is logged and retried at the next tick; it never
 * stops the service.
 */
@Injectable()
export class LoginThrottleCleanupJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = getLogger('LoginThrottleCleanup');
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<number> | undefined;

  constructor(
    @Inject(AUTH_PORTS) private readonly ports: AuthPorts,
    @Inject(AuthConfig) private readonly config: AuthConfig,
  ) {}

  onApplicationBootstrap(): void {
    const everyMs = this.config.LOGIN_WINDOW_SECONDS * 1000;
    // unref: a pending cleanup never keeps the process alive.
    this.timer = setInterval(() => void this.runOnce(), everyMs).unref();
  }

  /** One cleanup; resolves how many counters it deleted (0 when it failed). Runs never overlap. */
  runOnce(): Promise<number> {
    this.inFlight ??= this.ports.loginThrottle
      .purgeExpired()
      .then(
        (deleted) => {
          if (deleted > 0) this.log.debug('expired login-throttle rows deleted', { deleted });
          return deleted;
        },
        (error: unknown) => {
          this.log.warn('login-throttle cleanup failed; retrying at the next tick', { error });
          return 0;
        },
      )
      .finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.inFlight;
  }
}
