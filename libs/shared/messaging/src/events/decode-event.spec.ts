import { describe, expect, it } from 'vitest';
import { MalformedEventError } from '../errors/malformed-event.error.js';
import { testContracts } from '../testing/test-contracts.js';
import { createEvent } from './create-event.js';
import { decodeEnvelope, validatePayload } from './decode-event.js';

const contracts = testContracts();
const valid = createEvent(contracts.noteAdded, 'test-service', {
  aggregateId: '0192f0c1-7a4e-7c3b-8f00-1234567890ab',
  payload: { text: 'hi', sequence: 1 },
});

describe('decoding a message', () => {
  it('reads a valid envelope and payload, ignoring fields a newer producer added', async () => {
    const value = JSON.stringify({ ...valid, payload: { ...valid.payload, addedLater: true }, alsoNew: 1 });
    const envelope = await validatePayload(await decodeEnvelope(Buffer.from(value)), contracts.registry);
    expect(envelope.eventId).toBe(valid.eventId);
    expect(envelope.payload).toEqual({ text: 'hi', sequence: 1 });
  });

  it.each([
    ['no value', null, 'has no value'],
    ['not JSON', '{oops', 'not JSON'],
    ['an envelope without an event id', JSON.stringify({ ...valid, eventId: undefined }), 'eventId'],
    [
      'a timestamp that is not UTC',
      JSON.stringify({ ...valid, occurredAt: '2026-11-23T10:00:00+02:00' }),
      'occurredAt',
    ],
  ])('refuses %s', async (_, value, reason) => {
    const attempt = decodeEnvelope(value);
    await expect(attempt).rejects.toBeInstanceOf(MalformedEventError);
    await expect(decodeEnvelope(value)).rejects.toThrow(reason);
  });

  it('refuses a payload that breaks its contract, and a version this build does not know', async () => {
    const badPayload = await decodeEnvelope(JSON.stringify({ ...valid, payload: { text: 3, sequence: -1 } }));
    await expect(validatePayload(badPayload, contracts.registry)).rejects.toThrow(/text: .*; sequence: /);
    const unknown = await decodeEnvelope(JSON.stringify({ ...valid, version: 9 }));
    await expect(validatePayload(unknown, contracts.registry)).rejects.toThrow('no contract for');
  });
});
