import type { ReadinessCheck } from '@platform/monitoring';
import { describe, expect, it } from 'vitest';
import { eventServiceOptions, publishingServiceOptions } from './event-service-options.js';

class NoModule {}
class NoConfig {}
const config = {
  PORT: 0,
  MANAGEMENT_PORT: 0,
  KAFKA_BROKERS: '127.0.0.1:9092',
  KAFKA_CONSUMER_GROUP: 'orders-service',
} as never;
const own: ReadinessCheck = { name: 'pricing-api', check: async () => ({}) };
const namesOf = (checks: readonly ReadinessCheck[] | undefined) => checks?.map((check) => check.name);

// What readiness waits for is the platform's promise to operators (docs/runbooks): it must not
// drift between the two kinds of services, and a service's own checks come on top.
describe('the messaging services’ runService options', () => {
  it('make a publishing service ready on PostgreSQL, migrations, Kafka and the outbox, then its own checks', () => {
    const options = publishingServiceOptions({
      name: 'orders-service',
      module: NoModule,
      config: NoConfig as never,
      readiness: () => [own],
    });
    expect(namesOf(options.readiness?.(config))).toEqual(['postgres', 'migrations', 'kafka', 'outbox', 'pricing-api']);
    expect(options.connect).toBeUndefined();
  });

  it('make a consuming service wait for the same and its consumer, and connect the consumer', () => {
    const options = eventServiceOptions({
      name: 'orders-service',
      module: NoModule,
      config: NoConfig as never,
      readiness: () => [own],
    });
    expect(namesOf(options.readiness?.(config))).toEqual([
      'postgres',
      'migrations',
      'kafka',
      'outbox',
      'kafka-consumer',
      'pricing-api',
    ]);
    expect(options.connect).toEqual(expect.any(Function));
  });
});
