import { AUTH_USER_TOPIC_V1, KafkaHeader, UserRegisteredV1Contract, type EventEnvelope } from '@platform/contracts';
import { testKafka, uniqueGroupId, eventually } from '@platform/infra/testing';
import { OutboxRelay } from '@platform/messaging';
import { validateOrThrow } from '@platform/validation';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailTakenError, PasswordPolicyError } from '../../src/domain/auth.errors.js';
import { DisplayName } from '../../src/domain/display-name.js';
import { Email } from '../../src/domain/email.js';
import { User } from '../../src/domain/user.js';
import { createAuthTestBed, GOOD_PASSWORD, type AuthTestBed } from '../support/auth-test-bed.js';

describe('registering a user', () => {
  let bed: AuthTestBed;

  beforeAll(async () => {
    bed = await createAuthTestBed('auth_register');
  });
  afterAll(async () => {
    await bed?.close();
  });

  const usersWithEmail = async (email: string) =>
    (await bed.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email]))[0].n as number;

  it('stores the account with the address lower-cased and an argon2id hash, never the password', async () => {
    const password = 'a long and unusual passphrase 42';
    const summary = await bed.useCases.register.execute({
      email: '  Ada.Lovelace@Example.COM ',
      displayName: ' Ada Lovelace ',
      password,
    });

    const [row] = await bed.dataSource.query(`SELECT * FROM users WHERE id = $1`, [summary.id]);
    expect(row).toMatchObject({
      email: 'ada.lovelace@example.com',
      display_name: 'Ada Lovelace',
      roles: ['user'],
      tokens_valid_after: null,
    });
    expect(row.created_at).toEqual(summary.createdAt);
    expect(row.password_changed_at).toEqual(summary.createdAt);
    // PHC format: algorithm, version, parameters, salt, hash; made with the hasher's current parameters.
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$[mpt=\d,]+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(bed.passwordHasher.needsRehash(row.password_hash)).toBe(false);
    expect(JSON.stringify(row)).not.toContain(password);
    await expect(bed.passwordHasher.verify(row.password_hash, password)).resolves.toBe(true);
    expect(summary).toEqual({
      id: row.id,
      email: 'ada.lovelace@example.com',
      displayName: 'Ada Lovelace',
      roles: ['user'],
      createdAt: row.created_at,
    });
  });

  it('writes auth.user.registered to the outbox in the same transaction, keyed by the user id', async () => {
    const summary = await bed.registerUser({ email: 'grace@example.com', displayName: 'Grace Hopper' });

    const records = (await bed.outboxRecords('auth.user.registered')).filter((r) => r.key === summary.id);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record!.topic).toBe(AUTH_USER_TOPIC_V1);
    expect(record!.headers[KafkaHeader.eventType]).toBe('auth.user.registered');
    expect(record!.envelope).toMatchObject({
      eventId: record!.eventId,
      type: 'auth.user.registered',
      version: 1,
      source: 'auth-service',
      aggregateId: summary.id,
      occurredAt: summary.createdAt.toISOString(),
      payload: {
        userId: summary.id,
        email: 'grace@example.com',
        displayName: 'Grace Hopper',
        registeredAt: summary.createdAt.toISOString(),
      },
    });
    await expect(
      validateOrThrow(UserRegisteredV1Contract.payload, record!.envelope.payload, { forbidUnknownProperties: true }),
    ).resolves.toBeDefined();
  });

  it('refuses an address already taken in another case or with spaces, and announces nothing more', async () => {
    await bed.registerUser({ email: 'katherine@example.com' });
    const before = (await bed.outboxRecords()).length;

    await expect(bed.registerUser({ email: '  KATHERINE@Example.com' })).rejects.toBeInstanceOf(EmailTakenError);
    await expect(bed.registerUser({ email: 'katherine@example.com' })).rejects.toMatchObject({
      code: 'AUTH.EMAIL_TAKEN',
    });

    expect(await usersWithEmail('katherine@example.com')).toBe(1);
    expect(await bed.outboxRecords()).toHaveLength(before);
  });

  it('lets exactly one of two simultaneous registrations of an address through (the unique constraint decides)', async () => {
    const before = (await bed.outboxRecords()).length;
    const outcomes = await Promise.allSettled([
      bed.registerUser({ email: 'dorothy@example.com', displayName: 'Dorothy One' }),
      bed.registerUser({ email: 'Dorothy@example.com', displayName: 'Dorothy Two' }),
    ]);

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(rejected!.reason).toBeInstanceOf(EmailTakenError);
    expect(await usersWithEmail('dorothy@example.com')).toBe(1);
    expect(await bed.outboxRecords()).toHaveLength(before + 1);
  });

  it('maps a unique violation of the address to EmailTakenError in the repository itself', async () => {
    await bed.registerUser({ email: 'hedy@example.com' });
    const impostor = User.register({
      email: Email.parse('hedy@example.com'),
      displayName: DisplayName.parse('Not Hedy'),
      passwordHash: await bed.passwordHasher.hash(GOOD_PASSWORD),
      at: bed.clock.now(),
    });

    await expect(bed.ports.users.save(impostor)).rejects.toBeInstanceOf(EmailTakenError);
    await expect(bed.ports.unitOfWork.run((tx) => tx.users.save(impostor))).rejects.toBeInstanceOf(EmailTakenError);
    expect(await bed.ports.users.findById(impostor.id)).toBeUndefined();
  });

  it.each([
    ['common', 'password1234'],
    ['too_short', 'short1!'],
    ['contains_personal_data', 'MargaretHamilton-2026'],
  ])('refuses a password that is %s and writes nothing', async (rule, password) => {
    const before = (await bed.outboxRecords()).length;

    const attempt = bed.useCases.register.execute({
      email: 'margaret.hamilton@example.com',
      displayName: 'Margaret Hamilton',
      password,
    });

    await expect(attempt).rejects.toBeInstanceOf(PasswordPolicyError);
    await expect(attempt).rejects.toMatchObject({ rule, errors: [expect.objectContaining({ field: 'password' })] });
    expect(await usersWithEmail('margaret.hamilton@example.com')).toBe(0);
    expect(await bed.outboxRecords()).toHaveLength(before);
  });

  describe('once the relay runs', () => {
    let relay: OutboxRelay;
    let consumer: Consumer;
    const received: KafkaMessage[] = [];

    beforeAll(async () => {
      // A topic every service shares in real life; the broker of the tests does not create topics on its own.
      const admin = testKafka().admin();
      await admin.connect();
      try {
        if (!(await admin.listTopics()).includes(AUTH_USER_TOPIC_V1)) {
          await admin
            .createTopics({ topics: [{ topic: AUTH_USER_TOPIC_V1, numPartitions: 3 }], waitForLeaders: true })
            .catch(async (error: unknown) => {
              // Created meanwhile by a parallel run: that is all we wanted.
              if (!(await admin.listTopics()).includes(AUTH_USER_TOPIC_V1)) throw error;
            });
        }
      } finally {
        await admin.disconnect();
      }
      consumer = testKafka().consumer({ groupId: uniqueGroupId('auth_register') });
      await consumer.connect();
      await consumer.subscribe({ topic: AUTH_USER_TOPIC_V1, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          received.push(message);
        },
      });
      relay = new OutboxRelay({ kafka: testKafka(), dataSource: bed.dataSource });
      await relay.start();
    });
    afterAll(async () => {
      await relay?.stop();
      await consumer?.disconnect();
    });

    it('publishes the registration to auth.user.v1, keyed by the user id', async () => {
      const summary = await bed.registerUser({ email: 'annie.easley@example.com', displayName: 'Annie Easley' });

      // The shared topic carries other runs' events too: ours is the one with our user's key.
      const ours = () => received.filter((message) => message.key?.toString() === summary.id);
      await eventually('the registration on Kafka', () => ours().length > 0);
      const envelope = JSON.parse(ours()[0]!.value!.toString()) as EventEnvelope;
      expect(envelope).toMatchObject({
        type: 'auth.user.registered',
        version: 1,
        source: 'auth-service',
        aggregateId: summary.id,
        payload: { userId: summary.id, email: 'annie.easley@example.com', displayName: 'Annie Easley' },
      });
      // Marked published once Kafka acknowledged it, so a restart does not publish it again.
      await eventually('the outbox row marked published', async () => {
        const [row] = await bed.dataSource.query(`SELECT published_at FROM messaging_outbox WHERE key = $1`, [
          summary.id,
        ]);
        return row.published_at instanceof Date;
      });
    });
  });
});
