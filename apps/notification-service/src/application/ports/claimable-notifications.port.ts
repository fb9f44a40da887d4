import type { ClaimedNotification } from '../../domain/notification.js';

/**
 * The dispatcher's view of the notifications table. `claim` moves due e-mail notifications to
 * `sending` (attempts + 1) in a short transaction of its own, with `FOR UPDATE SKIP LOCKED`, so
 * instances never claim the same row; a claim older than `leaseMs` is a crashed sender's and is
 * claimed again. The outcome methods change only a row still `sending` under this attempt.
 */
export interface ClaimableNotifications {
  claim(limit: number, leaseMs: number): Promise<ClaimedNotification[]>;
  markSent(id: string, attempts: number, at: Date): Promise<void>;
  markRetrying(id: string, attempts: number, error: string, retryAt: Date): Promise<void>;
  markFailed(id: string, attempts: number, error: string): Promise<void>;
}
