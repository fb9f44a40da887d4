import { UserRegisteredV1Contract, type EventEnvelope } from '@platform/contracts';
import { eventually, testInfra, uniqueName } from '@platform/infra/testing';
import { createEvent, createKafkaClient, deadLetterTopicOf } from '@platform/messaging';
import { Partitioners, type Kafka } from 'kafkajs';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBusinessService, type BusinessServiceUnderTest } from '../support/business-service-under-test.js';

// The members directory is fed by auth.user.registered through Kafka (inbox, retries, DLQ), never
// by a call to the auth-service.
describe('members directory (auth.user.registered → directory_users)', () => {
  let running: BusinessServiceUnderTest;
  let kafka: Kafka;
  let db: pg.Client;

  beforeAll(async () => {
    running = await startBusinessService();
    kafka = createKafkaClient({ brokers: testInfra().kafkaBrokers, clientId: uniqueName('directory-test') });
    db = new pg.Client({ connectionString: running.database.url });
    await db.connect();
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await running?.stop();
  });

  function registration(userId = uuidv7(), email = `${uniqueName('member')}@example.com`) {
    return createEvent(UserRegisteredV1Contract, 'auth-service', {
      aggregateId: userId,
      payload: { userId, email, displayName: 'Grace Hopper', registeredAt: new Date().toISOString() },
    });
  }

  async function produce(...envelopes: EventEnvelope<object>[]): Promise<void> {
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      await producer.send({
        topic: UserRegisteredV1Contract.topic,
        acks: -1,
        messages: envelopes.map((envelope) => ({
          key: envelope.aggregateId,
          value: JSON.stringify(envelope),
          headers: { 'event-type': envelope.type, 'event-version': String(envelope.version) },
        })),
      });
    } finally {
      await producer.disconnect();
    }
  }

  const directoryRows = async (userId: string) =>
    (await db.query('SELECT email, display_name FROM directory_users WHERE user_id = $1', [userId])).rows;

  it('adds a registered user to the directory, with the e-mail as the auth-service normalised it', async () => {
    const event = registration(undefined, `${uniqueName('ada')}@Example.com`);
    await produce(event);
    await eventually('the user in the directory', async () => (await directoryRows(event.payload.userId)).length === 1);
    expect(await directoryRows(event.payload.userId)).toEqual([
      { email: event.payload.email.toLowerCase(), display_name: 'Grace Hopper' },
    ]);
  });

  it('applies a redelivered event once, and a second registration event of the same user changes nothing', async () => {
    const first = registration();
    const again = { ...first };
    const duplicate = registration(first.payload.userId, first.payload.email);
    duplicate.payload.displayName = 'Someone Else';
    await produce(first, again, duplicate);
    await eventually('all three handled', async () => {
      const { rows } = await db.query('SELECT count(*)::int AS n FROM messaging_inbox WHERE event_id = ANY($1)', [
        [first.eventId, duplicate.eventId],
      ]);
      return rows[0].n === 2;
    });
    expect(await directoryRows(first.payload.userId)).toEqual([
      { email: first.payload.email, display_name: 'Grace Hopper' },
    ]);
  });

  it('sends an event that breaks its contract to the dead-letter topic, and goes on with the next', async () => {
    const broken = registration();
    (broken.payload as { email: string }).email = 'not an address';
    const next = registration();
    await produce(broken, next);
    await eventually(
      'the next user in the directory',
      async () => (await directoryRows(next.payload.userId)).length === 1,
    );
    expect(await directoryRows(broken.payload.userId)).toEqual([]);
    const consumer = kafka.consumer({ groupId: uniqueName('dlq-reader') });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: deadLetterTopicOf(UserRegisteredV1Contract.topic), fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the broken event never reached the DLQ')), 60_000);
        void consumer.run({
          eachMessage: async ({ message }) => {
            if (message.value?.toString().includes(broken.eventId)) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
  });
});
