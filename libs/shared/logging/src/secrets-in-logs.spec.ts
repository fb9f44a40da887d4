import { Logger } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { getLogger } from './logger.js';
import { NestLogger } from './nest-logger.js';
import { captureLogs } from './testing/log-capture.js';

const log = getLogger('Secrets');

interface Kind {
  /** The value that must appear nowhere in the output. */
  secret: string;
  /** Writes a line that carries it. */
  write(): void;
  /** Where the record shows the replacement, and what it shows. */
  field: (record: Record<string, unknown>) => unknown;
  replacement: string;
}

// A Luhn-valid test card (the Visa test number), in the shapes people write it.
const CARD = '4111111111111111';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqd3QtdmFsdWUtc2VjcmV0In0.aGVsbG8td29ybGQtc2lnbmF0dXJl';

const at = (value: unknown, ...keys: Array<string | number>): unknown =>
  keys.reduce<unknown>((current, key) => (current as Record<string | number, unknown>)[key], value);

const kinds: Record<string, Kind> = {
  'password, deep in nested objects and arrays': {
    secret: 'pw-deep-secret',
    write: () =>
      log.info('signup', { batch: [{ user: { credentials: undefined, profile: { password: 'pw-deep-secret' } } }] }),
    field: (r) => at(r, 'batch', 0, 'user', 'profile', 'password'),
    replacement: '[REDACTED]',
  },
  token: {
    secret: 'plain-token-value',
    write: () => log.info('verify', { token: 'plain-token-value' }),
    field: (r) => r['token'],
    replacement: '[REDACTED]',
  },
  accessToken: {
    secret: 'access-token-value',
    write: () => log.info('login', { session: { accessToken: 'access-token-value' } }),
    field: (r) => at(r, 'session', 'accessToken'),
    replacement: '[REDACTED]',
  },
  refresh_token: {
    secret: 'refresh-token-value',
    write: () => log.info('refresh', { oauth: { refresh_token: 'refresh-token-value' } }),
    field: (r) => at(r, 'oauth', 'refresh_token'),
    replacement: '[REDACTED]',
  },
  clientSecret: {
    secret: 'client-secret-value',
    write: () => log.info('oauth client', { clientSecret: 'client-secret-value' }),
    field: (r) => r['clientSecret'],
    replacement: '[REDACTED]',
  },
  'authorization header': {
    secret: 'auth-header-value',
    write: () => log.info('outgoing call', { headers: { Authorization: 'Bearer auth-header-value' } }),
    field: (r) => at(r, 'headers', 'Authorization'),
    replacement: '[REDACTED]',
  },
  cookie: {
    secret: 'cookie-session-value',
    write: () => log.info('incoming', { headers: { cookie: 'sid=cookie-session-value' } }),
    field: (r) => at(r, 'headers', 'cookie'),
    replacement: '[REDACTED]',
  },
  'set-cookie (an array)': {
    secret: 'set-cookie-value',
    write: () => log.info('response', { headers: { 'set-cookie': ['sid=set-cookie-value; HttpOnly'] } }),
    field: (r) => at(r, 'headers', 'set-cookie'),
    replacement: '[REDACTED]',
  },
  apiKey: {
    secret: 'api-key-value',
    write: () => log.info('provider', { apiKey: 'api-key-value' }),
    field: (r) => r['apiKey'],
    replacement: '[REDACTED]',
  },
  'x-api-key header': {
    secret: 'x-api-key-value',
    write: () => log.info('provider', { headers: { 'X-API-Key': 'x-api-key-value' } }),
    field: (r) => at(r, 'headers', 'X-API-Key'),
    replacement: '[REDACTED]',
  },
  'bearer token in free text under a harmless key': {
    secret: 'free-text-bearer-value',
    write: () => log.info('debugging', { note: 'sent Authorization: Bearer free-text-bearer-value upstream' }),
    field: (r) => r['note'],
    replacement: 'sent Authorization: Bearer [REDACTED] upstream',
  },
  'JWT in a message': {
    secret: JWT,
    write: () => log.warn(`rejected ${JWT} as expired`),
    field: (r) => r['message'],
    replacement: 'rejected [REDACTED] as expired',
  },
  'card number in text, grouped by spaces': {
    secret: '4111 1111 1111 1111',
    write: () => log.info('payment', { note: 'card 4111 1111 1111 1111 declined' }),
    field: (r) => r['note'],
    replacement: 'card [REDACTED] declined',
  },
  'card number as a string under a harmless key': {
    secret: CARD,
    write: () => log.info('payment', { reference: CARD }),
    field: (r) => r['reference'],
    replacement: '[REDACTED]',
  },
  'card number as a number': {
    secret: CARD,
    write: () => log.info('payment', { reference: Number(CARD) }),
    field: (r) => r['reference'],
    replacement: '[REDACTED]',
  },
  'e-mail address (masked)': {
    secret: 'ada.lovelace@example.com',
    write: () => log.info('invited', { to: 'ada.lovelace@example.com' }),
    field: (r) => r['to'],
    replacement: 'a***@example.com',
  },
  "a person's name under a name key (masked)": {
    secret: 'Lovelace',
    write: () => log.info('registered', { user: { displayName: 'Ada Lovelace' } }),
    field: (r) => at(r, 'user', 'displayName'),
    replacement: 'A***',
  },
  "an e-mail's greeting (masked)": {
    secret: 'Hopper',
    write: () => log.info('queued', { recipientName: 'Grace Hopper', customerName: 'Globex' }),
    field: (r) => r['recipientName'],
    replacement: 'G***',
  },
  'a name in a JSON string (a body logged as text)': {
    secret: 'Lamarr',
    write: () => log.info('raw body', { body: '{"displayName":"Hedy Lamarr","role":"admin"}' }),
    field: (r) => r['body'],
    replacement: '{"displayName":"H***","role":"admin"}',
  },
  'a name in a query string inside a message': {
    secret: 'Babbage',
    write: () => log.info('GET /search?displayName=Charles%20Babbage&page=2'),
    field: (r) => r['message'],
    replacement: 'GET /search?displayName=C***&page=2',
  },
  'password in a connection string': {
    secret: 'db-url-password',
    write: () => log.info('connecting', { url: 'postgres://app:db-url-password@db:5432/app' }),
    field: (r) => r['url'],
    replacement: 'postgres://app:[REDACTED]@db:5432/app',
  },
  'password in a Redis URL without a user name': {
    secret: 'redis-url-password',
    write: () => log.info('connecting', { url: 'redis://:redis-url-password@cache:6379/0' }),
    field: (r) => r['url'],
    replacement: 'redis://:[REDACTED]@cache:6379/0',
  },
  "signing key under a setting's name": {
    secret: 'identity-signing-key-value-32-bytes',
    write: () => log.info('settings', { IDENTITY_SIGNING_KEY: 'identity-signing-key-value-32-bytes' }),
    field: (r) => r['IDENTITY_SIGNING_KEY'],
    replacement: '[REDACTED]',
  },
  'token in a query string inside a message': {
    secret: 'query-token-value',
    write: () => log.info('GET /reset?token=query-token-value&page=2 failed'),
    field: (r) => r['message'],
    replacement: 'GET /reset?token=[REDACTED]&page=2 failed',
  },
  'password in a JSON string (a body logged as text)': {
    secret: 'json-text-password',
    write: () => log.info('raw body', { body: '{"user":"ada","password":"json-text-password"}' }),
    field: (r) => r['body'],
    replacement: '{"user":"ada","password":"[REDACTED]"}',
  },
  'secret inside an error: message, stack, fields and cause': {
    secret: 'error-secret-token',
    write: () => {
      const cause = new Error('upstream said token=error-secret-token is invalid');
      const error = Object.assign(new Error('call failed for token=error-secret-token', { cause }), {
        config: { headers: { authorization: 'Bearer error-secret-token' } },
      });
      log.error('provider call failed', { error });
    },
    field: (r) => at(r, 'error', 'config', 'headers', 'authorization'),
    replacement: '[REDACTED]',
  },
  'secret inside an AggregateError': {
    secret: 'aggregate-secret',
    write: () =>
      log.error('all failed', { error: new AggregateError([new Error('password=aggregate-secret')], 'all') }),
    field: (r) => at(r, 'error', 'errors', 0, 'message'),
    replacement: 'password=[REDACTED]',
  },
  "secret given to Nest's Logger": {
    secret: 'nest-logger-secret',
    write: () => {
      Logger.overrideLogger(new NestLogger());
      new Logger('Auth').warn({ message: 'login', password: 'nest-logger-secret' });
    },
    field: (r) => r['password'],
    replacement: '[REDACTED]',
  },
};

describe('no secret reaches the output', () => {
  it.each(Object.entries(kinds))('%s', (_name, kind) => {
    const capture = captureLogs();
    kind.write();

    const output = capture.output();
    expect(output.length).toBeGreaterThan(0);
    expect(output).not.toContain(kind.secret);
    const [record] = capture.records();
    expect(kind.field(record!)).toBe(kind.replacement);
  });
});
