import { Counter, Gauge, register } from 'prom-client';

// Every metric of the platform registers on prom-client's default registry; a second import
// of this file (tests, hot reload) reuses what the first registered.

function gauge<L extends string>(name: string, help: string, labelNames: readonly L[]): Gauge<L> {
  return (register.getSingleMetric(name) as Gauge<L> | undefined) ?? new Gauge<L>({ name, help, labelNames });
}

function counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
  return (register.getSingleMetric(name) as Counter<L> | undefined) ?? new Counter<L>({ name, help, labelNames });
}

const stateGauge = gauge('circuit_breaker_state', 'State of each circuit breaker: 0 closed, 1 half-open, 2 open', [
  'breaker',
] as const);

const eventsCounter = counter('circuit_breaker_events_total', 'Events of each circuit breaker, by event', [
  'breaker',
  'event',
] as const);

/** The states of a breaker, as exported in `circuit_breaker_state`. */
export const STATE_VALUES = { closed: 0, half_open: 1, open: 2 } as const;

/** The bounded set of values of the `event` label. */
export type BreakerEvent =
  'success' | 'failure' | 'timeout' | 'reject' | 'open' | 'half_open' | 'close' | 'fallback' | 'bulkhead_rejected';

/** Sets `circuit_breaker_state` of a breaker. */
export function recordState(breaker: string, state: keyof typeof STATE_VALUES): void {
  stateGauge.set({ breaker }, STATE_VALUES[state]);
}

/** Counts one event in `circuit_breaker_events_total`. */
export function recordEvent(breaker: string, event: BreakerEvent): void {
  eventsCounter.inc({ breaker, event });
}

/** Drops the state series of a breaker that no longer exists. */
export function forgetBreaker(breaker: string): void {
  stateGauge.remove({ breaker });
}
