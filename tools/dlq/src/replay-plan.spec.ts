import { DeadLetterHeader } from '@platform/messaging';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { headersAsText, toDeadLetterRecord, type DeadLetterRecord } from './dead-letter-record.js';
import { deadLetterJson, deadLetterLine } from './output.js';
import { planReplay, replayMessage, type ReplayRules } from './replay-plan.js';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

function deadLetter(
  options: {
    offset?: number;
    partition?: number;
    eventId?: string;
    occurredAt?: string;
    failedAt?: string;
    value?: string;
    headers?: IHeaders;
  } = {},
): DeadLetterRecord {
  const eventId = options.eventId ?? '0193a2b4-0000-7000-8000-000000000001';
  const envelope = {
    eventId,
    type: 'shop.order.placed',
    version: 1,
    occurredAt: options.occurredAt ?? '2026-11-22T08:00:00.000Z',
    source: 'shop-service',
    aggregateId: '0193a2b4-0000-7000-8000-0000000000aa',
    correlationId: 'corr-1',
    payload: { email: 'someone@example.com' },
  };
  return toDeadLetterRecord('shop.order.v1.dlq', options.partition ?? 0, {
    key: Buffer.from('0193a2b4-0000-7000-8000-0000000000aa'),
    value: Buffer.from(options.value ?? JSON.stringify(envelope)),
    offset: String(options.offset ?? 5),
    timestamp: String(NOW.getTime()),
    attributes: 0,
    headers: {
      traceparent: Buffer.from(TRACEPARENT),
      baggage: Buffer.from('tenant=acme'),
      'x-correlation-id': Buffer.from('corr-1'),
      'event-type': Buffer.from('shop.order.placed'),
      [DeadLetterHeader.originalTopic]: Buffer.from('shop.order.v1'),
      [DeadLetterHeader.originalPartition]: Buffer.from('2'),
      [DeadLetterHeader.originalOffset]: Buffer.from('41'),
      [DeadLetterHeader.consumerGroup]: Buffer.from('billing'),
      [DeadLetterHeader.attempts]: Buffer.from('5'),
      [DeadLetterHeader.reason]: Buffer.from('retries-exhausted'),
      [DeadLetterHeader.errorClass]: Buffer.from('QueryFailedError'),
      [DeadLetterHeader.errorMessage]: Buffer.from('relation "invoices"\ndoes not exist'),
      [DeadLetterHeader.failedAt]: Buffer.from(options.failedAt ?? '2026-11-22T09:00:00.000Z'),
      [DeadLetterHeader.history]: Buffer.from('[{"reason":"retries-exhausted","attempts":5}]'),
      [DeadLetterHeader.replayId]: Buffer.from('0193a2b4-0000-7000-8000-0000000000ff'),
      ...options.headers,
    },
  } satisfies KafkaMessage);
}

const rules: ReplayRules = { topic: 'shop.order.v1', now: NOW, inboxRetentionDays: 7, force: false };

describe('replayMessage', () => {
  it('keeps key, value and the original headers, keeps dlq-history, drops the other dlq-* headers and sets the new replay id', () => {
    const letter = deadLetter();
    const message = replayMessage(letter, 'replay-2');
    expect(message.key).toBe(letter.key);
    expect(message.value).toBe(letter.value);
    expect(headersAsText(message.headers ?? {})).toEqual({
      traceparent: TRACEPARENT,
      baggage: 'tenant=acme',
      'x-correlation-id': 'corr-1',
      'event-type': 'shop.order.placed',
      [DeadLetterHeader.history]: '[{"reason":"retries-exhausted","attempts":5}]',
      [DeadLetterHeader.replayId]: 'replay-2',
    });
  });
});

