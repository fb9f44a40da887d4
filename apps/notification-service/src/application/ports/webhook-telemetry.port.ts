import type { AttemptOutcome } from '../../domain/webhook-attempt.js';
import type { DisabledReason } from '../../domain/webhook-endpoint.js';

/** Metrics of webhooks (bounded labels). */
export interface WebhookMetrics {
  /** One HTTP attempt ended with `outcome` after `seconds`. */
  attempted(outcome: AttemptOutcome, seconds: number): void;
  /** An endpoint was disabled. */
  disabled(reason: DisabledReason): void;
}
