import { createContractRegistry, defineEvent, ERASED_PERSON } from '@platform/contracts';
import { IsEmail, IsString, IsUUID } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymiseOutboxEvents, Outbox, type PersonalEventFields } from '../src/index.js';
import { createMessagingTestBed, type MessagingTestBed } from '../src/testing/index.js';

class PersonJoinedV1 {
  @IsUUID()
  userId!: string;

  @IsEmail()
  email!: string;

  @IsString()
  displayName!: string;
}

const domain = `t${randomBytes(5).toString('hex')}`;
const personJoined = defineEvent({
  type: `${domain}.person.joined`,
  version: 1,
  topic: `${domain}.person.v1`,
  payload: PersonJoinedV1,
  example: { userId: '0190a000-0000-7000-8000-000000000000', email: 'ann@example.com', displayName: 'Ann' },
  description: 'A person joined (tests only).',
});
const PERSONAL: readonly PersonalEventFields[] = [
  {
    contract: personJoined,
    subjectField: 'userId',
    replacements: { email: ERASED_PERSON.email, displayName: ERASED_PERSON.displayName },
  },
];

describe('anonymiseOutboxEvents', () => {
  let bed: MessagingTestBed;
  let outbox: Outbox;

  beforeAll(async () => {
    bed = await createMessagingTestBed();
    outbox = new Outbox(bed.dataSource, { source: 'test-service', contracts: createContractRegistry([personJoined]) });
  });
  afterAll(async () => {
    await bed?.close();
  });

  const join = (userId: string, email: string, displayName: string, aggregateId = userId) =>
    outbox.transaction((tx) => tx.publish(personJoined, { aggregateId, payload: { userId, email, displayName } }));

  const storedPayloads = async (): Promise<Array<Record<string, string>>> => {
    const rows: { payload: string }[] = await bed.dataSource.query(
      `SELECT payload FROM messaging_outbox WHERE topic = $1 ORDER BY id`,
      [personJoined.topic],
    );
    return rows.map((row) => (JSON.parse(row.payload) as { payload: Record<string, string> }).payload);
  };

  it("replaces the person's fields in their events only, keeps the events valid, and is idempotent", async () => {
    const ann = uuidv7();
    const bob = uuidv7();
    await join(ann, 'ann@example.com', 'Ann Example');
    await join(bob, 'bob@example.com', 'Bob Example');
    // Ann named in an event keyed by something else (a business), and Ann's id in Bob's text fields.
    await join(ann, 'ann@example.com', 'Ann Example', uuidv7());
    await join(bob, `${ann}@example.com`, 'Bob Example');
    await bed.dataSource.query(
      `UPDATE messaging_outbox SET published_at = now() WHERE topic = $1 AND id IN
      (SELECT id FROM messaging_outbox WHERE topic = $1 ORDER BY id LIMIT 1)`,
      [personJoined.topic],
    );

    const changed = await bed.dataSource.transaction((manager) => anonymiseOutboxEvents(manager, ann, PERSONAL));
    expect(changed).toBe(2); // a published and a pending row

    const payloads = await storedPayloads();
    expect(payloads.filter((payload) => payload['userId'] === ann)).toEqual([
      { userId: ann, email: ERASED_PERSON.email, displayName: ERASED_PERSON.displayName },
      { userId: ann, email: ERASED_PERSON.email, displayName: ERASED_PERSON.displayName },
    ]);
    expect(payloads.filter((payload) => payload['userId'] === bob)).toEqual([
      { userId: bob, email: 'bob@example.com', displayName: 'Bob Example' },
      { userId: bob, email: `${ann}@example.com`, displayName: 'Bob Example' },
    ]);
    expect(JSON.stringify(payloads)).not.toContain('ann@example.com');

    expect(await bed.dataSource.transaction((manager) => anonymiseOutboxEvents(manager, ann, PERSONAL))).toBe(0);
  });

  it('holds a row the relay would claim until the erasure commits', async () => {
    const cy = uuidv7();
    await join(cy, 'cy@example.com', 'Cy Example');
    const queryRunner = bed.dataSource.createQueryRunner();
    await queryRunner.connect();
    await queryRunner.startTransaction();
    try {
      await anonymiseOutboxEvents(queryRunner.manager, cy, PERSONAL);
      // The relay claims with SKIP LOCKED: while the erasure is open, it cannot take the row.
      const claimable: unknown[] = await bed.dataSource.query(
        `SELECT id FROM messaging_outbox WHERE topic = $1 AND strpos(payload, $2) > 0 FOR UPDATE SKIP LOCKED`,
        [personJoined.topic, cy],
      );
      expect(claimable).toEqual([]);
      await queryRunner.commitTransaction();
    } finally {
      await queryRunner.release();
    }
    const payload = (await storedPayloads()).find((stored) => stored['userId'] === cy);
    expect(payload?.['email']).toBe(ERASED_PERSON.email);
  });
});
