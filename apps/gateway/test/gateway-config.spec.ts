import 'reflect-metadata';
import { loadConfig } from '@platform/bootstrap';
import { describe, expect, it } from 'vitest';
import { GatewayConfig } from '../src/gateway.config.js';

const required = { IDENTITY_SIGNING_KEY: 'k'.repeat(64), KAFKA_BROKERS: '127.0.0.1:9092' };

describe('GatewayConfig', () => {
  it('needs the Kafka brokers the revoked sessions come from, and refuses a malformed list', () => {
    expect(() => loadConfig(GatewayConfig, { IDENTITY_SIGNING_KEY: required.IDENTITY_SIGNING_KEY })).toThrow(
      /KAFKA_BROKERS: .* \(got nothing\)/,
    );
    expect(() => loadConfig(GatewayConfig, { ...required, KAFKA_BROKERS: 'localhost' })).toThrow(
      'KAFKA_BROKERS: KAFKA_BROKERS must be host:port[,host:port] (got "localhost")',
    );
  });

  it('bounds revocation at 15 s and remembers it for 15-minute tokens by default, within limits', () => {
    expect(loadConfig(GatewayConfig, required)).toMatchObject({
      REVOCATION_MAX_DELAY_SECONDS: 15,
      ACCESS_TOKEN_MAX_LIFETIME_SECONDS: 900,
    });
    expect(() => loadConfig(GatewayConfig, { ...required, REVOCATION_MAX_DELAY_SECONDS: '0' })).toThrow(
      /REVOCATION_MAX_DELAY_SECONDS/,
    );
    expect(() => loadConfig(GatewayConfig, { ...required, ACCESS_TOKEN_MAX_LIFETIME_SECONDS: '7200' })).toThrow(
      /ACCESS_TOKEN_MAX_LIFETIME_SECONDS/,
    );
  });
});
