import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startNotificationService,
  type NotificationServiceUnderTest,
} from './support/notification-service-under-test.js';

// The Kafka settings of the config class reach the consumer that eventServiceOptions connects.
describe('the event consumer runs on the service’s Kafka settings', () => {
  let running: NotificationServiceUnderTest;

  beforeAll(async () => {
    running = await startNotificationService({ KAFKA_SESSION_TIMEOUT_MS: '9000' });
  }, 300_000);
  afterAll(async () => {
    await running?.stop();
  });

  it('joins under KAFKA_CONSUMER_GROUP with the KAFKA_SESSION_TIMEOUT_MS session, as its readiness shows', async () => {
    const health = (await (await fetch(`${running.service.managementUrl}/health`)).json()) as {
      details: Record<string, { status: string; group?: string; sessionTimeoutMs?: number }>;
    };
    expect(health.details['kafka-consumer']).toMatchObject({
      status: 'up',
      group: running.groupId,
      sessionTimeoutMs: 9_000,
    });
  });
});
