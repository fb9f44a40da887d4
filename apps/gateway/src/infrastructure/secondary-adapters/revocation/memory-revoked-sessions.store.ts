import type { RevokedSessionsStore } from './revoked-sessions-store.js';

/** Cut-offs in this process's memory: for a single gateway instance (no REDIS_URL). */
export class MemoryRevokedSessionsStore implements RevokedSessionsStore {
  private readonly cutOffs = new Map<string, { validAfterMs: number; expiresAtMs: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    // Expired cut-offs are dropped now and then, so memory holds one access-token lifetime's worth.
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  async revoke(userId: string, validAfterMs: number, expiresAtMs: number): Promise<void> {
    if (expiresAtMs <= this.now()) return;
    const current = this.live(userId);
    if (current !== undefined && current.validAfterMs >= validAfterMs) return;
    this.cutOffs.set(userId, { validAfterMs, expiresAtMs });
  }

  async validAfter(userId: string): Promise<number | undefined> {
    return this.live(userId)?.validAfterMs;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }

  private live(userId: string): { validAfterMs: number; expiresAtMs: number } | undefined {
    const entry = this.cutOffs.get(userId);
    return entry && entry.expiresAtMs > this.now() ? entry : undefined;
  }

  private sweep(): void {
    const now = this.now();
    for (const [userId, entry] of this.cutOffs) if (entry.expiresAtMs <= now) this.cutOffs.delete(userId);
  }
}
