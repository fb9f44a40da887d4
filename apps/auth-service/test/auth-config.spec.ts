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
});
