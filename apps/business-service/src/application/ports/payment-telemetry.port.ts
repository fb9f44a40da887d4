/** Counts and times payments (bounded labels: the provider's name only). */
export interface PaymentMetrics {
  started(provider: string): void;
  /** `secondsSinceStart` feeds the confirmation-delay histogram; left out for manual payments. */
  succeeded(provider: string, secondsSinceStart?: number): void;
  failed(provider: string): void;
}

/** The trace context of requests, kept on a payment so that its confirmation can point back to it. */
export interface PaymentTraces {
  /** The current trace context as a W3C `traceparent`, or null outside any trace. */
  current(): string | null;
  /** Runs `work` in a new span named `name` that links to the trace of `linkTo` (a traceparent), when there is one. */
  linked<T>(name: string, linkTo: string | null, work: () => Promise<T>): Promise<T>;
}
