import { CircuitBreaker } from './circuit-breaker.js';
import type { CircuitBreakerOptions } from './circuit-breaker-options.js';

const breakers = new Map<string, CircuitBreaker>();

/**
 * The circuit breaker of a dependency, made on first use and shared afterwards: every call
 * to `payments-api` must go through the same breaker. The first caller's options win.
 */
export function circuitBreaker(name: string, options?: CircuitBreakerOptions): CircuitBreaker {
  let breaker = breakers.get(name);
  if (!breaker) {
    breaker = new CircuitBreaker(name, options);
    breakers.set(name, breaker);
  }
  return breaker;
}

/** Shuts every breaker down and forgets them (application shutdown, end of a test file). */
export function shutdownCircuitBreakers(): void {
  for (const breaker of breakers.values()) breaker.shutdown();
  breakers.clear();
}
