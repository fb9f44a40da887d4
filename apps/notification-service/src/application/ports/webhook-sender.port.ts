import type { WebhookResponse } from '../../domain/webhook-attempt.js';

/** One signed POST to a receiver. */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends a webhook: resolves and checks the URL again (failure `blocked`), connects to the checked
 * address, follows no redirect, stops at the timeout (failure `timeout`) and reads at most the
 * configured start of the answer. Never throws for the receiver's behaviour.
 */
export interface WebhookSender {
  send(request: WebhookRequest): Promise<WebhookResponse>;
}
