import { getLogger } from '@platform/logging';
import { defineMetrics } from '@platform/monitoring';
import type { LoginMetrics, LoginOutcome } from '../../../application/ports/login-metrics.port.js';
import type { ThrottleScope } from '../../../application/ports/login-throttle.port.js';

/** Every series the counter can have: outcomes, and for `throttled` the limit that refused. */
const SERIES: readonly { outcome: LoginOutcome; scope: ThrottleScope | 'none' }[] = [
  { outcome: 'success', scope: 'none' },
  { outcome: 'invalid_credentials', scope: 'none' },
  { outcome: 'throttled', scope: 'pair' },
  { outcome: 'throttled', scope: 'account' },
  { outcome: 'throttled', scope: 'address' },
];

// Two labels of a few fixed values each: never an account or an address.
function loginAttemptMetrics() {
  return defineMetrics({
    auth_login_attempts_total: {
      kind: 'counter',
      help: 'Log-in attempts by outcome; scope is the limit that refused a throttled one (pair, account, address), else none.',
      labelNames: ['outcome', 'scope'],
    },
  });
}

/** LoginMetrics as the Prometheus counter `auth_login_attempts_total{outcome, scope}`, on the service's /metrics. */
export class PrometheusLoginMetrics implements LoginMetrics {
  private readonly metrics = loginAttemptMetrics();
  private readonly log = getLogger('LoginMetrics');

  constructor() {
    // Every series from the start, at 0: a rate() over a series that appears with its first
    // throttled attempt would miss that attempt, and an alert on it would start late.
    for (const labels of SERIES) this.metrics.inc('auth_login_attempts_total', labels, 0);
  }

  record(outcome: LoginOutcome, scope?: ThrottleScope): void {
    try {
      this.metrics.inc('auth_login_attempts_total', {
        outcome,
        scope: outcome === 'throttled' ? (scope ?? 'none') : 'none',
      });
    } catch (error) {
      // The contract: never fail a log-in for a metric.
      this.log.warn('login attempt could not be counted', { outcome, error });
    }
  }
}
