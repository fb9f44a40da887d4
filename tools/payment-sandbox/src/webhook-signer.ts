import { createHmac } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';

/** The HMAC key of a `whsec_<base64>` secret: its base64-decoded part (Standard Webhooks). */
export function webhookKey(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error('webhookSecret must start with whsec_');
  const encoded = secret.slice(SECRET_PREFIX.length);
  const key = Buffer.from(encoded, 'base64');
  // Buffer.from ignores characters outside the alphabet; re-encoding catches a mistyped secret.
  if (key.length < 16 || key.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, ''))
    throw new Error('webhookSecret must be whsec_ followed by at least 16 base64-encoded bytes');
  return key;
}

/**
 * The Standard Webhooks headers of one delivery attempt: the signature covers
 * `<webhook-id>.<webhook-timestamp>.<raw body>`, so each attempt (fresh timestamp) is signed anew.
 */
export function signedWebhookHeaders(
  key: Buffer,
  webhookId: string,
  timestampSeconds: number,
  body: string,
): Record<string, string> {
  const signature = createHmac('sha256', key).update(`${webhookId}.${timestampSeconds}.${body}`).digest('base64');
  return {
    'content-type': 'application/json',
    'webhook-id': webhookId,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': `v1,${signature}`,
  };
}
