/** Methods that HTTP defines as idempotent (RFC 9110 §9.2.2): repeating them changes nothing more. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Whether a request may be sent again after a failure. POST and PATCH only with an
 * `Idempotency-Key`: a timed-out POST may have been executed, and only the key lets the
 * upstream recognise the repetition instead of creating a second payment.
 */
export function mayRetry(method: string, headers: Record<string, string>): boolean {
  if (IDEMPOTENT_METHODS.has(method)) return true;
  return Object.keys(headers).some((name) => name.toLowerCase() === 'idempotency-key');
}
