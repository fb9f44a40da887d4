import { describe, expect, it } from 'vitest';
import { webhookTypeOf } from './webhook-event-types.js';

describe('webhook type of a platform event', () => {
  it('maps invoice and payment events to their public webhook types', () => {
    expect(webhookTypeOf('business.invoice.issued')).toBe('invoice.issued');
    expect(webhookTypeOf('business.invoice.overdue')).toBe('invoice.overdue');
    expect(webhookTypeOf('business.payment.failed')).toBe('payment.failed');
    expect(webhookTypeOf('auth.user.registered')).toBeUndefined();
  });

  it('delivers a dunning reminder past the due date as invoice.overdue, and none before or on it', () => {
    expect(webhookTypeOf('business.invoice.reminder-due', { offsetDays: 1 })).toBe('invoice.overdue');
    expect(webhookTypeOf('business.invoice.reminder-due', { offsetDays: 7 })).toBe('invoice.overdue');
    expect(webhookTypeOf('business.invoice.reminder-due', { offsetDays: 0 })).toBeUndefined();
    expect(webhookTypeOf('business.invoice.reminder-due', { offsetDays: -3 })).toBeUndefined();
    expect(webhookTypeOf('business.invoice.reminder-due')).toBeUndefined();
  });
});
