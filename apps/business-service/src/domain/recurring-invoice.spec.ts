import { describe, expect, it } from 'vitest';
import { addMonths } from './calendar-day.js';
import { RecurringInvoice, type NewRecurringInvoice } from './recurring-invoice.js';

const NOW = new Date('2026-01-01T00:00:00.000Z');
const NEW: NewRecurringInvoice = {
  id: '01964f50-1c2d-7e3f-8a4b-5c6d7e8f9a0b',
  businessId: '01964f4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
  customerId: '01964f52-4c5d-7e6f-8a9b-0c1d2e3f4a5b',
  currency: 'EUR',
  lines: [{ description: ' Hosting ', quantity: 1, unitAmountMinor: 4900, taxRateBps: 1900 }],
  cadence: 'monthly',
  startDate: '2026-01-31',
  autoIssue: true,
  paymentTermDays: 14,
};

describe('RecurringInvoice', () => {
  it('keeps a monthly schedule on its day, or the month’s last day when shorter', () => {
    let schedule = RecurringInvoice.create(NEW, NOW);
    const days: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      days.push(schedule.currentPeriod().periodDate);
      schedule = schedule.advance(NOW);
    }
    expect(days).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(addMonths('2028-01-31', 1, 31)).toBe('2028-02-29');
  });

  it('dates each invoice paymentTermDays after its period, weekly every 7 days', () => {
    const weekly = RecurringInvoice.create({ ...NEW, cadence: 'weekly', startDate: '2026-12-28' }, NOW);
    expect(weekly.currentPeriod()).toEqual({ periodDate: '2026-12-28', dueDate: '2027-01-11' });
    expect(weekly.advance(NOW).nextDate).toBe('2027-01-04');
  });

  it('is due only while active and its next date has come', () => {
    const schedule = RecurringInvoice.create(NEW, NOW);
    expect(schedule.isDue('2026-01-30')).toBe(false);
    expect(schedule.isDue('2026-01-31')).toBe(true);
    expect(schedule.change({ status: 'paused' }, '2026-02-01', NOW).isDue('2026-02-01')).toBe(false);
  });

  it('resuming skips the periods of the pause', () => {
    const paused = RecurringInvoice.create(NEW, NOW).change({ status: 'paused' }, '2026-01-15', NOW);
    const resumed = paused.change({ status: 'active' }, '2026-05-10', NOW);
    expect(resumed.nextDate).toBe('2026-05-31');
  });

  it('refuses what an invoice would refuse, and any change once ended', () => {
    expect(() => RecurringInvoice.create({ ...NEW, currency: 'ABC' }, NOW)).toThrow(
      expect.objectContaining({ code: 'RECURRING_INVOICE.INVALID' }),
    );
    expect(() => RecurringInvoice.create({ ...NEW, lines: [] }, NOW)).toThrow(
      expect.objectContaining({ code: 'RECURRING_INVOICE.INVALID' }),
    );
    expect(() => RecurringInvoice.create({ ...NEW, startDate: '2026-02-30' }, NOW)).toThrow(
      expect.objectContaining({ code: 'RECURRING_INVOICE.INVALID' }),
    );
    const ended = RecurringInvoice.create(NEW, NOW).end(NOW);
    expect(() => ended.change({ status: 'active' }, '2026-02-01', NOW)).toThrow(
      expect.objectContaining({ code: 'RECURRING_INVOICE.ENDED' }),
    );
    expect(() => ended.end(NOW)).toThrow(expect.objectContaining({ code: 'RECURRING_INVOICE.ENDED' }));
  });
});
