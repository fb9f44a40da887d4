import { describe, expect, it } from 'vitest';
import { loadInfraConfig } from './config.js';
import { InfraError } from './errors.js';

describe('loadInfraConfig', () => {
  it('uses loopback defaults when nothing is set', () => {
    expect(loadInfraConfig({})).toEqual({
      databaseUrl: undefined,
      kafkaBrokers: undefined,
      postgresPort: 5432,
      kafkaPort: 9092,
      kafkaControllerPort: 9093,
      mailpitSmtpPort: 1025,
      mailpitHttpPort: 8025,
      startTimeoutMs: 90_000,
      jaegerOtlpGrpcPort: 4317,
      jaegerOtlpHttpPort: 4318,
      jaegerQueryPort: 16686,
      jaegerQueryGrpcPort: 16685,
      prometheusPort: 9090,
      alertmanagerPort: 9094,
    });
  });

  it('refuses two Jaeger ports that are the same', () => {
    expect(() => loadInfraConfig({ INFRA_JAEGER_QUERY_PORT: '4318' })).toThrow(InfraError);
  });

  it('takes external servers from DATABASE_URL and KAFKA_BROKERS', () => {
    const config = loadInfraConfig({ DATABASE_URL: 'postgresql://app@db:5432/app', KAFKA_BROKERS: 'k1:9092, k2:9093' });
    expect(config.databaseUrl).toBe('postgresql://app@db:5432/app');
    expect(config.kafkaBrokers).toEqual(['k1:9092', 'k2:9093']);
  });

  it.each([
    [{ INFRA_PG_PORT: 'abc' }, /INFRA_PG_PORT must be a TCP port/],
    [{ INFRA_KAFKA_PORT: '70000' }, /INFRA_KAFKA_PORT must be a TCP port/],
    [{ INFRA_KAFKA_PORT: '9000', INFRA_KAFKA_CONTROLLER_PORT: '9000' }, /must differ/],
    [{ INFRA_MAILPIT_SMTP_PORT: '8025' }, /INFRA_MAILPIT_SMTP_PORT and INFRA_MAILPIT_HTTP_PORT must differ/],
    [{ INFRA_ALERTMANAGER_PORT: '9090' }, /INFRA_PROMETHEUS_PORT and INFRA_ALERTMANAGER_PORT must differ/],
    [{ INFRA_START_TIMEOUT_MS: '-1' }, /INFRA_START_TIMEOUT_MS must be a positive integer/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL is not a URL/],
    [{ DATABASE_URL: 'mysql://db/app' }, /must start with postgres:\/\//],
    [{ KAFKA_BROKERS: 'localhost' }, /host:port pairs/],
  ])('rejects %o with one clear message', (env, message) => {
    expect(() => loadInfraConfig(env)).toThrow(InfraError);
    expect(() => loadInfraConfig(env)).toThrow(message);
  });
});
