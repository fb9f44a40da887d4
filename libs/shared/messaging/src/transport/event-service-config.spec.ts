import 'reflect-metadata';
import { ConfigError, loadConfig } from '@platform/bootstrap';
import { describe, expect, it } from 'vitest';
import { EventServiceConfig, PublishingServiceConfig } from './event-service-config.js';

// A service's configuration class extends the library's and names its own group.
class OrdersConfig extends EventServiceConfig {
  override KAFKA_CONSUMER_GROUP = 'orders-service';
}

class ReportsConfig extends PublishingServiceConfig {}

describe('EventServiceConfig and PublishingServiceConfig', () => {
  it("give a subclass the Kafka settings, with the service's group and a 30 s session by default", () => {
    const config = loadConfig(OrdersConfig, { KAFKA_BROKERS: '127.0.0.1:9092,127.0.0.2:9092' });
    expect(config.KAFKA_BROKERS).toBe('127.0.0.1:9092,127.0.0.2:9092');
    expect(config.KAFKA_CONSUMER_GROUP).toBe('orders-service');
    expect(config.KAFKA_SESSION_TIMEOUT_MS).toBe(30_000);
    const moved = loadConfig(OrdersConfig, {
      KAFKA_BROKERS: '127.0.0.1:9092',
      KAFKA_CONSUMER_GROUP: 'orders-service-blue',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
    });
    expect([moved.KAFKA_CONSUMER_GROUP, moved.KAFKA_SESSION_TIMEOUT_MS]).toEqual(['orders-service-blue', 6_000]);
  });

  it("stops a subclass's start on a missing or malformed Kafka setting, naming each", () => {
    const failure = (() => {
      try {
        loadConfig(OrdersConfig, { KAFKA_CONSUMER_GROUP: 'orders service!', KAFKA_SESSION_TIMEOUT_MS: '100' });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(failure).toBeInstanceOf(ConfigError);
    for (const setting of ['KAFKA_BROKERS', 'KAFKA_CONSUMER_GROUP', 'KAFKA_SESSION_TIMEOUT_MS']) {
      expect((failure as Error).message).toContain(setting);
    }
    expect(() => loadConfig(ReportsConfig, { KAFKA_BROKERS: 'no-port' })).toThrow(/KAFKA_BROKERS/);
  });

  it('asks a publishing service for its brokers only', () => {
    const config = loadConfig(ReportsConfig, { KAFKA_BROKERS: '127.0.0.1:9092' });
    expect(config.KAFKA_BROKERS).toBe('127.0.0.1:9092');
    expect('KAFKA_CONSUMER_GROUP' in config).toBe(false);
  });
});
