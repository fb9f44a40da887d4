import type { ThrottleScope } from './login-throttle.port.js';

/** How a log-in attempt ended. */
export type LoginOutcome = 'success' | 'invalid_credentials' | 'throttled';

/**
 * Counts log-in attempts by outcome, for dashboards and alerts (a burst of `throttled` is an
 * attack in progress). Contract: `record` is synchronous, cheap and never throws; `scope` says
 * which limit refused a `throttled` attempt and is absent otherwise.
 */
export interface LoginMetrics {
  record(outcome: LoginOutcome, scope?: ThrottleScope): void;
}
