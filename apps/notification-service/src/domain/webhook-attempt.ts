/**
 * How one HTTP attempt ended: `delivered` (2xx), `http_error` (another status), `redirect` (3xx,
 * never followed), `gone` (410: the receiver wants no more), `timeout`, `network_error`,
 * `blocked` (the URL now leads to an address we refuse to reach).
 */
export const ATTEMPT_OUTCOMES = [
  'delivered',
  'http_error',
  'redirect',
  'gone',
  'timeout',
  'network_error',
  'blocked',
] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** What a receiver answered (or why it did not). */
export interface WebhookResponse {
  status: number | null;
  /** The start of the body, at most the configured cap. */
  body: string | null;
  retryAfterMs: number | undefined;
  latencyMs: number;
  /** Set when no HTTP answer arrived. */
  failure?: 'timeout' | 'network_error' | 'blocked';
  error?: string;
}

/** The outcome of an attempt from the receiver's answer. */
export function outcomeOf(response: WebhookResponse): AttemptOutcome {
  if (response.failure) return response.failure;
  const status = response.status ?? 0;
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 410) return 'gone';
  if (status >= 300 && status < 400) return 'redirect';
  return 'http_error';
}

/** Redirects and errors are retried; a 410 and a delivered attempt are final. */
export function isRetryable(outcome: AttemptOutcome): boolean {
  return outcome !== 'delivered' && outcome !== 'gone';
}
