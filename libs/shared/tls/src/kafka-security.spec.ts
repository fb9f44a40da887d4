import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kafkaSecurity } from './kafka-security.js';

const dir = mkdtempSync(path.join(tmpdir(), 'kafka-security-'));
const pem = path.join(dir, 'ca.pem');
writeFileSync(pem, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
const passwordFile = path.join(dir, 'password');
writeFileSync(passwordFile, 's3cret\n');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kafkaSecurity', () => {
  it('adds nothing to a plain connection', () => {
    expect(kafkaSecurity({})).toEqual({});
    expect(kafkaSecurity({ KAFKA_SSL: 'false' })).toEqual({});
  });

  it('verifies the brokers over TLS, against the CA file when given', () => {
    expect(kafkaSecurity({ KAFKA_SSL: 'true' })).toEqual({ ssl: { rejectUnauthorized: true } });
    expect(kafkaSecurity({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: pem }).ssl).toMatchObject({
      rejectUnauthorized: true,
      ca: expect.stringContaining('BEGIN CERTIFICATE'),
    });
  });

  it('takes SASL SCRAM with the password from a file', () => {
    expect(
      kafkaSecurity({
        KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
        KAFKA_SASL_USERNAME: 'svc',
        KAFKA_SASL_PASSWORD_FILE: passwordFile,
      }).sasl,
    ).toEqual({ mechanism: 'scram-sha-512', username: 'svc', password: 's3cret' });
  });

  it('names every contradictory or unreadable setting in one message', () => {
    expect(() =>
      kafkaSecurity({
        KAFKA_SSL: 'yes',
        KAFKA_SASL_MECHANISM: 'gssapi',
        KAFKA_SASL_USERNAME: 'svc',
      }),
    ).toThrow(/KAFKA_SSL must be true or false .*KAFKA_SASL_MECHANISM must be plain, scram-sha-256 or scram-sha-512/);
    expect(() => kafkaSecurity({ KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_USERNAME: 'svc' })).toThrow(
      'KAFKA_SASL_MECHANISM needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD',
    );
    expect(() => kafkaSecurity({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: path.join(dir, 'missing.pem') })).toThrow(
      /KAFKA_SSL_CA_FILE: cannot read .*missing\.pem \(ENOENT\)/,
    );
  });
});
