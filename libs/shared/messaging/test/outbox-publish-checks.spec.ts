import { EventEnvelope } from '@platform/contracts';
import { ValidationFailedError, validateOrThrow } from '@platform/validation';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessagingOptionsError, Outbox, type NewEvent } from '../src/index.js';
import { createMessagingTestBed, testContracts, type MessagingTestBed } from '../src/testing/index.js';

// tx.publish checks only the caller's fields of the envelope it builds (the rest are the
// library's): each value the envelope's rules refuse must still fail the transaction, with the
// same error as before, and write nothing.
describe('tx.publish refuses what the envelope or the contract refuses', () => {
  const contracts = testContracts();
  let bed: MessagingTestBed;
  let outbox: Outbox;

  beforeAll(async () => {
    bed = await createMessagingTestBed();
    outbox = new Outbox(bed.dataSource, { source: 'test-service', contracts: contracts.registry });
  });
  afterAll(async () => {
    await bed?.close();
  });

  type NoteEvent = NewEvent<typeof contracts.noteAdded>;
  const note = (overrides: Partial<NoteEvent>): NoteEvent => ({
    aggregateId: uuidv7(),
    payload: { text: 'x', sequence: 1 },
    ...overrides,
  });

  const refused: [string, string, () => NoteEvent][] = [
    ['an aggregate id that is no UUID', 'aggregateId', () => note({ aggregateId: 'invoice-1' })],
    ['an aggregate id of another UUID version', 'aggregateId', () => note({ aggregateId: uuidv4() })],
    ['a correlation id with a space', 'correlationId', () => note({ correlationId: 'a b' })],
    ['a correlation id longer than 128', 'correlationId', () => note({ correlationId: 'c'.repeat(129) })],
    ['an empty correlation id', 'correlationId', () => note({ correlationId: '' })],
    ['a causation id with a line break', 'causationId', () => note({ causationId: 'a\nb' })],
    ['a time past year 9999', 'occurredAt', () => note({ occurredAt: new Date('+010000-01-01T00:00:00Z') })],
    ['a payload field of the wrong type', 'sequence', () => note({ payload: { text: 'x', sequence: -1 } })],
    [
      'a payload with an unknown field',
      'extra',
      () => note({ payload: { text: 'x', sequence: 1, extra: true } as unknown as NoteEvent['payload'] }),
    ],
  ];

  it.each(refused)('refuses %s (field %s) and writes nothing', async (_, field, event) => {
    const accepted = note({});
    const refusedEvent = event();
    const failure = await outbox
      .transaction(async (tx) => {
        await tx.publish(contracts.noteAdded, accepted);
        await tx.publish(contracts.noteAdded, refusedEvent);
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ValidationFailedError);
    expect((failure as ValidationFailedError).errors.map((error) => error.field)).toEqual([field]);
    const written = await bed.dataSource.query(`SELECT 1 FROM messaging_outbox WHERE key = ANY($1::text[])`, [
      [accepted.aggregateId, refusedEvent.aggregateId],
    ]);
    expect(written).toHaveLength(0);
  });

  it('writes envelopes the full envelope validation accepts', async () => {
    const published = await outbox.transaction((tx) =>
      tx.publish(contracts.noteAdded, note({ correlationId: 'req:1.a_b-C', causationId: uuidv7() })),
    );
    const [row] = (await bed.dataSource.query(`SELECT payload FROM messaging_outbox WHERE event_id = $1`, [
      published.eventId,
    ])) as { payload: string }[];
    const stored = JSON.parse(row!.payload) as EventEnvelope;
    await expect(validateOrThrow(EventEnvelope, stored)).resolves.toBeInstanceOf(EventEnvelope);
    expect(stored).toMatchObject({ source: 'test-service', correlationId: 'req:1.a_b-C' });
  });

  it('refuses a source the envelope would refuse when the outbox is made', () => {
    expect(() => new Outbox(bed.dataSource, { source: 'Test Service', contracts: contracts.registry })).toThrow(
      MessagingOptionsError,
    );
    expect(() => new Outbox(bed.dataSource, { source: 'x'.repeat(65), contracts: contracts.registry })).toThrow(
      MessagingOptionsError,
    );
  });
});
