import { describe, expect, it } from 'vitest';
import { DEAD_LETTER_ERROR_MESSAGE_LIMIT, DeadLetterHeader } from './dead-letter-headers.js';
import { deadLetterMessage, type DeadLetter } from './dead-letter-publisher.js';

const letter: DeadLetter = {
  topic: 'business.invoice.v1',
  partition: 2,
  offset: '41',
  key: 'inv-1',
  value: '{"eventId":"x"}',
  headers: {
    traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    'event-type': 'business.invoice.issued',
  },
  consumerGroup: 'notification-service',
  attempts: 5,
  reason: 'retries-exhausted',
  error: new TypeError('Bearer abc.def.ghi refused'),
};

describe('dead-letter message', () => {
  it('keeps the original key, value and headers and names where and why it failed', () => {
    const failedAt = new Date('2026-11-23T10:00:00.000Z');
    const { topic, message } = deadLetterMessage(letter, failedAt);
    expect(topic).toBe('business.invoice.v1.dlq');
    expect(message.key).toBe('inv-1');
    expect(message.value).toBe('{"eventId":"x"}');
    expect(message.headers).toMatchObject({
      traceparent: letter.headers['traceparent'],
      'event-type': 'business.invoice.issued',
      [DeadLetterHeader.originalTopic]: 'business.invoice.v1',
      [DeadLetterHeader.originalPartition]: '2',
      [DeadLetterHeader.originalOffset]: '41',
      [DeadLetterHeader.consumerGroup]: 'notification-service',
      [DeadLetterHeader.attempts]: '5',
      [DeadLetterHeader.reason]: 'retries-exhausted',
      [DeadLetterHeader.errorClass]: 'TypeError',
      [DeadLetterHeader.failedAt]: '2026-11-23T10:00:00.000Z',
    });
  });

  it('redacts and bounds the error message', () => {
    const long = deadLetterMessage({ ...letter, error: new Error('x'.repeat(5000)) }).message.headers;
    expect(long[DeadLetterHeader.errorMessage]).toHaveLength(DEAD_LETTER_ERROR_MESSAGE_LIMIT);
    const secret = deadLetterMessage(letter).message.headers[DeadLetterHeader.errorMessage];
    expect(secret).toContain('refused');
    expect(secret).not.toContain('abc.def.ghi');
  });

  it('appends to the history of an event that failed before and was replayed', () => {
    const first = deadLetterMessage(letter, new Date('2026-11-23T10:00:00.000Z')).message.headers;
    const replayed = { ...first, [DeadLetterHeader.replayId]: 'replay-1' };
    const second = deadLetterMessage({ ...letter, headers: replayed, attempts: 2 }).message.headers;
    const history = JSON.parse(second[DeadLetterHeader.history]);
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ attempts: 5, failedAt: '2026-11-23T10:00:00.000Z' });
    expect(history[1]).toMatchObject({ attempts: 2, replayId: 'replay-1' });
    expect(second[DeadLetterHeader.attempts]).toBe('2');
  });
});
