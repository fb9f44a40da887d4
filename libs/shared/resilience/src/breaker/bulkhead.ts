/**
 * A limit on concurrent calls to one dependency, so that a slow dependency cannot hold every
 * socket and every request of the service. A slot is held until the call really settles, even
 * after a timeout gave up waiting for it.
 */
export class Bulkhead {
  private active = 0;

  constructor(readonly limit: number) {}

  /** Takes a slot; false when all are taken (the call is rejected, not queued). */
  tryAcquire(): boolean {
    if (this.active >= this.limit) return false;
    this.active++;
    return true;
  }

  release(): void {
    this.active = Math.max(0, this.active - 1);
  }

  get inFlight(): number {
    return this.active;
  }
}
