import { timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

// Standard Webhooks (https://www.standardwebhooks.com), on the spec's maintained library
// (`standardwebhooks`): it decodes the `whsec_` secret and computes each `v1,<base64>` signature,
// HMAC-SHA256 over `<webhook-id>.<webhook-timestamp>.<raw body>`. Around it we keep what our
// callers rely on and the library does not offer: several secrets (rotation), a clock and a
// tolerance of our choosing, a strict timestamp, and a typed reason for every refusal.

/** Default tolerance between the sender's timestamp and our clock, in seconds (the spec's 5 minutes). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** The three headers of a signed webhook, lower-case as HTTP/2 and Fastify give them. */
export interface StandardWebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * One `whsec_<base64>` secret (a secret without the prefix is taken as base64 too), or several:
 * during a rotation's overlap the old and the new one.
 */
export type WebhookSecrets = string | readonly string[];

/** Why a webhook was refused. */
export type WebhookRejection = 'missing_headers' | 'invalid_timestamp' | 'stale_timestamp' | 'invalid_signature';

/** A webhook that is not signed with our secret, or not now: never act on it. */
export class InvalidWebhookSignatureError extends Error {
  constructor(readonly reason: WebhookRejection) {
    super(`webhook refused: ${reason}`);
    this.name = 'InvalidWebhookSignatureError';
  }
}

/** The library's signer of each secret; a malformed secret is a programming or configuration error. */
function signersOf(secrets: WebhookSecrets): Webhook[] {
  const list = typeof secrets === 'string' ? [secrets] : secrets;
  if (list.length === 0) throw new RangeError('a webhook needs at least one secret');
  return list.map((secret) => {
    try {
      return new Webhook(secret);
    } catch (error) {
      // The library's message names the defect, never the secret.
      throw new RangeError(`a webhook secret needs a non-empty base64 key (${(error as Error).message})`);
    }
  });
}

/**
 * Signs `body` for sending: the three Standard Webhooks headers (timestamp `now` in unix seconds
 * unless given), with one `v1,` signature per secret, space-separated, in the order given.
 */
export function signStandardWebhook(
  secrets: WebhookSecrets,
  message: { id: string; body: string | Buffer; timestamp?: number },
): StandardWebhookHeaders {
  const timestamp = message.timestamp ?? Math.floor(Date.now() / 1000);
  // The library signs whole seconds: a fraction would sign another timestamp than the header's.
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new RangeError(`a webhook timestamp is whole unix seconds, received ${timestamp}`);
  }
  const at = new Date(timestamp * 1000);
  const signatures = signersOf(secrets).map((signer) => signer.sign(message.id, at, message.body));
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatures.join(' '),
  };
}

/**
 * Verifies a received webhook over its RAW body (the exact bytes: re-serialised JSON would not
 * match). Throws InvalidWebhookSignatureError when a header is missing, the timestamp is not whole
 * seconds or is more than `toleranceSeconds` from `now` (replays of old captures), or no `v1`
 * signature of the header matches any of the secrets (compared in constant time). Returns the
 * webhook id, the key to record for once-only processing.
 */
export function verifyStandardWebhook(
  secrets: WebhookSecrets,
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
  const signatureHeader = header('webhook-signature');
  if (!id || !timestampText || !signatureHeader) throw new InvalidWebhookSignatureError('missing_headers');
  // Stricter than the library's parseInt, which reads `12e3` as 12.
  if (!/^\d{1,12}$/.test(timestampText)) throw new InvalidWebhookSignatureError('invalid_timestamp');
  const timestamp = Number(timestampText);
  // Our own clock and tolerance: the library's `verify` reads the wall clock with a fixed 5 minutes.
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - timestamp) > (options.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS)) {
    throw new InvalidWebhookSignatureError('stale_timestamp');
  }
  const given = signatureHeader.split(' ').map((signature) => Buffer.from(signature));
  const at = new Date(timestamp * 1000);
  const matches = signersOf(secrets).some((signer) => {
    // `v1,<base64>` as the library makes it: another version or encoding never equals it.
    const expected = Buffer.from(signer.sign(id, at, body));
    return given.some((signature) => signature.length === expected.length && timingSafeEqual(signature, expected));
  });
  if (!matches) throw new InvalidWebhookSignatureError('invalid_signature');
  return { id, timestamp };
}
