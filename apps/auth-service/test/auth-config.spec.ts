import 'reflect-metadata';
import { loadConfig } from '@platform/bootstrap';
import { describe, expect, it } from 'vitest';
import { AuthConfig } from '../src/auth.config.js';

const required = {
  DATABASE_URL: 'postgres://auth@127.0.0.1:5432/auth',
  IDENTITY_SIGNING_KEY: 'k'.repeat(64),
};

describe('AuthConfig', () => {
  it('takes a broker list with spaces after the commas', () => {
    const config = loadConfig(AuthConfig, { ...required, KAFKA_BROKERS: '127.0.0.1:9092, kafka-1:9092' });
    expect(config.KAFKA_BROKERS).toBe('127.0.0.1:9092, kafka-1:9092');
  });

  it('refuses a malformed or missing broker list at start-up, naming the setting', () => {
    expect(() => loadConfig(AuthConfig, { ...required, KAFKA_BROKERS: 'localhost' })).toThrow(
      'KAFKA_BROKERS: KAFKA_BROKERS must be host:port[,host:port] (got "localhost")',
    );
    expect(() => loadConfig(AuthConfig, required)).toThrow(/KAFKA_BROKERS: .* \(got nothing\)/);
  });

  it('takes the login throttle settings, with defaults that keep an attacker under 100 attempts an hour', () => {
    const config = loadConfig(AuthConfig, { ...required, KAFKA_BROKERS: '127.0.0.1:9092' });
    expect(config).toMatchObject({
      LOGIN_MAX_FAILURES_PER_PAIR: 5,
      LOGIN_MAX_FAILURES_PER_ADDRESS: 20,
      LOGIN_WINDOW_SECONDS: 900,
      LOGIN_ACCOUNT_FREE_ATTEMPTS: 10,
      LOGIN_ACCOUNT_MAX_DELAY_SECONDS: 60,
      LOGIN_KNOWN_ADDRESS_DAYS: 90,
    });
    const tuned = loadConfig(AuthConfig, {
      ...required,
      KAFKA_BROKERS: '127.0.0.1:9092',
      LOGIN_MAX_FAILURES_PER_PAIR: '3',
      LOGIN_ACCOUNT_FREE_ATTEMPTS: '30',
      LOGIN_ACCOUNT_MAX_DELAY_SECONDS: '120',
    });
    expect(tuned).toMatchObject({
      LOGIN_MAX_FAILURES_PER_PAIR: 3,
      LOGIN_ACCOUNT_FREE_ATTEMPTS: 30,
      LOGIN_ACCOUNT_MAX_DELAY_SECONDS: 120,
    });
  });

  it('refuses throttle settings that would let an attacker past 100 attempts an hour, or lock an owner out', () => {
    const load = (env: Record<string, string>) => () =>
      loadConfig(AuthConfig, { ...required, KAFKA_BROKERS: '127.0.0.1:9092', ...env });
    expect(load({ LOGIN_ACCOUNT_FREE_ATTEMPTS: '31' })).toThrow(/LOGIN_ACCOUNT_FREE_ATTEMPTS: .*30/);
    expect(load({ LOGIN_ACCOUNT_MAX_DELAY_SECONDS: '30' })).toThrow(/LOGIN_ACCOUNT_MAX_DELAY_SECONDS: .*60/);
    expect(load({ LOGIN_ACCOUNT_MAX_DELAY_SECONDS: '3600' })).toThrow(/LOGIN_ACCOUNT_MAX_DELAY_SECONDS: .*300/);
    expect(load({ LOGIN_MAX_FAILURES_PER_PAIR: '0' })).toThrow(/LOGIN_MAX_FAILURES_PER_PAIR/);
  });

  it('takes the erasure settings, with the two confirming services and a day by default', () => {
    const load = (env: Record<string, string> = {}) =>
      loadConfig(AuthConfig, { ...required, KAFKA_BROKERS: '127.0.0.1:9092', ...env });
    expect(load()).toMatchObject({
      KAFKA_CONSUMER_GROUP: 'auth-service',
      ERASURE_CONFIRMING_SERVICES: 'business-service,notification-service',
      ERASURE_CONFIRMATION_DEADLINE_MS: 86_400_000,
    });
    expect(
      load({
        ERASURE_CONFIRMING_SERVICES: 'business-service, billing-service',
        ERASURE_CONFIRMATION_DEADLINE_MS: '500',
      }),
    ).toMatchObject({
      ERASURE_CONFIRMING_SERVICES: 'business-service, billing-service',
      ERASURE_CONFIRMATION_DEADLINE_MS: 500,
    });
  });

  it('refuses malformed erasure settings at start-up, naming the setting', () => {
    const load = (env: Record<string, string>) => () =>
      loadConfig(AuthConfig, { ...required, KAFKA_BROKERS: '127.0.0.1:9092', ...env });
    expect(load({ ERASURE_CONFIRMING_SERVICES: ',' })).toThrow(/ERASURE_CONFIRMING_SERVICES/);
    expect(load({ ERASURE_CONFIRMING_SERVICES: 'business-service;notification' })).toThrow(
      /ERASURE_CONFIRMING_SERVICES/,
    );
    expect(load({ ERASURE_CONFIRMATION_DEADLINE_MS: '0' })).toThrow(/ERASURE_CONFIRMATION_DEADLINE_MS/);
    expect(load({ ERASURE_CONFIRMATION_DEADLINE_MS: 'a day' })).toThrow(/ERASURE_CONFIRMATION_DEADLINE_MS/);
  });
});
