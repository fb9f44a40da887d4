import { createHmac, timingSafeEqual } from 'node:crypto';

// Standard Webhooks (https://www.standardwebhooks.com): the signature is HMAC-SHA256 over
// `<webhook-id>.<webhook-timestamp>.<raw body>` with the secret's base64-decoded key, sent as
// `v1,<base64>`; several space-separated signatures allow secret rotation.

/** Default tolerance between the sender's timestamp and our clock, in seconds (the spec's 5 minutes). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** The three headers of a signed webhook, lower-case as HTTP/2 and Fastify give them. */
export interface StandardWebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** Why a webhook was refused. */
export type WebhookRejection = 'missing_headers' | 'invalid_timestamp' | 'stale_timestamp' | 'invalid_signature';

/** A webhook that is not signed with our secret, or not now: never act on it. */
export class InvalidWebhookSignatureError extends Error {
  constructor(readonly reason: WebhookRejection) {
    super(`webhook refused: ${reason}`);
    this.name = 'InvalidWebhookSignatureError';
  }
}

/** The HMAC key of a `whsec_<base64>` secret (a secret without the prefix is taken as base64 too). */
function keyOf(secret: string): Buffer {
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
  if (key.length === 0) throw new RangeError('a webhook secret needs a non-empty base64 key');
  return key;
}

function signatureOf(key: Buffer, id: string, timestamp: string, body: string | Buffer): Buffer {
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest();
}

/** Signs `body` for sending: the three Standard Webhooks headers (timestamp `now`, unix seconds). */
export function signStandardWebhook(
  secret: string,
  message: { id: string; body: string | Buffer; timestamp?: number },
): StandardWebhookHeaders {
  const timestamp = String(message.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = signatureOf(keyOf(secret), message.id, timestamp, message.body).toString('base64');
  return { 'webhook-id': message.id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
}

/**
 * Verifies a received webhook over its RAW body (the exact bytes: re-serialised JSON would not
 * match). Throws InvalidWebhookSignatureError when a header is missing, the timestamp is more than
 * `toleranceSeconds` from `now` (replays of old captures), or no `v1` signature matches (compared
 * in constant time). Returns the webhook id, the key to record for once-only processing.
 */
export function verifyStandardWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string | Buffer,
  options: { toleranceSeconds?: number; now?: number } = {},
): { id: string; timestamp: number } {
  const header = (name: keyof StandardWebhookHeaders) => {
    const value = headers[name];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  };
  const id = header('webhook-id');
  const timestampText = header('webhook-timestamp');
  const signatures = header('webhook-signature');
  if (!id || !timestampText || !signatures) throw new InvalidWebhookSignatureError('missing_headers');
  if (!/^\d{1,12}$/.test(timestampText)) throw new InvalidWebhookSignatureError('invalid_timestamp');
  const timestamp = Number(timestampText);
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - timestamp) > (options.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS)) {
    throw new InvalidWebhookSignatureError('stale_timestamp');
  }
  const expected = signatureOf(keyOf(secret), id, timestampText, body);
  const matches = signatures.split(' ').some((entry) => {
    const [version, encoded] = entry.split(',', 2);
    if (version !== 'v1' || !encoded) return false;
    const given = Buffer.from(encoded, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new InvalidWebhookSignatureError('invalid_signature');
  return { id, timestamp };
}
