import type { Money } from './types.js';

/** A valid `POST /v1/payments` body. */
export interface CreatePaymentRequest {
  amount: Money;
  reference: string;
  webhookUrl: string;
  description: string | null;
}

/** Checks a `POST /v1/payments` body; the errors say which field is wrong and why. Unknown fields are ignored. */
export function parseCreatePayment(
  body: unknown,
): { ok: true; request: CreatePaymentRequest } | { ok: false; errors: string[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, errors: ['the body must be a JSON object'] };
  const input = body as Record<string, unknown>;
  const errors: string[] = [];
  const amount = input['amount'] as Record<string, unknown> | undefined;
  if (typeof amount !== 'object' || amount === null || Array.isArray(amount)) errors.push('amount must be an object');
  else {
    const minor = amount['amountMinor'];
    if (!Number.isSafeInteger(minor) || (minor as number) <= 0)
      errors.push('amount.amountMinor must be an integer > 0 (minor units)');
    if (typeof amount['currency'] !== 'string' || !/^[A-Z]{3}$/.test(amount['currency']))
      errors.push('amount.currency must be an ISO 4217 code such as EUR');
  }
  const reference = input['reference'];
  if (typeof reference !== 'string' || reference.length < 1 || reference.length > 200)
    errors.push('reference must be a string of 1-200 characters');
  const webhookUrl = input['webhookUrl'];
  if (typeof webhookUrl !== 'string' || !isHttpUrl(webhookUrl)) errors.push('webhookUrl must be an http(s) URL');
  const description = input['description'];
  if (
    description !== undefined &&
    description !== null &&
    (typeof description !== 'string' || description.length > 500)
  )
    errors.push('description must be a string of at most 500 characters');
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: {
      amount: { amountMinor: amount?.['amountMinor'] as number, currency: amount?.['currency'] as string },
      reference: reference as string,
      webhookUrl: webhookUrl as string,
      description: (description as string | null | undefined) ?? null,
    },
  };
}

/** The same request sent twice has the same fingerprint, whatever its key order or whitespace. */
export function requestFingerprint(request: CreatePaymentRequest): string {
  const { amount, reference, webhookUrl, description } = request;
  return JSON.stringify([amount.amountMinor, amount.currency, reference, webhookUrl, description]);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
