import { createHmac } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { InvalidWebhookSignatureError, signStandardWebhook, verifyStandardWebhook } from './standard-webhooks.js';

const SECRET = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
const OTHER = `whsec_${Buffer.from('fedcba9876543210fedcba9876543210').toString('base64')}`;
const BODY = '{"id":"evt_1","type":"payment.succeeded"}';
const NOW = 1_780_000_000_000;

function rejection(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidWebhookSignatureError) return error.reason;
    throw error;
  }
  return undefined;
}

describe('standard webhooks', () => {
  it('verifies what it signed, and the signature is the spec’s HMAC of id.timestamp.body', () => {
    const headers = signStandardWebhook(SECRET, { id: 'msg_1', body: BODY, timestamp: NOW / 1000 });
    const key = Buffer.from(SECRET.slice(6), 'base64');
    const expected = createHmac('sha256', key)
      .update(`msg_1.${NOW / 1000}.${BODY}`)
      .digest('base64');
    expect(headers['webhook-signature']).toBe(`v1,${expected}`);
    expect(verifyStandardWebhook(SECRET, { ...headers }, Buffer.from(BODY), { now: NOW })).toEqual({
      id: 'msg_1',
      timestamp: NOW / 1000,
    });
  });

  it('accepts any of several space-separated signatures (secret rotation)', () => {
    const old = signStandardWebhook(OTHER, { id: 'msg_1', body: BODY, timestamp: NOW / 1000 });
    const current = signStandardWebhook(SECRET, { id: 'msg_1', body: BODY, timestamp: NOW / 1000 });
    const headers = { ...current, 'webhook-signature': `${old['webhook-signature']} ${current['webhook-signature']}` };
    expect(verifyStandardWebhook(SECRET, headers, BODY, { now: NOW }).id).toBe('msg_1');
  });

  it('refuses another secret, a changed body, a changed id and a re-serialised body', () => {
    const headers = { ...signStandardWebhook(SECRET, { id: 'msg_1', body: BODY, timestamp: NOW / 1000 }) };
    expect(rejection(() => verifyStandardWebhook(OTHER, headers, BODY, { now: NOW }))).toBe('invalid_signature');
    expect(rejection(() => verifyStandardWebhook(SECRET, headers, `${BODY} `, { now: NOW }))).toBe('invalid_signature');
    expect(
      rejection(() => verifyStandardWebhook(SECRET, { ...headers, 'webhook-id': 'msg_2' }, BODY, { now: NOW })),
    ).toBe('invalid_signature');
    const reserialised = JSON.stringify(JSON.parse(BODY), null, 1);
    expect(rejection(() => verifyStandardWebhook(SECRET, headers, reserialised, { now: NOW }))).toBe(
      'invalid_signature',
    );
  });

  it('refuses unsigned webhooks and unknown signature versions', () => {
    const headers = { ...signStandardWebhook(SECRET, { id: 'msg_1', body: BODY, timestamp: NOW / 1000 }) };
    expect(rejection(() => verifyStandardWebhook(SECRET, {}, BODY, { now: NOW }))).toBe('missing_headers');
    const v2 = { ...headers, 'webhook-signature': headers['webhook-signature'].replace('v1,', 'v2,') };
    expect(rejection(() => verifyStandardWebhook(SECRET, v2, BODY, { now: NOW }))).toBe('invalid_signature');
    expect(rejection(() => verifyStandardWebhook(SECRET, { ...headers, 'webhook-signature': 'v1,' }, BODY))).toBe(
      'stale_timestamp',
    );
  });

  it('refuses timestamps beyond the tolerance either way, and accepts them within it', () => {
    const at = (offsetSeconds: number) =>
      signStandardWebhook(SECRET, { id: 'msg_1', body: BODY, timestamp: NOW / 1000 + offsetSeconds });
    expect(rejection(() => verifyStandardWebhook(SECRET, { ...at(-301) }, BODY, { now: NOW }))).toBe('stale_timestamp');
    expect(rejection(() => verifyStandardWebhook(SECRET, { ...at(301) }, BODY, { now: NOW }))).toBe('stale_timestamp');
    expect(verifyStandardWebhook(SECRET, { ...at(-300) }, BODY, { now: NOW }).id).toBe('msg_1');
    expect(
      rejection(() => verifyStandardWebhook(SECRET, { ...at(0), 'webhook-timestamp': '12e3' }, BODY, { now: NOW })),
    ).toBe('invalid_timestamp');
  });

  it('signs once per secret, space-separated, and verifies against any of several secrets', () => {
    const headers = signStandardWebhook([SECRET, OTHER], { id: 'msg_1', body: BODY, timestamp: NOW / 1000 });
    const [current, previous] = headers['webhook-signature'].split(' ');
    expect(current).toBe(
      signStandardWebhook(SECRET, { id: 'msg_1', body: BODY, timestamp: NOW / 1000 })['webhook-signature'],
    );
    expect(previous).toBe(
      signStandardWebhook(OTHER, { id: 'msg_1', body: BODY, timestamp: NOW / 1000 })['webhook-signature'],
    );
    const single = { ...signStandardWebhook(OTHER, { id: 'msg_1', body: BODY, timestamp: NOW / 1000 }) };
    expect(verifyStandardWebhook([SECRET, OTHER], single, BODY, { now: NOW }).id).toBe('msg_1');
    const third = `whsec_${Buffer.from('a third key of thirty-two bytes!').toString('base64')}`;
    expect(rejection(() => verifyStandardWebhook([third], { ...headers }, BODY, { now: NOW }))).toBe(
      'invalid_signature',
    );
  });

  it('refuses malformed secrets and timestamps when signing, naming no secret', () => {
    expect(() => signStandardWebhook('whsec_', { id: 'msg_1', body: BODY })).toThrow(RangeError);
    expect(() => signStandardWebhook('whsec_not*base64', { id: 'msg_1', body: BODY })).toThrow(/base64/);
    expect(() => signStandardWebhook([], { id: 'msg_1', body: BODY })).toThrow(RangeError);
    expect(() => signStandardWebhook(SECRET, { id: 'msg_1', body: BODY, timestamp: 1.5 })).toThrow(RangeError);
  });
});

