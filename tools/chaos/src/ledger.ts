/** What the workload was told happened (accepted requests), to check the system's effects against. */
export interface Ledger {
  /** Requests the platform accepted (2xx), each counted once however often it was retried. */
  acceptedRequests: number;
  users: { id: string; email: string }[];
  businesses: { id: string; ownerId: string; invoicePrefix: string }[];
  customers: { id: string; businessId: string; email: string }[];
  /** Invoices as the workload left them: issued (with the number it was given), voided. */
  invoices: { id: string; businessId: string; customerEmail: string; issued: boolean; voided: boolean }[];
  /** Provider payments started (accepted); `outcome` is what the payer did at the checkout. */
  payments: { id: string; invoiceId: string; amountMinor: number; outcome: 'succeeded' | 'failed' | 'none' }[];
  /** Webhook endpoints registered: receiver path, subscribed events. */
  endpoints: { id: string; businessId: string; path: string; events: string[] }[];
  /** Events the run wrote straight to a topic for a consumer to refuse: each must end in that topic's DLQ. */
  poisoned: PoisonedEvent[];
}

/** A record written to `topic` under a key of its own that its consumer must dead-letter. */
export interface PoisonedEvent {
  topic: string;
  key: string;
  /** `malformed-envelope`: the value is no event envelope; `invalid-payload`: the envelope is, its payload breaks the contract. */
  kind: 'malformed-envelope' | 'invalid-payload';
}

export function emptyLedger(): Ledger {
  return {
    acceptedRequests: 0,
    users: [],
    businesses: [],
    customers: [],
    invoices: [],
    payments: [],
    endpoints: [],
    poisoned: [],
  };
}
