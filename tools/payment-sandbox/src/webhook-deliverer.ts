import http from 'node:http';
import https from 'node:https';
import type { EventLog, StoredEvent } from './event-log.js';
import type { Timers } from './timers.js';
import type { DeliveryAttempt, WebhookFaults } from './types.js';
import { signedWebhookHeaders } from './webhook-signer.js';

/** Time limit of one delivery attempt, from connecting to the end of the answer. */
const ATTEMPT_TIMEOUT_MS = 5_000;

export interface DelivererSettings {
  key: Buffer;
  retryScheduleMs: number[];
  maxDeliveryAttempts: number;
  events: EventLog;
  timers: Timers;
  now: () => Date;
  /** The webhook faults in force when an event is dispatched. */
  faults: () => WebhookFaults & { reorderHoldMs: number };
  log: (line: string) => void;
}

/**
 * Posts events to their webhook URL, signed, and retries until a 2xx on the retry schedule (its
 * last wait repeats) up to `maxDeliveryAttempts`. The webhook faults act here: `drop` never sends,
 * `duplicate` sends a second copy once the first is delivered, `reorder` holds an event until the
 * next of its payment (or the hold time) and then sends the newest first.
 */
export class WebhookDeliverer {
  private readonly held = new Map<string, { event: StoredEvent; timer: NodeJS.Timeout | undefined }>();
  private readonly inFlight = new Set<http.ClientRequest>();
  private closed = false;

  constructor(private readonly settings: DelivererSettings) {}

  /** Starts delivering a new event under the faults in force now. */
  dispatch(event: StoredEvent): void {
    const faults = this.settings.faults();
    if (faults.drop) {
      this.settings.log(`webhook ${event.id} (${event.type}) dropped (fault)`);
      return;
    }
    const copies = faults.duplicate ? 1 : 0;
    if (!faults.reorder) {
      void this.attempt(event, 1, copies);
      return;
    }
    const earlier = this.held.get(event.paymentId);
    if (earlier) {
      this.settings.timers.cancel(earlier.timer);
      this.held.delete(event.paymentId);
      void this.inOrder([event, earlier.event], copies);
      return;
    }
    const timer = this.settings.timers.after(faults.reorderHoldMs, () => {
      this.held.delete(event.paymentId);
      void this.attempt(event, 1, copies);
    });
    this.held.set(event.paymentId, { event, timer });
  }

  /** Aborts the attempts under way; the timers (retries, holds) are the Timers' to cancel. */
  close(): void {
    this.closed = true;
    this.held.clear();
    for (const request of this.inFlight) request.destroy(new Error('the sandbox closed'));
  }

  /** Each event's first attempt ends before the next event's starts, so the receiver sees them in this order. */
  private async inOrder(events: StoredEvent[], copies: number): Promise<void> {
    for (const event of events) await this.attempt(event, 1, copies);
  }

  /** One attempt; on failure the next is scheduled. Resolves when this attempt (and an immediate copy) ended. */
  private async attempt(event: StoredEvent, number: number, copiesLeft: number): Promise<void> {
    if (this.closed) return;
    const attempt = await this.post(event);
    if (this.closed) return;
    this.settings.events.addAttempt(event, attempt);
    const outcome = attempt.status !== undefined ? `HTTP ${attempt.status}` : attempt.error;
    const ok = attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300;
    this.settings.log(`webhook ${event.id} (${event.type}) attempt ${number}: ${outcome}`);
    if (ok) {
      if (copiesLeft > 0) await this.attempt(event, 1, copiesLeft - 1);
      return;
    }
    if (number >= this.settings.maxDeliveryAttempts) {
      this.settings.log(`webhook ${event.id} given up after ${number} attempts`);
      return;
    }
    const schedule = this.settings.retryScheduleMs;
    const wait = schedule[Math.min(number - 1, schedule.length - 1)] ?? 0;
    this.settings.timers.after(wait, () => void this.attempt(event, number + 1, copiesLeft));
  }

  /** POSTs the event, signed with a fresh timestamp; never rejects. */
  private post(event: StoredEvent): Promise<DeliveryAttempt> {
    const at = this.settings.now();
    const headers = signedWebhookHeaders(this.settings.key, event.id, Math.floor(at.getTime() / 1000), event.body);
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: Omit<DeliveryAttempt, 'at'>): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.inFlight.delete(request);
        resolve({ at: at.toISOString(), ...result });
      };
      const url = new URL(event.webhookUrl);
      // A connection of its own (no keep-alive agent): nothing stays open between attempts or after close().
      const request = (url.protocol === 'https:' ? https : http).request(url, {
        method: 'POST',
        agent: false,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(event.body)) },
      });
      const timer = setTimeout(
        () => request.destroy(new Error(`no answer within ${ATTEMPT_TIMEOUT_MS / 1000} s`)),
        ATTEMPT_TIMEOUT_MS,
      );
      this.inFlight.add(request);
      request.on('response', (response) => {
        response.resume();
        response.on('end', () => finish({ status: response.statusCode }));
        response.on('error', (error) => finish({ error: error.message }));
      });
      request.on('error', (error) => finish({ error: error.message || String(error) }));
      request.end(event.body);
    });
  }
}