// The spec's maintained library reads the wall clock: these sign now.
describe('standard webhooks, against the spec’s library (`standardwebhooks`)', () => {
  const body = JSON.stringify({ type: 'invoice.paid', timestamp: new Date().toISOString(), data: { n: 'zoë' } });

  it('signs what a plain `new Webhook(secret).verify` accepts, with each secret of a rotation', () => {
    const single = signStandardWebhook(SECRET, { id: 'msg_lib_1', body });
    expect(new Webhook(SECRET).verify(body, { ...single })).toEqual(JSON.parse(body));
    const rotating = signStandardWebhook([SECRET, OTHER], { id: 'msg_lib_2', body: Buffer.from(body) });
    expect(new Webhook(SECRET).verify(body, { ...rotating })).toEqual(JSON.parse(body));
    expect(new Webhook(OTHER).verify(body, { ...rotating })).toEqual(JSON.parse(body));
    const third = `whsec_${Buffer.from('a third key of thirty-two bytes!').toString('base64')}`;
    expect(() => new Webhook(third).verify(body, { ...rotating })).toThrow(WebhookVerificationError);
  });

  it('verifies what the library signs, and refuses it under another secret or body', () => {
    const id = 'msg_lib_3';
    const seconds = Math.floor(Date.now() / 1000);
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': String(seconds),
      'webhook-signature': new Webhook(SECRET).sign(id, new Date(seconds * 1000), body),
    };
    expect(verifyStandardWebhook(SECRET, headers, Buffer.from(body))).toEqual({ id, timestamp: seconds });
    expect(verifyStandardWebhook([OTHER, SECRET], headers, body).id).toBe(id);
    expect(rejection(() => verifyStandardWebhook(OTHER, headers, body))).toBe('invalid_signature');
    expect(rejection(() => verifyStandardWebhook(SECRET, headers, `${body} `))).toBe('invalid_signature');
  });
});
