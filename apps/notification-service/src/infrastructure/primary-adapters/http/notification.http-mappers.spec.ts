import { describe, expect, it } from 'vitest';
import { publicErrorOf, toNotificationResponse } from './notification.http-mappers.js';

describe('notification answers', () => {
  it('mask every address an SMTP reply quotes in the last error', () => {
    expect(publicErrorOf('550 5.1.1 <ada.lovelace@example.com>: recipient ada@example.com unknown')).toBe(
      '550 5.1.1 <a***@example.com>: recipient a***@example.com unknown',
    );
  });

  it('cut a long last error short', () => {
    const error = publicErrorOf(`421 ${'x'.repeat(500)}`)!;
    expect(error).toHaveLength(200);
    expect(error.endsWith('…')).toBe(true);
  });

  it('mask the recipient of an e-mail and keep a null error null', () => {
    const answer = toNotificationResponse({
      id: '01900000-0000-7000-8000-000000000001',
      channel: 'email',
      template: 'welcome',
      status: 'sent',
      attempts: 1,
      lastError: null,
      recipient: 'grace@example.com',
      createdAt: new Date('2030-01-01T00:00:00Z'),
      sentAt: new Date('2030-01-01T00:00:01Z'),
    });
    expect(answer).toMatchObject({
      recipient: 'g***@example.com',
      lastError: null,
      sentAt: '2030-01-01T00:00:01.000Z',
    });
  });
});
