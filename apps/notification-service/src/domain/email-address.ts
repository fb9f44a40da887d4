/** `ada@example.com` → `a***@example.com`: enough to tell addresses apart in logs, not to read them. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

/** Addresses are compared and stored in lower case, as the auth-service normalises them. */
export function normaliseEmail(address: string): string {
  return address.trim().toLowerCase();
}
