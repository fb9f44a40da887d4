/**
 * The `Idempotency-Key` header's rule, as the public contract states it and every service checks
 * it: 1 to 255 visible ASCII characters (RFC 9110 token-ish), so a key can never smuggle a header
 * or flood a store. A pattern string, so OpenAPI and `new RegExp` read the same rule.
 */
export const IDEMPOTENCY_KEY_PATTERN = '^[\\x21-\\x7e]{1,255}$';
