import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { EventEnvelope } from '../src/envelope/event-envelope.js';
import { EVENT_CONTENT_TYPE, KafkaHeader, MESSAGE_KEY_FIELD } from '../src/envelope/kafka-headers.js';
import { invalidFields } from './support/field-paths.js';

function envelope(overrides: Record<string, unknown> = {}) {
  return {
    eventId: uuidv7(),
    type: 'business.invoice.issued',
    version: 1,
    occurredAt: '2026-02-02T10:00:00.000Z',
    source: 'business-service',
    aggregateId: uuidv7(),
    correlationId: uuidv7(),
    payload: { invoiceId: 'checked against the contract, not here' },
    ...overrides,
  };
}

describe('EventEnvelope', () => {
  it('accepts a complete envelope, with or without causationId', async () => {
    expect(await invalidFields(EventEnvelope, envelope())).toEqual([]);
    expect(await invalidFields(EventEnvelope, envelope({ causationId: uuidv7() }))).toEqual([]);
  });

  it('refuses each malformed field by name', async () => {
    const bad = envelope({
      eventId: uuidv4(), // ids are v7: time-ordered
      type: 'InvoiceIssued',
      version: 0,
      occurredAt: '2026-02-02T12:00:00+02:00',
      source: 'Business Service',
      aggregateId: 'invoice-42',
      correlationId: 'a b',
      causationId: 'x\r\ny',
      payload: 'not an object',
    });
    expect(await invalidFields(EventEnvelope, bad)).toEqual([
      'aggregateId',
      'causationId',
      'correlationId',
      'eventId',
      'occurredAt',
      'payload',
      'source',
      'type',
      'version',
    ]);
  });

  it('refuses an envelope without its required fields', async () => {
    const errors = await validate(plainToInstance(EventEnvelope, {}));
    expect(errors.map((error) => error.property).sort()).toEqual([
      'aggregateId',
      'correlationId',
      'eventId',
      'occurredAt',
      'payload',
      'source',
      'type',
      'version',
    ]);
  });
});

describe('Kafka conventions', () => {
  it('names the headers every event carries', () => {
    expect(Object.values(KafkaHeader).sort()).toEqual([
      'baggage',
      'content-type',
      'event-type',
      'event-version',
      'traceparent',
      'tracestate',
      'x-correlation-id',
    ]);
  });

  it('keys messages by aggregate and sends JSON', () => {
    const value = envelope();
    expect(value[MESSAGE_KEY_FIELD]).toBe(value.aggregateId);
    expect(EVENT_CONTENT_TYPE).toBe('application/json');
  });
});
