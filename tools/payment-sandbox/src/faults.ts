import type { Faults, WebhookFaults } from './types.js';

/** What an injected fault does to one /v1 call instead of answering it. */
export type CallFault =
  { kind: 'fail'; status: 500 | 502 | 503 } | { kind: 'rate-limit'; retryAfterSeconds: number } | { kind: 'timeout' };

export const DEFAULT_REORDER_HOLD_MS = 2000;
const FAIL_STATUSES = [500, 502, 503] as const;

/** Checks a fault set sent to `PUT /admin/faults`; unknown fields are refused so that a typo is not a silent no-op. */
export function parseFaults(input: unknown): { ok: true; faults: Faults } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (!isObject(input)) return { ok: false, errors: ['the fault set must be a JSON object'] };
  const counts = ['latencyMs', 'failNext', 'rateLimitNext', 'retryAfterSeconds', 'timeoutNext'] as const;
  for (const key of Object.keys(input)) {
    if (![...counts, 'failStatus', 'expireTokens', 'webhooks'].includes(key)) errors.push(`unknown field ${key}`);
  }
  for (const key of counts) {
    const value = input[key];
    if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 0))
      errors.push(`${key} must be a whole number >= 0`);
  }
  if (input['failStatus'] !== undefined && !FAIL_STATUSES.includes(input['failStatus'] as 500))
    errors.push('failStatus must be 500, 502 or 503');
  if (input['expireTokens'] !== undefined && typeof input['expireTokens'] !== 'boolean')
    errors.push('expireTokens must be a boolean');
  const webhooks = input['webhooks'];
  if (webhooks !== undefined) {
    if (!isObject(webhooks)) errors.push('webhooks must be an object');
    else {
      for (const [key, value] of Object.entries(webhooks)) {
        if (['duplicate', 'reorder', 'drop'].includes(key)) {
          if (typeof value !== 'boolean') errors.push(`webhooks.${key} must be a boolean`);
        } else if (key === 'reorderHoldMs') {
          if (!(Number.isInteger(value) && (value as number) >= 0))
            errors.push('webhooks.reorderHoldMs must be a whole number >= 0');
        } else errors.push(`unknown field webhooks.${key}`);
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, faults: structuredClone(input) as Faults };
}

/** The fault set in force, and the counters /v1 calls use up. */
export class FaultState {
  private faults: Faults = {};

  constructor(initial: Faults = {}) {
    this.replace(initial);
  }

  /** A copy of the set in force (the counters as far as they are used up). */
  current(): Faults {
    return structuredClone(this.faults);
  }

  /** Replaces the whole set; `expireTokens` is one-shot and is acted on by the caller, never kept. */
  replace(faults: Faults): void {
    const { expireTokens: _oneShot, ...kept } = structuredClone(faults);
    this.faults = kept;
  }

  clear(): void {
    this.faults = {};
  }

  latencyMs(): number {
    return this.faults.latencyMs ?? 0;
  }

  webhooks(): WebhookFaults & { reorderHoldMs: number } {
    return { ...this.faults.webhooks, reorderHoldMs: this.faults.webhooks?.reorderHoldMs ?? DEFAULT_REORDER_HOLD_MS };
  }

  /** The fault the next /v1 call meets, if any, using up one of its count (fail, then rate limit, then timeout). */
  takeCallFault(): CallFault | undefined {
    if (this.use('failNext')) return { kind: 'fail', status: this.faults.failStatus ?? 503 };
    if (this.use('rateLimitNext')) return { kind: 'rate-limit', retryAfterSeconds: this.faults.retryAfterSeconds ?? 1 };
    if (this.use('timeoutNext')) return { kind: 'timeout' };
    return undefined;
  }

  private use(counter: 'failNext' | 'rateLimitNext' | 'timeoutNext'): boolean {
    const left = this.faults[counter] ?? 0;
    if (left <= 0) return false;
    this.faults[counter] = left - 1;
    return true;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
