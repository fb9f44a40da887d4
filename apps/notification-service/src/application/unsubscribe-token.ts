import { createHmac, timingSafeEqual } from 'node:crypto';
import { CATEGORIES, type Category } from '../domain/notification.js';

/** Who unsubscribes from what: what an unsubscribe token says once its signature checks out. */
export interface UnsubscribeClaim {
  recipient: string;
  category: Category;
}

const VERSION = 'u1';

function sign(key: string, body: string): string {
  return createHmac('sha256', key).update(`${VERSION}.${body}`).digest('base64url');
}

/**
 * A token for a one-click unsubscribe link (RFC 8058): `u1.<base64url JSON {r, c}>.<HMAC-SHA256>`.
 * It never expires (a link in an old e-mail must keep working) and says only what it unsubscribes.
 */
export function signUnsubscribeToken(key: string, claim: UnsubscribeClaim): string {
  const body = Buffer.from(JSON.stringify({ r: claim.recipient, c: claim.category })).toString('base64url');
  return `${VERSION}.${body}.${sign(key, body)}`;
}

/** The claim of a token signed with `key`, or undefined when it is malformed or its signature does not match. */
export function verifyUnsubscribeToken(key: string, token: string): UnsubscribeClaim | undefined {
  const [version, body, signature, ...rest] = token.split('.');
  if (version !== VERSION || !body || !signature || rest.length > 0) return undefined;
  const expected = Buffer.from(sign(key, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const claim = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { r?: unknown; c?: unknown };
    if (typeof claim.r !== 'string' || !(CATEGORIES as readonly unknown[]).includes(claim.c)) return undefined;
    return { recipient: claim.r, category: claim.c as Category };
  } catch {
    return undefined;
  }
}

/** The RFC 8058 headers of a non-transactional e-mail: a one-click POST link with a signed token. */
export function unsubscribeHeaders(
  publicBaseUrl: string,
  key: string,
  claim: UnsubscribeClaim,
): Record<string, string> {
  const url = new URL('/v1/notifications/unsubscribe', publicBaseUrl);
  url.searchParams.set('token', signUnsubscribeToken(key, claim));
  return { 'List-Unsubscribe': `<${url.toString()}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
