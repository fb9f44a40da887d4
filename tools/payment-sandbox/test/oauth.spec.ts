import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPaymentSandbox, type RunningPaymentSandbox } from '../src/index.js';
import { accessToken, createPayment, paymentBody } from './support/sandbox-client.js';

describe('oauth tokens', () => {
  let sandbox: RunningPaymentSandbox;
  let clock = Date.parse('2026-12-01T10:00:00Z');

  beforeAll(async () => {
    sandbox = await startPaymentSandbox({
      clientId: 'merchant one',
      clientSecret: 's3cret:with+symbols',
      tokenTtlSeconds: 120,
      now: () => new Date(clock),
    });
  });
  afterAll(() => sandbox.close());

  const token = (init: { headers?: Record<string, string>; body: string }) =>
    fetch(`${sandbox.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...init.headers },
      body: init.body,
    });
  /** RFC 6749 §2.3.1: id and secret are form-urlencoded before being joined and base64-encoded. */
  const basic = (id: string, secret: string) => ({
    authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
  });
  const readPayments = (bearer: string) =>
    fetch(`${sandbox.url}/v1/payments/pay_unknown`, { headers: { authorization: `Bearer ${bearer}` } });

  it('issues a bearer token to a client authenticated by HTTP Basic, with the configured lifetime', async () => {
    const response = await token({
      headers: basic('merchant one', 's3cret:with+symbols'),
      body: 'grant_type=client_credentials',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 120 });
    expect(body['access_token']).toMatch(/^\S{20,}$/);
    // The token opens /v1: an unknown payment is a 404, not a 401.
    expect((await readPayments(body['access_token'] as string)).status).toBe(404);
  });

  it('issues a token to a client authenticated by the form fields', async () => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'merchant one',
      client_secret: 's3cret:with+symbols',
    });
    const response = await token({ body: form.toString() });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { token_type: string }).token_type).toBe('Bearer');
  });

  it('refuses a wrong secret, an unknown client and no credentials with 401 invalid_client', async () => {
    const wrongSecret = await token({ headers: basic('merchant one', 'guess'), body: 'grant_type=client_credentials' });
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toMatchObject({ error: 'invalid_client' });
    expect(wrongSecret.headers.get('www-authenticate')).toMatch(/^Basic/);
    const unknown = await token({
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'other',
        client_secret: 's3cret:with+symbols',
      }).toString(),
    });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ error: 'invalid_client' });
    const none = await token({ body: 'grant_type=client_credentials' });
    expect(none.status).toBe(401);
  });

  it('refuses another grant type with 400 unsupported_grant_type', async () => {
    const response = await token({
      headers: basic('merchant one', 's3cret:with+symbols'),
      body: 'grant_type=password',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('answers /v1 calls without a token, with an unknown one or an expired one with 401 invalid_token', async () => {
    const missing = await fetch(`${sandbox.url}/v1/payments/pay_unknown`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(missing.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(await missing.json()).toMatchObject({ status: 401, code: 'invalid_token' });
    expect((await readPayments('made-up')).status).toBe(401);

    const bearer = await accessToken(sandbox);
    clock += 119_000;
    expect((await readPayments(bearer)).status).toBe(404);
    clock += 1_000;
    const expired = await readPayments(bearer);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(await expired.json()).toMatchObject({ code: 'invalid_token' });
  });

  it('expires every token issued so far on the expireTokens fault, and issues working ones afterwards', async () => {
    const before = await accessToken(sandbox);
    const put = await fetch(`${sandbox.url}/admin/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ expireTokens: true }),
    });
    expect(put.status).toBe(200);
    // One-shot: it acts once and is not kept in the fault set.
    expect(await put.json()).toEqual({});
    const refused = await createPayment(sandbox, before, paymentBody('http://127.0.0.1:9/hooks'));
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'invalid_token' });
    expect((await readPayments(await accessToken(sandbox))).status).toBe(404);
  });
});
