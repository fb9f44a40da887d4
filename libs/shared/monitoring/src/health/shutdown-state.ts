import { Injectable } from '@nestjs/common';

/** Whether this application has begun to shut down; one per application, so tests can run several. */
@Injectable()
export class ShutdownState {
  private shuttingDown = false;

  /** From now on readiness answers 503. */
  mark(): void {
    this.shuttingDown = true;
  }

  /** True once shutdown has begun. */
  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }
}
