/** Where a request came from, as the primary adapter knows it; for throttling and the audit trail. */
export interface ClientContext {
  /** The client's IP address as the HTTP adapter trusts it (after the gateway's forwarding). */
  clientAddress?: string;
  userAgent?: string;
}

/** Only the client fields of a use case's input: never spread an input (it holds passwords) into a log or audit record. */
export function clientFields({ clientAddress, userAgent }: ClientContext): ClientContext {
  return { clientAddress, userAgent };
}
