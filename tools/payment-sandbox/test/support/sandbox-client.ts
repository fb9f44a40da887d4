import type { Payment, RunningPaymentSandbox } from '../../src/index.js';

/** A body for `POST /v1/payments` sending its webhooks to `webhookUrl`. */
export function paymentBody(webhookUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    amount: { amountMinor: 12_500, currency: 'EUR' },
    reference: 'invoice-0001',
    webhookUrl,
    description: 'Invoice 0001',
    ...overrides,
  };
}

/** An access token through HTTP Basic client authentication (id and secret form-encoded, RFC 6749 §2.3.1). */
export async function accessToken(sandbox: RunningPaymentSandbox): Promise<string> {
  const response = await fetch(`${sandbox.url}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(sandbox.clientId)}:${encodeURIComponent(sandbox.clientSecret)}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  if (response.status !== 200) throw new Error(`token: HTTP ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export function createPayment(
  sandbox: RunningPaymentSandbox,
  token: string,
  body: unknown,
  idempotencyKey: string = crypto.randomUUID(),
): Promise<Response> {
  return fetch(`${sandbox.url}/v1/payments`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'idempotency-key': idempotencyKey,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
}

/** Creates a payment and answers it (fails the test on anything but 201). */
export async function newPayment(sandbox: RunningPaymentSandbox, webhookUrl: string): Promise<Payment> {
  const response = await createPayment(sandbox, await accessToken(sandbox), paymentBody(webhookUrl));
  if (response.status !== 201) throw new Error(`create payment: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as Payment;
}

/** The payer's choice on the checkout page. */
export function checkout(sandbox: RunningPaymentSandbox, id: string, outcome: string): Promise<Response> {
  return fetch(`${sandbox.url}/checkout/${id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outcome }),
  });
}