describe('planReplay', () => {
  it('replays dead letters of the topic whose events are younger than the inbox retention', () => {
    const plan = planReplay([deadLetter()], rules);
    expect(plan.accepted).toHaveLength(1);
    expect(plan.refused).toEqual([]);
  });

  it('refuses an event older than the inbox retention, saying why, unless forced', () => {
    const old = deadLetter({ occurredAt: '2026-11-10T12:00:00.000Z' });
    const refused = planReplay([old], rules);
    expect(refused.accepted).toEqual([]);
    expect(refused.refused[0]?.why).toMatch(
      /occurred 13 days ago .* more than the 7-day inbox retention: consumers .* may no longer recognise it/,
    );
    expect(planReplay([old], { ...rules, inboxRetentionDays: 14 }).accepted).toEqual([old]);
    expect(planReplay([old], { ...rules, force: true }).accepted).toEqual([old]);
  });

  it('refuses a dead letter of another topic and one without its original topic', () => {
    const other = deadLetter({ headers: { [DeadLetterHeader.originalTopic]: Buffer.from('shop.payment.v1') } });
    const unknown = deadLetter({ headers: { [DeadLetterHeader.originalTopic]: undefined } });
    const plan = planReplay([other, unknown], rules);
    expect(plan.accepted).toEqual([]);
    expect(plan.refused.map((refusal) => refusal.why)).toEqual([
      'its dlq-original-topic is shop.payment.v1, not shop.order.v1',
      'it has no dlq-original-topic header, so where it came from is unknown',
    ]);
  });

  it('refuses a value that is no event envelope, even when forced', () => {
    const plan = planReplay([deadLetter({ value: 'not json' })], { ...rules, force: true });
    expect(plan.refused[0]?.why).toMatch(/not an event envelope/);
  });

  it('publishes an event dead-lettered twice once, from its latest dead letter', () => {
    const first = deadLetter({ offset: 5, failedAt: '2026-11-22T09:00:00.000Z' });
    const again = deadLetter({ offset: 9, failedAt: '2026-11-22T10:00:00.000Z' });
    const plan = planReplay([again, first], rules);
    expect(plan.accepted).toEqual([again]);
    expect(plan.refused).toEqual([
      { letter: first, why: 'a later dead letter of the same event (p0@9) is replayed instead' },
    ]);
  });

  it('publishes in DLQ partition and offset order, which keeps each key in order', () => {
    const letters = [
      deadLetter({
        partition: 1,
        offset: 3,
        eventId: '0193a2b4-0000-7000-8000-000000000003',
        failedAt: '2026-11-22T07:00:00.000Z',
      }),
      deadLetter({ partition: 0, offset: 12, eventId: '0193a2b4-0000-7000-8000-000000000002' }),
      deadLetter({
        partition: 0,
        offset: 10,
        eventId: '0193a2b4-0000-7000-8000-000000000001',
        failedAt: '2026-11-22T11:00:00.000Z',
      }),
    ];
    expect(planReplay(letters, rules).accepted.map((l) => `${l.dlqPartition}@${l.dlqOffset}`)).toEqual([
      '0@10',
      '0@12',
      '1@3',
    ]);
  });
});

describe('output', () => {
  it('shows a dead letter on one line', () => {
    expect(deadLetterLine(deadLetter())).toBe(
      'p0@5  2026-11-22T09:00:00.000Z  0193a2b4-0000-7000-8000-000000000001  shop.order.placed  retries-exhausted  attempts=5  QueryFailedError: relation "invoices" does not exist',
    );
  });

  it('shows a dead letter as JSON without its payload', () => {
    const json = JSON.parse(deadLetterJson(deadLetter())) as Record<string, unknown>;
    expect(json).toMatchObject({
      dlqPartition: 0,
      dlqOffset: 5,
      originalTopic: 'shop.order.v1',
      originalPartition: 2,
      originalOffset: 41,
      consumerGroup: 'billing',
      eventId: '0193a2b4-0000-7000-8000-000000000001',
      headers: { traceparent: TRACEPARENT },
    });
    expect(JSON.stringify(json)).not.toContain('someone@example.com');
  });
});
