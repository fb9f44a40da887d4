import { createHash, timingSafeEqual } from 'node:crypto';

/** How a client presented its credentials to the token endpoint (RFC 6749 §2.3.1). */
export type PresentedClient =
  { method: 'basic' | 'body'; clientId: string; clientSecret: string } | { method: 'none' } | { method: 'both' };

/** The client id and secret from HTTP Basic or from the form's `client_id`/`client_secret` fields. */
export function presentedClient(authorization: string | undefined, form: URLSearchParams): PresentedClient {
  const basic = authorization?.match(/^Basic\s+(\S+)$/i);
  const inBody = form.has('client_id') || form.has('client_secret');
  if (basic && inBody) return { method: 'both' };
  if (basic) {
    const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { method: 'none' };
    // RFC 6749 §2.3.1: both parts are form-urlencoded before they are joined and base64-encoded.
    return {
      method: 'basic',
      clientId: formDecode(decoded.slice(0, colon)),
      clientSecret: formDecode(decoded.slice(colon + 1)),
    };
  }
  if (inBody)
    return { method: 'body', clientId: form.get('client_id') ?? '', clientSecret: form.get('client_secret') ?? '' };
  return { method: 'none' };
}

/** Compares secrets in constant time (hashing first makes the lengths equal). */
export function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
